package dev.junction.backend.templates;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.connectors.rest.sandbox.ShopSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TPL-3 on hand-made workflows: a version that uses a production connection goes live (publish, rollback) only once
 * the required items of its go-live checklist are done — refused with 400 naming each open item, never a 500 — while
 * a workflow on sandbox connections only shows its checklist and publishes freely. The "production" connection points
 * at the shop simulator on loopback.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProductionPublishGateTest {

    @LocalServerPort
    int port;

    @Test
    void aWorkflowOnAProductionConnectionIsPublishedOnlyOnceItsRequiredItemsAreDone() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        String connection = productionShop(admin);
        String workflowId = workflow(admin, "Shop live", connection);

        HttpResponse<String> refused = publish(admin, workflowId, 2);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("readiness.connections-tested").contains("Test " + connection)
                .doesNotContain("readiness.alert-rule").doesNotContain("readiness.owner")
                .doesNotContain("readiness.trigger-configured");
        assertThat(workflow(admin, workflowId).get("publishedVersion").isNull()).as("nothing went live").isTrue();
        JsonNode readiness = readiness(admin, workflowId);
        assertThat(readiness.get("gated").asBoolean()).isTrue();
        assertThat(readiness.get("gate").asString()).contains("production connection " + connection);
        assertThat(item(readiness, "trigger-configured").get("required").asBoolean())
                .as("a hand-made workflow may run on demand").isFalse();

        HttpResponse<String> tested = admin.post("/api/v1/connections/" + connection + "/test", null);
        assertThat(RunsApi.read(tested.body()).get("ok").asBoolean()).as(tested.body()).isTrue();
        assertThat(item(readiness(admin, workflowId), "connections-tested").get("done").asBoolean()).isTrue();

        HttpResponse<String> published = publish(admin, workflowId, 2);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(workflow(admin, workflowId).get("publishedVersion").asInt()).isEqualTo(2);
    }

    @Test
    void aRollbackIsGatedLikeAPublish() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        String connection = productionShop(admin);
        String workflowId = workflow(admin, "Shop rollback", connection);

        HttpResponse<String> refused = admin.post("/api/v1/workflows/" + workflowId + "/versions/2/rollback", null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("readiness.connections-tested");
        assertThat(workflow(admin, workflowId).get("latestVersion").asInt()).as("no version made").isEqualTo(2);
    }

    @Test
    void aWorkflowOnSandboxConnectionsOnlyShowsItsChecklistAndPublishesFreely() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        String connection = shop(admin, "sandbox"); // never tested
        String workflowId = workflow(admin, "Shop sandbox", connection);

        JsonNode readiness = readiness(admin, workflowId);
        assertThat(readiness.get("gated").asBoolean()).isFalse();
        assertThat(readiness.get("gate").asString()).isEqualTo("Sandbox only: not gating publish");
        assertThat(item(readiness, "connections-tested").get("done").asBoolean()).isFalse();

        HttpResponse<String> published = publish(admin, workflowId, 2);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    }

    private static String productionShop(ApiClient admin) {
        return shop(admin, "production");
    }

    /** An HTTP connection to the shop simulator (on this app's loopback port) in {@code environment}. */
    private static String shop(ApiClient admin, String environment) {
        String baseUrl = RunsApi.read(admin.get("/api/v1/connections/http-sandbox").body()).get("settings")
                .get("baseUrl").asString();
        String id = "shop-" + environment + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.post("/api/v1/connections", """
                {"id": "%s", "name": "%s", "connectorId": "http", "environment": "%s",
                 "settings": {"baseUrl": "%s", "authKind": "apiKey", "apiKeyHeader": "X-API-Key",
                              "testPath": "/orders?limit=1"},
                 "secrets": {"apiKey": "%s"}}""".formatted(id, id, environment, baseUrl, ShopSimulator.API_KEY));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id;
    }

    /** A new workflow whose version 2 reads the shop's sample order through {@code connection}; answers its id. */
    private static String workflow(ApiClient admin, String name, String connection) {
        HttpResponse<String> created = admin.post("/api/v1/workflows", "{\"name\": \"" + TemplateApi.unique(name)
                + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = RunsApi.read(created.body()).get("id").asString();
        HttpResponse<String> saved = admin.post("/api/v1/workflows/" + id + "/versions", """
                {"baseVersion": 1, "definition": {"schemaVersion": 1,
                 "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [{"id": "read", "type": "connector", "name": "Read order", "position": {"x": 200, "y": 0},
                            "config": {"connection": "%s", "operation": "request",
                                       "input": {"method": "GET", "path": "/orders/%s"}}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "read"}]}}"""
                .formatted(connection, ShopSimulator.SAMPLE_ORDER_ID));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(RunsApi.read(saved.body()).get("problems")).as(saved.body()).isEmpty();
        return id;
    }

    private static HttpResponse<String> publish(ApiClient admin, String workflowId, int version) {
        return admin.post("/api/v1/workflows/" + workflowId + "/versions/" + version + "/publish", null);
    }

    private static JsonNode workflow(ApiClient admin, String workflowId) {
        return RunsApi.read(admin.get("/api/v1/workflows/" + workflowId).body());
    }

    private static JsonNode readiness(ApiClient admin, String workflowId) {
        HttpResponse<String> answer = admin.get("/api/v1/workflows/" + workflowId + "/readiness");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return RunsApi.read(answer.body());
    }

    private static JsonNode item(JsonNode readiness, String key) {
        for (JsonNode item : readiness.get("items")) {
            if (item.get("key").asString().equals(key)) {
                return item;
            }
        }
        throw new AssertionError("no checklist item " + key + " in " + readiness);
    }
}
