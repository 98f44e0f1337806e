package dev.junction.backend.connections;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.backend.testconnector.VaultEchoConnector;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Connections over REST against the real vault and database: write-only secrets, validation, audit, roles. */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConnectionApiTest {

    private static final String DESIGNER_PASSWORD = "designer-password-1";
    private static final String OPERATOR_PASSWORD = "operator-password-1";

    @LocalServerPort
    int port;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    DSLContext db;
    private ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        if (users.findByUsername("dora").isEmpty()) {
            users.insert("dora", "Dora Designer", passwords.encode(DESIGNER_PASSWORD), Set.of(Role.DESIGNER));
            users.insert("otto", "Otto Operator", passwords.encode(OPERATOR_PASSWORD), Set.of(Role.OPERATOR));
        }
    }

    private static String uniqueId() {
        return "echo-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode create(String id, String apiKey) {
        // sandbox: what is tested does not depend on the environment, and a production connection would gate publish on
        // its go-live checklist (docs/templates.md)
        HttpResponse<String> created = admin.post("/api/v1/connections", """
                {"id": "%s", "name": "Echo %s", "connectorId": "vault-echo", "environment": "sandbox",
                 "settings": {"greeting": "hi", "mode": "loud"}, "secrets": {"apiKey": "%s"}}"""
                .formatted(id, id, apiKey));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(apiKey);
        return RunsApi.read(created.body());
    }

    @Test
    void theCatalogDescribesConnectorsWithSecretFieldsFlagged() {
        HttpResponse<String> catalog = admin.get("/api/v1/connectors/vault-echo");

        assertThat(catalog.statusCode()).isEqualTo(200);
        JsonNode descriptor = RunsApi.read(catalog.body());
        assertThat(descriptor.get("settings").findValues("name").stream().map(JsonNode::asString))
                .contains("greeting", "apiKey");
        assertThat(descriptor.get("settings").get(3).get("secret").asBoolean()).isTrue();
        assertThat(descriptor.get("operations").get(1).get("idempotencyKeyField").asString()).isEqualTo("reference");
        assertThat(admin.get("/api/v1/connectors").body()).contains("\"vault-echo\"");
        assertThat(admin.get("/api/v1/connectors/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void secretsAreSealedAndNeverAnswered() {
        String id = uniqueId();
        String canary = "canary-" + UUID.randomUUID();
        JsonNode created = create(id, canary);

        assertThat(created.get("settings").get("greeting").asString()).isEqualTo("hi");
        assertThat(created.get("settings").get("baseUrl").asString()).as("default").isEqualTo("https://echo.example");
        JsonNode apiKey = created.get("secrets").get(0);
        assertThat(apiKey.get("field").asString()).isEqualTo("apiKey");
        assertThat(apiKey.get("set").asBoolean()).isTrue();
        assertThat(apiKey.get("setBy").asString()).isEqualTo("admin");
        assertThat(created.get("secrets").get(1).get("set").asBoolean()).as("webhookKey").isFalse();
        assertThat(admin.get("/api/v1/connections/" + id).body()).doesNotContain(canary);
        assertThat(admin.get("/api/v1/connections").body()).doesNotContain(canary);

        byte[] ciphertext = db.fetchOne("select ciphertext from connection_secrets where connection_id = ?", id)
                .get(0, byte[].class);
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(canary);
        assertThat(db.fetch("select details::text from audit_log where entity_id = ?", id).formatJSON())
                .contains("apiKey").doesNotContain(canary);
    }

    @Test
    void aSecretCopiedToAnotherConnectionDoesNotOpen() {
        String original = uniqueId();
        String other = uniqueId();
        create(original, VaultEchoConnector.RIGHT_KEY);
        create(other, "other-key-456");
        db.execute("""
                update connection_secrets set ciphertext = s.ciphertext, nonce = s.nonce, wrapped_key = s.wrapped_key,
                  wrap_nonce = s.wrap_nonce from connection_secrets s
                where connection_secrets.connection_id = ? and s.connection_id = ? and s.field = 'apiKey'
                  and connection_secrets.field = 'apiKey'""", other, original);

        HttpResponse<String> test = admin.post("/api/v1/connections/" + other + "/test", null);

        assertThat(test.statusCode()).isEqualTo(200);
        JsonNode check = RunsApi.read(test.body());
        assertThat(check.get("ok").asBoolean()).isFalse();
        assertThat(check.get("stage").asString()).isEqualTo("SETTINGS");
        assertThat(check.get("message").asString()).contains("'apiKey' could not be decrypted")
                .contains("changed outside Junction").contains("another connection").contains("master key")
                .doesNotContain("Exception").doesNotContain("dev.junction");
        assertThat(test.body()).doesNotContain(VaultEchoConnector.RIGHT_KEY);
    }

    @Test
    void testConnectionSaysWhatFailedAndReplacingTheSecretMendsIt() {
        String id = uniqueId();
        create(id, "wrong-key-000");

        JsonNode failed = RunsApi.read(admin.post("/api/v1/connections/" + id + "/test", null).body());
        assertThat(failed.get("ok").asBoolean()).isFalse();
        assertThat(failed.get("stage").asString()).isEqualTo("AUTH");

        HttpResponse<String> replaced = admin.send("PUT", "/api/v1/connections/" + id, """
                {"name": "Echo %s", "environment": "sandbox", "settings": {"greeting": "hi", "mode": "loud"},
                 "secrets": {"apiKey": "%s"}}""".formatted(id, VaultEchoConnector.RIGHT_KEY));
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.body()).doesNotContain(VaultEchoConnector.RIGHT_KEY);

        JsonNode passed = RunsApi.read(admin.post("/api/v1/connections/" + id + "/test", null).body());
        assertThat(passed.get("ok").asBoolean()).as(passed.toString()).isTrue();
        assertThat(passed.get("stage").asString()).isEqualTo("OK");
        assertThat(db.fetch("select action, details::text from audit_log where entity_id = ? order by id", id)
                .formatJSON()).contains("connection.updated").contains("secrets.apiKey")
                .doesNotContain(VaultEchoConnector.RIGHT_KEY).doesNotContain("wrong-key-000");
    }

    @Test
    void badInputNamesEachFieldAndChangesNothing() {
        String id = uniqueId();
        HttpResponse<String> bad = admin.post("/api/v1/connections", """
                {"id": "%s", "name": "Bad", "connectorId": "vault-echo", "environment": "staging",
                 "settings": {"colour": "red", "mode": "quiet", "baseUrl": "ftp://x", "apiKey": "x"},
                 "secrets": {"token": "abcd"}}""".formatted(id));

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("environment").contains("settings.colour").contains("settings.mode")
                .contains("settings.baseUrl").contains("settings.apiKey").contains("secrets.token")
                .contains("secrets.apiKey").doesNotContain("Exception");
        // a refused choice names the allowed values as the form shows them (these choices have no words of their own)
        assertThat(bad.body()).contains("settings.mode: must be one of [plain, loud], got 'quiet'");
        assertThat(admin.get("/api/v1/connections/" + id).statusCode()).isEqualTo(404);
        assertThat(admin.post("/api/v1/connections", "{\"id\": \"Has Spaces\", \"wat\": 1}").body())
                .contains("wat");
        assertThat(admin.post("/api/v1/connections", "{\"id\": \"Has Spaces\", \"name\": \"x\","
                + " \"connectorId\": \"nope\", \"environment\": \"sandbox\"}").body())
                .contains("id").contains("connectorId").contains("vault-echo");
        assertThat(admin.post("/api/v1/connections", "{not json").statusCode()).isEqualTo(400);

        String taken = uniqueId();
        create(taken, "some-key-1");
        HttpResponse<String> again = admin.post("/api/v1/connections", """
                {"id": "%s", "name": "Another", "connectorId": "vault-echo", "environment": "sandbox",
                 "secrets": {"apiKey": "abcd"}}""".formatted(taken));
        assertThat(again.statusCode()).isEqualTo(409);
    }

    /** A problem's message is relative to its field, as every FieldProblem's: the UI puts the label before it. */
    @Test
    void aMissingRequiredSecretIsNamedByItsFieldWithAMessageRelativeToIt() {
        HttpResponse<String> bad = admin.post("/api/v1/connections", """
                {"id": "%s", "name": "Missing", "connectorId": "vault-echo", "environment": "sandbox"}"""
                .formatted(uniqueId()));

        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode errors = tools.jackson.databind.json.JsonMapper.builder().build().readTree(bad.body()).get("errors");
        assertThat(errors.valueStream().filter(error -> "secrets.apiKey".equals(error.get("field").asString()))
                .map(error -> error.get("message").asString())).as(bad.body()).containsExactly("is required");
    }

    @Test
    void designersReadConnectionsOnlyAdminsChangeThemOthersSeeNone() {
        String id = uniqueId();
        create(id, "some-key-2");
        ApiClient designer = ApiClient.anonymous(port).as("dora", DESIGNER_PASSWORD);
        ApiClient operator = ApiClient.anonymous(port).as("otto", OPERATOR_PASSWORD);

        assertThat(designer.get("/api/v1/connections").statusCode()).isEqualTo(200);
        assertThat(designer.post("/api/v1/connections/" + id + "/test", null).statusCode()).isEqualTo(403);
        assertThat(designer.delete("/api/v1/connections/" + id).statusCode()).isEqualTo(403);
        assertThat(operator.get("/api/v1/connections").statusCode()).isEqualTo(403);
        assertThat(operator.get("/api/v1/connections/" + id).statusCode()).isEqualTo(403);
        assertThat(admin.get("/api/v1/connections/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void runsUseTheConnectionAndNeverRecordItsSecret() {
        String id = uniqueId();
        String canary = "canary-" + UUID.randomUUID();
        create(id, canary);
        RunsApi runs = new RunsApi(admin);
        String workflow = runs.published("Echo through " + id, """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [{"id": "charge", "type": "connector", "name": "Charge", "position": {"x": 200, "y": 0},
                            "config": {"connection": "%s", "operation": "charge", "input": {"amount": 5}}},
                           {"id": "fail", "type": "connector", "name": "Fail", "position": {"x": 400, "y": 0},
                            "config": {"connection": "%s", "operation": "fail", "input": {}}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "charge"},
                           {"from": "charge", "fromPort": "out", "to": "fail"}]}""".formatted(id, id));

        JsonNode run = runs.finished(runs.start(workflow, "{}"));

        assertThat(run.get("run").get("status").asString()).isEqualTo("dead_lettered");
        String recorded = run.toString();
        assertThat(recorded).doesNotContain(canary).contains("****");
        JsonNode charge = run.get("steps").get(0);
        assertThat(charge.toString()).as("the connector fills its natural key field from the step's idempotency key")
                .contains("\"reference\"");
        assertThat(db.fetch("select * from steps").formatJSON()).doesNotContain(canary);
        assertThat(db.fetch("select * from payloads").formatJSON()).doesNotContain(canary);

        HttpResponse<String> inUse = admin.delete("/api/v1/connections/" + id);
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(inUse.body()).contains("Echo through " + id);
    }

    @Test
    void anOperationsRateLimitSendsTheNextCallBackToTheRetryQueue() {
        String id = uniqueId();
        create(id, VaultEchoConnector.RIGHT_KEY);
        RunsApi runs = new RunsApi(admin);
        String workflow = runs.published("Limited through " + id, """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [{"id": "call", "type": "connector", "name": "Call", "position": {"x": 200, "y": 0},
                            "config": {"connection": "%s", "operation": "limited", "input": {}}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "call"}]}""".formatted(id));

        JsonNode first = runs.finished(runs.start(workflow, "{}"));
        JsonNode second = runs.until(runs.start(workflow, "{}"), Set.of("waiting"));

        assertThat(first.get("run").get("status").asString()).isEqualTo("succeeded");
        assertThat(second.get("run").get("status").asString()).as(second.toString()).isEqualTo("waiting");
        JsonNode step = second.get("steps").get(0);
        assertThat(step.get("errorClass").asString()).isEqualTo("RateLimited");
        assertThat(step.get("errorMessage").asString()).contains("limited").contains(id);
        assertThat(db.fetchOne("select count(*) from rate_limit_buckets where connection_id = ?", id).get(0,
                Integer.class)).isEqualTo(1);
    }
}
