package dev.junction.backend.workflows;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.db.audit.AuditEntry;
import dev.junction.db.audit.AuditLogRepository;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Versions of a workflow's definition over real HTTP: save, optimistic locking, publish, rollback, diff, files. */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkflowVersionApiTest {

    /** A webhook, a script, a notification: valid with no connections. */
    private static final String VALID = """
            {"schemaVersion": 1,
             "trigger": {"kind": "webhook", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "toOrder", "type": "script", "name": "To order", "config": {"code": "return input;"},
                "position": {"x": 250, "y": 0}},
               {"id": "tellOps", "type": "notify", "name": "Tell ops",
                "config": {"channel": "log", "message": "order sent"}, "position": {"x": 500, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "toOrder"},
                       {"from": "toOrder", "fromPort": "out", "to": "tellOps"}]}""";

    /** Well-formed, but its edge leads nowhere: a draft that may be saved and may not be published. */
    private static final String DANGLING = """
            {"schemaVersion": 1,
             "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "nowhere"}]}""";

    @LocalServerPort
    int port;
    @Autowired
    AuditLogRepository auditLog;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;

    private final JsonMapper json = JsonMapper.builder().build();
    private ApiClient admin;
    private ApiClient viewer;
    private String id;

    @BeforeEach
    void aNewWorkflow() {
        ApiClient anonymous = ApiClient.anonymous(port);
        admin = anonymous.as("admin", "test-admin-password");
        viewer = anonymous.as("vic", "viewer-password-2");
        if (users.findByUsername("vic").isEmpty()) {
            users.insert("vic", "Vic Viewer", passwords.encode("viewer-password-2"), Set.of(Role.VIEWER));
        }
        id = read(admin.post("/api/v1/workflows", "{\"name\": \"Versioned " + UUID.randomUUID() + "\"}"))
                .get("id").asString();
    }

    @Test
    void aNewWorkflowHasVersionOneWithAManualTriggerAndNothingPublished() {
        JsonNode versions = read(admin.get("/api/v1/workflows/" + id + "/versions"));
        assertThat(versions.size()).isEqualTo(1);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(versions.get(0).get("latest").asBoolean()).isTrue();
        assertThat(versions.get(0).get("published").asBoolean()).isFalse();

        JsonNode first = read(admin.get("/api/v1/workflows/" + id + "/versions/1"));
        assertThat(first.at("/definition/trigger/kind").asString()).isEqualTo("manual");
        assertThat(first.get("problems").size()).isZero();
        assertThat(read(admin.get("/api/v1/workflows/" + id)).get("publishedVersion").isNull()).isTrue();
    }

    @Test
    void aSaveBasedOnAnOlderVersionIsRefusedNamingWhoSavedSince() {
        HttpResponse<String> saved = save(1, VALID);
        assertThat(saved.statusCode()).isEqualTo(201);
        assertThat(read(saved).get("version").asInt()).isEqualTo(2);

        HttpResponse<String> stale = save(1, DANGLING);
        assertThat(stale.statusCode()).isEqualTo(409);
        JsonNode problem = read(stale);
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("baseVersion");
        assertThat(problem.get("detail").asString()).contains("Version 2 was saved by admin")
                .contains("after your base version 1");
        assertThat(read(admin.get("/api/v1/workflows/" + id)).get("latestVersion").asInt()).isEqualTo(2);
    }

    @Test
    void aMalformedDefinitionIsA400NamingTheFieldInsideTheDefinition() {
        String unknownField = VALID.replace("\"name\": \"To order\"", "\"name\": \"To order\", \"colour\": \"red\"");

        HttpResponse<String> response = save(1, unknownField);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(read(response).get("errors").findValuesAsString("field")).contains("definition.nodes[0].colour");
        assertThat(read(admin.get("/api/v1/workflows/" + id)).get("latestVersion").asInt()).isEqualTo(1);
    }

    @Test
    void aDraftWithProblemsIsSavedButCannotBePublished() {
        JsonNode draft = read(save(1, DANGLING));
        assertThat(draft.get("problems").findValuesAsString("path")).contains("$.edges[0].to");

        HttpResponse<String> publish = admin.post("/api/v1/workflows/" + id + "/versions/2/publish", null);

        assertThat(publish.statusCode()).isEqualTo(400);
        assertThat(read(publish).get("errors").findValuesAsString("field")).contains("definition.edges[0].to");
        assertThat(read(admin.get("/api/v1/workflows/" + id)).get("publishedVersion").isNull()).isTrue();
    }

    @Test
    void anEmailNotificationWithoutAnSmtpServerIsAProblemOfTheDraftAndCannotBePublished() {
        String email = VALID.replace("\"config\": {\"channel\": \"log\", \"message\": \"order sent\"}",
                "\"config\": {\"channel\": \"email\", \"to\": \"ops@shop.test\", \"message\": \"order sent\"}");
        assertThat(email).isNotEqualTo(VALID);
        JsonNode draft = read(save(1, email));
        assertThat(draft.get("problems").findValuesAsString("nodeId")).containsExactly("tellOps");
        assertThat(draft.get("problems").findValuesAsString("message").getFirst())
                .contains("'email' cannot send on this installation").contains("JUNCTION_SMTP_HOST");

        HttpResponse<String> publish = admin.post("/api/v1/workflows/" + id + "/versions/2/publish", null);

        assertThat(publish.statusCode()).isEqualTo(400);
        JsonNode error = read(publish).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("definition.nodes[1].config.channel");
        assertThat(error.get("message").asString()).contains("JUNCTION_SMTP_HOST");
        assertThat(read(admin.get("/api/v1/workflows/" + id)).get("publishedVersion").isNull()).isTrue();
    }

    @Test
    void aScriptThatDoesNotParseIsAProblemOfTheDraft() {
        JsonNode draft = read(save(1, VALID.replace("return input;", "return input +;")));

        assertThat(draft.get("problems").findValuesAsString("path")).containsExactly("$.nodes[0].config.code");
        assertThat(draft.get("problems").findValuesAsString("nodeId")).containsExactly("toOrder");
        assertThat(draft.get("problems").findValuesAsString("message").getFirst()).startsWith("does not parse");
        assertThat(admin.post("/api/v1/workflows/" + id + "/versions/2/publish", null).statusCode()).isEqualTo(400);
    }

    @Test
    void publishRollbackAndDiffAreAudited() {
        save(1, VALID);
        assertThat(admin.post("/api/v1/workflows/" + id + "/versions/2/publish", null).statusCode()).isEqualTo(200);
        assertThat(read(admin.get("/api/v1/workflows/" + id)).get("publishedVersion").asInt()).isEqualTo(2);

        HttpResponse<String> rollback = admin.post("/api/v1/workflows/" + id + "/versions/1/rollback", null);
        assertThat(rollback.statusCode()).isEqualTo(200);
        JsonNode third = read(rollback);
        assertThat(third.get("version").asInt()).isEqualTo(3);
        assertThat(third.get("comment").asString()).isEqualTo("Rollback to version 1");
        assertThat(third.get("definition")).isEqualTo(read(admin.get("/api/v1/workflows/" + id + "/versions/1"))
                .get("definition"));
        assertThat(read(admin.get("/api/v1/workflows/" + id)).get("publishedVersion").asInt()).isEqualTo(3);

        JsonNode diff = read(admin.get("/api/v1/workflows/" + id + "/versions/diff?from=1&to=2"));
        assertThat(diff.get("addedNodes").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(
                "toOrder", "tellOps");
        assertThat(diff.get("triggerChanged").asBoolean()).isTrue();
        assertThat(diff.get("addedEdges").size()).isEqualTo(2);

        assertThat(auditLog.forEntity("workflow", id, 10)).extracting(AuditEntry::action).containsSubsequence(
                "workflow.rolled_back", "workflow.published", "workflow.version_saved", "workflow.created");
    }

    @Test
    void anExportedWorkflowImportsAsANewWorkflowWithTheSameDefinition() {
        save(1, VALID);
        HttpResponse<String> exported = admin.get("/api/v1/workflows/" + id + "/export");
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).startsWith("attachment; filename=\"Versioned-"));
        JsonNode file = read(exported);
        assertThat(file.get("format").asString()).isEqualTo("junction.workflow");
        assertThat(file.get("version").asInt()).isEqualTo(2);

        String copy = exported.body().replace(file.get("name").asString(), "Imported " + UUID.randomUUID());
        HttpResponse<String> imported = admin.post("/api/v1/workflows/import", copy);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        String importedId = read(imported).get("id").asString();
        assertThat(read(admin.get("/api/v1/workflows/" + importedId + "/versions/1")).get("definition"))
                .isEqualTo(file.get("definition"));
        assertThat(admin.post("/api/v1/workflows/import", exported.body()).statusCode())
                .as("same name again").isEqualTo(409);
        assertThat(read(admin.post("/api/v1/workflows/import", copy.replace("junction.workflow", "other")))
                .get("errors").findValuesAsString("field")).containsExactly("format");
    }

    @Test
    void theDefinitionSchemaIsServed() {
        HttpResponse<String> schema = viewer.get("/api/v1/schemas/workflow.json");

        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/schema+json"));
        assertThat(schema.body()).contains("forEach").contains("schemaVersion");
    }

    @Test
    void aViewerReadsVersionsButCannotSavePublishOrImport() {
        assertThat(viewer.get("/api/v1/workflows/" + id + "/versions").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/workflows/" + id + "/versions/1").statusCode()).isEqualTo(200);
        assertThat(viewer.post("/api/v1/workflows/" + id + "/versions",
                "{\"baseVersion\": 1, \"definition\": " + VALID + "}").statusCode()).isEqualTo(403);
        assertThat(viewer.post("/api/v1/workflows/" + id + "/versions/1/publish", null).statusCode()).isEqualTo(403);
        assertThat(viewer.post("/api/v1/workflows/" + id + "/versions/1/rollback", null).statusCode()).isEqualTo(403);
        assertThat(viewer.get("/api/v1/workflows/" + id + "/versions/9").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> save(int baseVersion, String definition) {
        return admin.post("/api/v1/workflows/" + id + "/versions",
                "{\"baseVersion\": " + baseVersion + ", \"comment\": \"test\", \"definition\": " + definition + "}");
    }

    private JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
