package dev.junction.backend.security;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing leaks: unique secrets are stored, used by workflows that succeed and fail (through a connector that
 * echoes its secret into outputs and error messages, and through the Opayo sandbox, which refuses a wrong one), the
 * connections are tested, everything is exported — then the logs, every API answer and every database table but
 * the vault's own are searched for the secrets: zero hits.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SecretCanaryTest {

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;

    @Test
    void noSecretAppearsInLogsAnswersExportsOrTables(CapturedOutput logs) {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        String echoKey = "canary-echo-" + UUID.randomUUID();
        String opayoPassword = "canary-opayo-" + UUID.randomUUID();
        List<String> answers = new ArrayList<>();
        String opayoUrl = RunsApi.read(admin.get("/api/v1/connections/opayo-pi-sandbox").body()).get("settings")
                .get("baseUrl").asString();

        // sandbox: what is tested does not depend on the environment, and a production connection would gate publish on
        // its go-live checklist (docs/templates.md)
        answers.add(ok(admin.post("/api/v1/connections", """
                {"id": "canary-echo", "name": "Canary echo", "connectorId": "vault-echo", "environment": "sandbox",
                 "secrets": {"apiKey": "%s", "webhookKey": "%s-hook"}}""".formatted(echoKey, echoKey))));
        answers.add(ok(admin.post("/api/v1/connections", """
                {"id": "canary-opayo", "name": "Canary Opayo", "connectorId": "opayo-pi", "environment": "sandbox",
                 "settings": {"environment": "test", "baseUrl": "%s", "vendorName": "junctionsandbox"},
                 "secrets": {"integrationKey": "sandbox-integration-key", "integrationPassword": "%s"}}"""
                .formatted(opayoUrl, opayoPassword))));
        answers.add(admin.post("/api/v1/connections/canary-echo/test", null).body());
        answers.add(admin.post("/api/v1/connections/canary-opayo/test", null).body());
        answers.add(admin.send("PUT", "/api/v1/connections/canary-echo", """
                {"name": "Canary echo", "environment": "sandbox", "secrets": {"apiKey": "%s"}}"""
                .formatted(echoKey)).body());

        RunsApi runs = new RunsApi(admin);
        String workflow = runs.published("Canary", """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [
                   {"id": "echo", "type": "connector", "name": "Echo", "position": {"x": 200, "y": 0},
                    "config": {"connection": "canary-echo", "operation": "echo", "input": {"n": 1}}},
                   {"id": "key", "type": "connector", "name": "Session key", "position": {"x": 400, "y": 0},
                    "config": {"connection": "canary-opayo", "operation": "createMerchantSessionKey", "input": {}},
                    "onError": "continue"},
                   {"id": "fail", "type": "connector", "name": "Fail", "position": {"x": 600, "y": 0},
                    "config": {"connection": "canary-echo", "operation": "fail", "input": {}}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "echo"},
                           {"from": "echo", "fromPort": "out", "to": "key"},
                           {"from": "key", "fromPort": "out", "to": "fail"}]}""");
        String runId = runs.start(workflow, "{}");
        JsonNode run = runs.finished(runId);
        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("dead_lettered");
        assertThat(run.toString()).as("the Opayo step failed on authentication").contains("AuthenticationFailed");

        answers.add(run.toString());
        for (String path : List.of("/api/v1/connections", "/api/v1/connections/canary-echo",
                "/api/v1/connections/canary-opayo", "/api/v1/connectors", "/api/v1/runs?workflowId=" + workflow,
                "/api/v1/runs/" + runId, "/api/v1/dead-letters", "/api/v1/workflows/" + workflow + "/export",
                "/api/v1/workflows")) {
            answers.add(admin.get(path).body());
        }

        for (String secret : List.of(echoKey, opayoPassword)) {
            assertThat(String.join("\n", answers)).as("API answers").doesNotContain(secret);
            assertThat(logs.getAll()).as("logs").doesNotContain(secret);
            for (String table : db.fetch("select table_name from information_schema.tables where table_schema ="
                    + " 'public' and table_type = 'BASE TABLE' and table_name <> 'connection_secrets'")
                    .getValues(0, String.class)) {
                assertThat(db.fetch("select * from \"" + table + "\"").formatJSON()).as("table " + table)
                        .doesNotContain(secret);
            }
        }
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response.body();
    }
}
