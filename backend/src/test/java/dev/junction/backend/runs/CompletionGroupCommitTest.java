package dev.junction.backend.runs;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.Polling;
import dev.junction.db.runs.PostgresRunStore;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code junction.workers.group-completions} on, the completions that workers finish together are committed
 * together (group commit of completions): while one
 * completion's commit is held back (a lock on {@code steps} taken in another transaction), the turns the other
 * workers finish wait for it and are then committed in one transaction; nothing of a waiting turn is visible before
 * its group's commit, and every run ends once, succeeded.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"junction.workers.size=4", "junction.workers.group-completions=true"})
class CompletionGroupCommitTest {

    private static final String WORKFLOW = """
            {"schemaVersion": 1, "trigger": {"kind": "webhook", "config": {"businessKey": "trigger.orderId"}},
             "nodes": [{"id": "shape", "type": "map", "name": "Shape",
                        "config": {"rules": [{"target": "id", "expression": "trigger.orderId"}]},
                        "position": {"x": 0, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "shape"}]}""";
    private static final int RUNS = 8;

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    DSLContext db;
    @Autowired
    PostgresRunStore store;

    private RunsApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        api = new RunsApi(ApiClient.anonymous(port).as("admin", "test-admin-password"));
    }

    @Test
    void turnsFinishedWhileACompletionCommitsAreCommittedTogetherAfterIt() throws Exception {
        String workflow = api.published("Grouped completions " + UUID.randomUUID(), WORKFLOW);
        var hook = api.admin().get("/api/v1/workflows/" + workflow + "/webhook");
        assertThat(hook.statusCode()).as(hook.body()).isEqualTo(200);
        String url = RunsApi.read(hook.body()).get("url").asString();
        List<String> runIds = new ArrayList<>();
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("lock table steps in share row exclusive mode");
            }
            for (int i = 0; i < RUNS; i++) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\": \"o-" + i + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                runIds.add(RunsApi.read(response.body()).get("runId").asString());
            }
            Polling.until("a completion to wait for the lock on steps", Duration.ofSeconds(60),
                    Duration.ofMillis(10), () -> !db.fetch("""
                            select pid from pg_stat_activity where wait_event_type = 'Lock'
                              and query like '%insert into steps%'""").isEmpty());
            // the other three workers finish their steps and queue behind it
            Polling.until("three completions to queue behind the held one", Duration.ofSeconds(60),
                    Duration.ofMillis(10), () -> store.completionsWaiting() >= 3);
            assertThat(db.fetchOne("select count(*) from steps s join runs r on r.id = s.run_id"
                    + " where r.workflow_id = ?::uuid", workflow).get(0, Integer.class))
                    .as("no step is committed while its group waits").isZero();
            assertThat(db.fetchOne("select count(*) from runs where workflow_id = ?::uuid and status = 'succeeded'",
                    workflow).get(0, Integer.class)).isZero();
            lock.rollback();
        }
        for (String runId : runIds) {
            assertThat(api.finished(runId).get("run").get("status").asString()).isEqualTo("succeeded");
        }
        assertThat(db.fetchOne("select count(*) from steps s join runs r on r.id = s.run_id"
                + " where r.workflow_id = ?::uuid", workflow).get(0, Integer.class))
                .as("one step record per run").isEqualTo(RUNS);
        // finished_at is now(), the start of the completing transaction
        int transactions = db.fetchOne("select count(distinct finished_at) from runs where workflow_id = ?::uuid",
                workflow).get(0, Integer.class);
        assertThat(transactions).as("the turns that queued behind the held completion were one group, one"
                + " transaction").isLessThan(RUNS - 1);
    }
}
