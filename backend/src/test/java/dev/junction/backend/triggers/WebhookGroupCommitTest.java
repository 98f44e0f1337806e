package dev.junction.backend.triggers;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.Polling;
import dev.junction.backend.runs.RunsApi;
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
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks that arrive together are committed together (group commit of intake), and each is answered 202 only
 * after its group's commit; a group that cannot be committed fails every webhook in it, with nothing started. The
 * commit is held back by a lock on {@code runs} taken in another transaction, so the test sees the webhooks while
 * their group waits.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookGroupCommitTest {

    private static final String WORKFLOW = """
            {"schemaVersion": 1, "trigger": {"kind": "webhook", "config": {"businessKey": "trigger.orderId"}},
             "nodes": [{"id": "shape", "type": "map", "name": "Shape",
                        "config": {"rules": [{"target": "id", "expression": "trigger.orderId"}]},
                        "position": {"x": 0, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "shape"}]}""";
    private static final int WEBHOOKS = 8;

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    DSLContext db;

    private RunsApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        api = new RunsApi(ApiClient.anonymous(port).as("admin", "test-admin-password"));
    }

    private String webhookUrl(String workflowId) {
        var response = api.admin().get("/api/v1/workflows/" + workflowId + "/webhook");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunsApi.read(response.body()).get("url").asString();
    }

    private List<CompletableFuture<HttpResponse<String>>> send(String url, int count) {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\": \"o-" + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        return answers;
    }

    /** Holds every insert into {@code runs} back until the returned connection rolls back. */
    private Connection lockRuns() throws Exception {
        Connection lock = dataSource.getConnection();
        lock.setAutoCommit(false);
        try (Statement statement = lock.createStatement()) {
            statement.execute("lock table runs in share row exclusive mode");
        }
        return lock;
    }

    /** The server process of a group's start waiting for the lock on {@code runs} (waits until there is one). */
    private int waitingGroup() {
        return waitingGroupUnless(() -> false).orElseThrow(() ->
                new AssertionError("no group start ever waited for the lock"));
    }

    /**
     * The server process of a group's start waiting for the lock on {@code runs}, waiting until there is one, or
     * empty once {@code over} holds (every webhook answered: no group is left to wait).
     */
    private java.util.Optional<Integer> waitingGroupUnless(java.util.function.BooleanSupplier over) {
        List<Integer> waiting = Polling.lastRead(Duration.ofSeconds(60), Duration.ofMillis(10), () -> db.fetch("""
                select pid from pg_stat_activity where wait_event_type = 'Lock'
                  and query like 'with run as (%insert into runs%'""").getValues(0, Integer.class),
                pids -> !pids.isEmpty() || over.getAsBoolean());
        if (waiting.isEmpty() && !over.getAsBoolean()) {
            throw new AssertionError("no group start ever waited for the lock");
        }
        return waiting.stream().findFirst();
    }

    @Test
    void webhooksArrivingTogetherAreCommittedTogetherAndAnsweredOnlyAfterTheCommit() throws Exception {
        String workflow = api.published("Grouped " + UUID.randomUUID(), WORKFLOW);
        String url = webhookUrl(workflow);
        List<CompletableFuture<HttpResponse<String>>> answers;
        try (Connection lock = lockRuns()) {
            answers = send(url, WEBHOOKS);
            waitingGroup();
            Thread.sleep(1_000); // time for a wrong answer to arrive, and for the other webhooks to queue up
            assertThat(answers).as("no webhook is answered while its group's commit waits").noneMatch(
                    CompletableFuture::isDone);
            lock.rollback();
        }
        List<String> runIds = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            runIds.add(RunsApi.read(response.body()).get("runId").asString());
        }
        for (String runId : runIds) {
            assertThat(api.finished(runId).get("run").get("status").asString()).isEqualTo("succeeded");
        }
        // created_at is now(), the start time of the inserting transaction (xmin is not kept: the runs' rows are
        // updated when they end)
        int transactions = db.fetchOne("select count(distinct created_at) from runs where workflow_id = ?::uuid",
                workflow).get(0, Integer.class);
        assertThat(transactions).as("the webhooks that queued behind the first one were one group, one transaction")
                .isLessThan(WEBHOOKS);
    }

    @Test
    void aGroupThatCannotBeCommittedFailsEveryWebhookInItWithA503AndStartsNothing() throws Exception {
        String workflow = api.published("Failing group " + UUID.randomUUID(), WORKFLOW);
        String url = webhookUrl(workflow);
        List<CompletableFuture<HttpResponse<String>>> answers;
        try (Connection lock = lockRuns()) {
            answers = send(url, WEBHOOKS);
            // every group that waits loses its connection: the first (one webhook), then the one of all the others
            while (!answers.stream().allMatch(CompletableFuture::isDone)) {
                long answered = answers.stream().filter(CompletableFuture::isDone).count();
                // the last group's answers may still be on their way to this client: then no group waits any more
                var waiting = waitingGroupUnless(() -> answers.stream().allMatch(CompletableFuture::isDone));
                if (waiting.isEmpty()) {
                    break;
                }
                db.fetch("select pg_terminate_backend(?)", waiting.get());
                Polling.until("the terminated group's webhooks to be answered", Duration.ofSeconds(30),
                        Duration.ofMillis(10), () -> answers.stream().filter(CompletableFuture::isDone).count()
                                > answered);
            }
            lock.rollback();
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(RunsApi.read(response.body()).get("detail").asString()).contains("nothing was");
        }
        assertThat(db.fetchOne("select count(*) from runs where workflow_id = ?::uuid", workflow).get(0, Integer.class))
                .as("no run of a failed group was started").isZero();
    }
}
