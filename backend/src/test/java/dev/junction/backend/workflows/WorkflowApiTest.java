package dev.junction.backend.workflows;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/workflows} over real HTTP against the backend and a fresh embedded PostgreSQL. */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkflowApiTest {

    private static final String VIEWER_PASSWORD = "viewer-password-1";

    @LocalServerPort
    int port;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    AuditLogRepository auditLog;

    private final JsonMapper json = JsonMapper.builder().build();
    private ApiClient anonymous;
    private ApiClient admin;
    private ApiClient viewer;

    @BeforeEach
    void clients() {
        anonymous = ApiClient.anonymous(port);
        admin = anonymous.as("admin", "test-admin-password");
        viewer = anonymous.as("vera", VIEWER_PASSWORD);
        if (users.findByUsername("vera").isEmpty()) {
            users.insert("vera", "Vera Viewer", passwords.encode(VIEWER_PASSWORD), Set.of(Role.VIEWER));
        }
    }

    @Test
    void withoutCredentialsTheApiAnswers401AsAProblem() {
        HttpResponse<String> response = anonymous.get("/api/v1/workflows");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Junction\"");
        assertThat(read(response).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordAnswers401() {
        assertThat(anonymous.as("admin", "not-the-password").get("/api/v1/workflows").statusCode()).isEqualTo(401);
    }

    @Test
    void theAdminCreatesRenamesAndDeletesAWorkflowAndEachChangeIsAudited() {
        HttpResponse<String> created = admin.post("/api/v1/workflows",
                "{\"name\": \"Opayo capture to FBA\", \"description\": \"Paid orders go to Amazon\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode workflow = read(created);
        String id = workflow.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/workflows/" + id));
        assertThat(workflow.get("createdBy").asString()).isEqualTo("admin");

        HttpResponse<String> renamed = admin.patch("/api/v1/workflows/" + id, "{\"name\": \"Opayo capture to FBA order\"}");
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(read(renamed).get("name").asString()).isEqualTo("Opayo capture to FBA order");
        assertThat(read(renamed).get("description").asString()).isEqualTo("Paid orders go to Amazon");

        HttpResponse<String> listed = admin.get("/api/v1/workflows?search=capture");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(read(listed).get("items").findValuesAsString("id")).contains(id);

        assertThat(admin.delete("/api/v1/workflows/" + id).statusCode()).isEqualTo(204);
        assertThat(admin.get("/api/v1/workflows/" + id).statusCode()).isEqualTo(404);

        List<AuditEntry> history = auditLog.forEntity("workflow", id, 10);
        assertThat(history).extracting(AuditEntry::action)
                .containsExactly("workflow.deleted", "workflow.renamed", "workflow.created");
        assertThat(history).extracting(AuditEntry::actor).containsOnly("admin");
        assertThat(history.get(1).detailsJson()).contains("Opayo capture to FBA order");
    }

    @Test
    void aMissingNameIsA400ThatNamesTheField() {
        assertFieldProblem(admin.post("/api/v1/workflows", "{\"description\": \"no name\"}"), 400, "name");
        assertFieldProblem(admin.post("/api/v1/workflows", "{\"name\": \"   \"}"), 400, "name");
    }

    @Test
    void aNameOverTheLimitIsA400ThatSaysTheLimit() {
        JsonNode problem = assertFieldProblem(
                admin.post("/api/v1/workflows", "{\"name\": \"" + "x".repeat(121) + "\"}"), 400, "name");
        assertThat(problem.get("detail").asString()).contains("at most 120 characters");
    }

    @Test
    void anUnknownFieldOrAWrongTypeIsA400ThatNamesTheField() {
        JsonNode unknown = assertFieldProblem(
                admin.post("/api/v1/workflows", "{\"name\": \"A\", \"colour\": \"red\"}"), 400, "colour");
        assertThat(unknown.get("detail").asString()).contains("not a known field").contains("name");

        JsonNode wrongType = assertFieldProblem(admin.post("/api/v1/workflows", "{\"name\": 42}"), 400, "name");
        assertThat(wrongType.get("detail").asString()).contains("must be a string");
    }

    @Test
    void malformedJsonIsA400Problem() {
        HttpResponse<String> response = admin.post("/api/v1/workflows", "{\"name\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(read(response).get("detail").asString()).contains("not valid JSON");
        assertThat(response.body()).doesNotContain("at tools.jackson").doesNotContain("Exception");
    }

    @Test
    void aDuplicateNameIsA409ThatNamesTheField() {
        String name = "Settlement " + UUID.randomUUID();
        assertThat(admin.post("/api/v1/workflows", "{\"name\": \"" + name + "\"}").statusCode()).isEqualTo(201);

        JsonNode problem = assertFieldProblem(
                admin.post("/api/v1/workflows", "{\"name\": \"" + name.toUpperCase() + "\"}"), 409, "name");
        assertThat(problem.get("detail").asString()).contains("already exists");
    }

    @Test
    void unknownIdsAnswer404AndMalformedIds400() {
        UUID unknown = UUID.randomUUID();

        HttpResponse<String> deleted = admin.delete("/api/v1/workflows/" + unknown);
        assertThat(deleted.statusCode()).isEqualTo(404);
        assertThat(read(deleted).get("detail").asString()).isEqualTo("No workflow with id " + unknown);
        assertThat(admin.patch("/api/v1/workflows/" + unknown, "{\"name\": \"x\"}").statusCode()).isEqualTo(404);
        assertFieldProblem(admin.get("/api/v1/workflows/not-a-uuid"), 400, "id");
    }

    @Test
    void badListParametersAre400sThatNameTheParameter() {
        assertFieldProblem(admin.get("/api/v1/workflows?sort=colour"), 400, "sort");
        assertFieldProblem(admin.get("/api/v1/workflows?limit=100000"), 400, "limit");
        assertFieldProblem(admin.get("/api/v1/workflows?offset=abc"), 400, "offset");
    }

    @Test
    void aViewerMayListButNotCreateRenameOrDelete() {
        String id = read(admin.post("/api/v1/workflows", "{\"name\": \"Viewer test " + UUID.randomUUID() + "\"}"))
                .get("id").asString();

        assertThat(viewer.get("/api/v1/workflows").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/workflows/" + id).statusCode()).isEqualTo(200);

        HttpResponse<String> create = viewer.post("/api/v1/workflows", "{\"name\": \"Not allowed\"}");
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(create.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(viewer.patch("/api/v1/workflows/" + id, "{\"name\": \"Renamed\"}").statusCode()).isEqualTo(403);
        assertThat(viewer.delete("/api/v1/workflows/" + id).statusCode()).isEqualTo(403);
        assertThat(admin.get("/api/v1/workflows/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void healthAndPrometheusAreOpenToProbes() {
        HttpResponse<String> health = anonymous.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(read(health).get("status").asString()).isEqualTo("UP");

        HttpResponse<String> metrics = anonymous.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");

        assertThat(anonymous.get("/actuator/env").statusCode()).isIn(401, 403, 404);
    }

    @Test
    void deletingAWorkflowWithRunsArchivesItAndItsRunsStayReadable() {
        RunsApi runs = new RunsApi(admin);
        String name = "Archived with its runs " + UUID.randomUUID();
        String id = runs.published(name, "{\"schemaVersion\": 1, \"trigger\": {\"kind\": \"manual\", \"config\": {}},"
                + " \"nodes\": [], \"edges\": []}");
        String first = runs.start(id, "{\"n\": 1}");
        String second = runs.start(id, "{\"n\": 2}");
        runs.finished(first);
        runs.finished(second);

        HttpResponse<String> deleted = admin.delete("/api/v1/workflows/" + id);

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        JsonNode removal = read(deleted);
        assertThat(removal.get("archived").asBoolean()).isTrue();
        assertThat(removal.get("runs").asInt()).isEqualTo(2);
        assertThat(removal.get("name").asString()).isEqualTo(name);
        assertThat(admin.get("/api/v1/workflows/" + id).statusCode()).isEqualTo(404);
        assertThat(read(admin.get("/api/v1/workflows?limit=200")).get("items").findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(admin.post("/api/v1/workflows/" + id + "/runs", "{\"input\": {}}").statusCode()).isEqualTo(404);

        JsonNode listed = read(admin.get("/api/v1/runs?workflowId=" + id));
        assertThat(listed.get("items").findValuesAsString("id")).containsExactlyInAnyOrder(first, second);
        assertThat(listed.get("items").findValuesAsString("workflowName")).containsOnly(name);
        assertThat(runs.detail(first).get("run").get("status").asString()).isEqualTo("succeeded");

        List<AuditEntry> history = auditLog.forEntity("workflow", id, 10);
        assertThat(history.getFirst().action()).isEqualTo("workflow.archived");
        assertThat(history.getFirst().detailsJson()).contains("\"runs\": 2").contains(name);
        assertThat(history).extracting(AuditEntry::action).doesNotContain("workflow.deleted");

        HttpResponse<String> sameName = admin.post("/api/v1/workflows", "{\"name\": \"" + name + "\"}");
        assertThat(sameName.statusCode()).as("an archived workflow's name is free again").isEqualTo(201);
        assertThat(admin.delete("/api/v1/workflows/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void deletingAWorkflowThatNeverRanDeletesIt() {
        String id = read(admin.post("/api/v1/workflows", "{\"name\": \"Never ran " + UUID.randomUUID() + "\"}"))
                .get("id").asString();

        HttpResponse<String> deleted = admin.delete("/api/v1/workflows/" + id);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(admin.get("/api/v1/workflows/" + id).statusCode()).isEqualTo(404);
        assertThat(auditLog.forEntity("workflow", id, 10)).extracting(AuditEntry::action)
                .containsExactly("workflow.deleted", "workflow.created");
    }

    private JsonNode assertFieldProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = read(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
        assertThat(problem.get("detail").asString()).contains(field);
        return problem;
    }

    private JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
