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
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook targets are kept in memory and forgotten when the database announces their change, whoever wrote it (a
 * write on this connection stands for one of another node): a rotated token stops working, an unpublished workflow
 * stops taking webhooks, a removed token answers 404. A change made without the announcement (triggers off for one
 * session) is not seen, which shows the lookup is kept, not read again.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookTargetsTest {

    private static final String WORKFLOW = """
            {"schemaVersion": 1, "trigger": {"kind": "webhook", "config": {}},
             "nodes": [{"id": "shape", "type": "map", "name": "Shape",
                        "config": {"rules": [{"target": "id", "expression": "trigger.orderId"}]},
                        "position": {"x": 0, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "shape"}]}""";
    private static final Duration ANNOUNCED = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    DSLContext db;
    @Autowired
    WebhookTargets targets;

    private RunsApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        api = new RunsApi(ApiClient.anonymous(port).as("admin", "test-admin-password"));
        Polling.until("the listener for webhook target changes to listen", ANNOUNCED, Duration.ofMillis(10),
                targets::listening);
    }

    private String webhookUrl(String workflowId) {
        var response = api.admin().get("/api/v1/workflows/" + workflowId + "/webhook");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunsApi.read(response.body()).get("url").asString();
    }

    private int post(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\": \"o-1\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private void eventually(String what, String url, int status) {
        Polling.until(what, ANNOUNCED, Duration.ofMillis(20), () -> {
            try {
                return post(url) == status;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    /** Changes a row as a session whose triggers do not fire: no announcement. */
    private void silently(String sql, String workflowId) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set session_replication_role = replica");
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, UUID.fromString(workflowId));
                statement.executeUpdate();
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set session_replication_role = origin");
                }
            }
        }
    }

    @Test
    void aRotatedTokenStopsWorkingOnceTheChangeIsAnnouncedAndAKeptTargetIsNotReadAgain() throws Exception {
        String workflow = api.published("Kept target " + UUID.randomUUID(), WORKFLOW);
        String url = webhookUrl(workflow);
        assertThat(post(url)).isEqualTo(202);
        silently("update workflow_triggers set webhook_token = 'rotated-without-announcement' where workflow_id = ?",
                workflow);
        assertThat(post(url)).as("the kept target answers: the lookup was not read again").isEqualTo(202);

        db.execute("update workflow_triggers set webhook_token = 'rotated' where workflow_id = ?::uuid", workflow);
        eventually("the old token to stop working", url, 404);
        String rotated = url.substring(0, url.lastIndexOf('/') + 1) + "rotated";
        assertThat(post(rotated)).isEqualTo(202);
    }

    @Test
    void theRestApisRotationUnpublishingAndATokensRemovalAreSeen() throws Exception {
        String workflow = api.published("Rotated " + UUID.randomUUID(), WORKFLOW);
        String url = webhookUrl(workflow);
        assertThat(post(url)).isEqualTo(202);
        var rotated = api.admin().post("/api/v1/workflows/" + workflow + "/webhook/rotate", "{}");
        assertThat(rotated.statusCode()).as(rotated.body()).isLessThan(300);
        assertThat(post(url)).as("this node forgot the old token as the rotation committed").isEqualTo(404);
        String newUrl = webhookUrl(workflow);
        assertThat(post(newUrl)).isEqualTo(202);

        int version = db.fetchOne("select published_version from workflows where id = ?::uuid", workflow)
                .get(0, Integer.class);
        db.execute("update workflows set published_version = null where id = ?::uuid", workflow);
        eventually("the unpublished workflow to refuse webhooks", newUrl, 409);
        db.execute("update workflows set published_version = ? where id = ?::uuid", version, workflow);
        eventually("the workflow published again to take webhooks", newUrl, 202);

        db.execute("delete from workflow_triggers where workflow_id = ?::uuid", workflow);
        eventually("the workflow without a token to take no webhook", newUrl, 404);
    }
}
