package dev.junction.backend.runs;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.db.workflows.WorkflowRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runs list on a 100,000-run fixture made in SQL (generate_series): a business-key search finds the one run,
 * a category page comes from the runs that ended with that category, and the first page is a page.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunListAtScaleTest {

    static final int RUNS = 100_000;

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;

    private ApiClient admin;
    private UUID workflow;
    /** This fixture's business keys are {@code <prefix>-<n>}, unlike any other test's. */
    private final String prefix = "206" + Integer.toString(new java.util.Random().nextInt(1 << 20), 36);

    @BeforeAll
    void aHundredThousandRuns() {
        admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        workflow = new WorkflowRepository(db).insert("Amazon orders " + UUID.randomUUID(), "", "test").orElseThrow()
                .id();
        insertRuns(db, workflow, prefix, RUNS);
    }

    @AfterAll
    void removeThem() {
        db.execute("delete from runs where workflow_id = ?", workflow);
        db.execute("delete from workflows where id = ?", workflow);
    }

    /**
     * {@code count} runs of {@code workflow}, one a minute back from now: business keys {@code <prefix>-<n>}; every
     * 10th run dead-lettered (alternately RateLimited and RemoteValidation), the rest succeeded.
     */
    static void insertRuns(DSLContext db, UUID workflow, String prefix, int count) {
        db.execute("""
                insert into runs (id, workflow_id, workflow_version, trigger_kind, business_key, status, error_class,
                                  error_category, created_at, started_at, finished_at)
                select gen_random_uuid(), ?, 1, 'poll', ? || '-' || lpad(n::text, 7, '0'),
                       case when n % 10 = 0 then 'dead_lettered' else 'succeeded' end,
                       case when n % 20 = 0 then 'RateLimited' when n % 10 = 0 then 'RemoteValidation' end,
                       case when n % 20 = 0 then 'rate_limit' when n % 10 = 0 then 'validation' end,
                       now() - n * interval '1 minute', now() - n * interval '1 minute',
                       now() - n * interval '1 minute' + interval '2 seconds'
                from generate_series(1, ?) as n""", workflow, prefix, count);
        db.execute("analyze runs");
    }

    @Test
    void aBusinessKeySearchReturnsTheOneRun() {
        JsonNode page = list("businessKey=" + prefix + "-0054321");

        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("businessKey").asString()).isEqualTo(prefix + "-0054321");
        assertThat(page.get("next").isNull()).isTrue();
    }

    @Test
    void aCategoryPageHoldsOnlyThatCategoryAndTheFirstPageIsAPage() {
        JsonNode limited = list("workflowId=" + workflow + "&category=rate_limit&limit=200");
        assertThat(limited.get("items")).hasSize(200);
        limited.get("items").forEach(run -> assertThat(run.get("errorClass").asString()).isEqualTo("RateLimited"));
        assertThat(limited.get("next").isNull()).isFalse();

        JsonNode first = list("workflowId=" + workflow);
        assertThat(first.get("items")).hasSize(50);
        assertThat(first.get("items").get(0).get("businessKey").asString()).isEqualTo(prefix + "-0000001");
    }

    private JsonNode list(String query) {
        HttpResponse<String> response = admin.get("/api/v1/runs?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunsApi.read(response.body());
    }
}
