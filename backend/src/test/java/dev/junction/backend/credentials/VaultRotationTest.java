package dev.junction.backend.credentials;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.backend.testconnector.VaultEchoConnector;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rotating the master key (kept in a key file) through the admin action while runs use the secrets. */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VaultRotationTest {

    private static final Path KEY_FILE;

    static {
        try {
            KEY_FILE = Files.createTempDirectory("junction-vault-test").resolve("master.key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void keyFile(DynamicPropertyRegistry registry) {
        registry.add("junction.vault.master-key", () -> "");
        registry.add("junction.vault.key-file", KEY_FILE::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;

    @Test
    void aRotationRewrapsEveryDataKeyWhileRunsGoOn() throws Exception {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        String oldKeyId = MasterKey.fromBase64(Files.readString(KEY_FILE)).id();
        for (String id : List.of("rotating-a", "rotating-b")) {
            HttpResponse<String> created = admin.post("/api/v1/connections", """
                    {"id": "%s", "name": "Rotating %s", "connectorId": "vault-echo", "environment": "sandbox",
                     "secrets": {"apiKey": "%s", "webhookKey": "hook-key-%s"}}"""
                    .formatted(id, id, VaultEchoConnector.RIGHT_KEY, id));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        RunsApi runs = new RunsApi(admin);
        String workflow = runs.published("Charging while rotating", """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [{"id": "charge", "type": "connector", "name": "Charge", "position": {"x": 200, "y": 0},
                            "config": {"connection": "rotating-a", "operation": "charge", "input": {"n": 1}}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "charge"}]}""");
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            started.add(runs.start(workflow, "{}"));
        }

        HttpResponse<String> rotated = admin.post("/api/v1/vault/rotate", null);
        for (int i = 0; i < 10; i++) {
            started.add(runs.start(workflow, "{}"));
        }

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        JsonNode answer = RunsApi.read(rotated.body());
        String newKeyId = answer.get("toKeyId").asString();
        assertThat(answer.get("fromKeyId").asString()).isEqualTo(oldKeyId);
        assertThat(newKeyId).isNotEqualTo(oldKeyId);
        assertThat(answer.get("secrets").asInt()).isGreaterThanOrEqualTo(4);
        for (String runId : started) {
            JsonNode run = runs.finished(runId);
            assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
            assertThat(run.toString()).doesNotContain(VaultEchoConnector.RIGHT_KEY);
        }
        assertThat(db.fetch("select distinct key_id from connection_secrets").getValues(0, String.class))
                .containsExactly(newKeyId);
        assertThat(MasterKey.fromBase64(Files.readString(KEY_FILE)).id()).isEqualTo(newKeyId);
        assertThat(KEY_FILE.resolveSibling("master.key.next")).doesNotExist();
        assertThat(db.fetch("select details::text from audit_log where action = 'vault.key_rotated'").formatJSON())
                .contains(oldKeyId).contains(newKeyId);
        JsonNode check = RunsApi.read(admin.post("/api/v1/connections/rotating-b/test", null).body());
        assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue();
    }
}
