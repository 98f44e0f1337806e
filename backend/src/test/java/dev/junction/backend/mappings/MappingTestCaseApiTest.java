package dev.junction.backend.mappings;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved test cases of a mapping over REST, the samples of recent runs, and who may do what with them. */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MappingTestCaseApiTest {

    private static final String MAPPING = """
            {"schemaVersion": 1, "target": {"schema": {"type": "object", "properties": {
              "id": {"type": "string"}, "total": {"type": "integer"},
              "items": {"type": "array", "items": {"type": "object", "properties": {"sku": {"type": "string"}}}}}}},
             "rules": [{"target": "id", "from": "orderId"},
                       {"target": "total", "from": "amount", "pipe": [{"fn": "toMinorUnits", "args": ["GBP"]}]},
                       {"target": "items", "forEach": "lines", "rules": [{"target": "sku", "from": "sku"}]}]}""";
    private static final String SAMPLE = """
            {"orderId": "S-1", "amount": "12.34", "lines": [{"sku": "A"}, {"sku": "B"}]}""";
    private static final String EXPECTED = """
            {"id": "S-1", "total": 1234, "items": [{"sku": "A"}, {"sku": "B"}]}""";

    @LocalServerPort
    int port;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    MappingRunSampleService runSamples;
    private ApiClient admin;
    private ApiClient viewer;
    private ApiClient operator;

    @BeforeEach
    void setUp() {
        admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        viewer = ApiClient.anonymous(port).as("tess-viewer", "viewer-password-1");
        operator = ApiClient.anonymous(port).as("tess-operator", "operator-password-1");
        if (users.findByUsername("tess-viewer").isEmpty()) {
            users.insert("tess-viewer", "Tess Viewer", passwords.encode("viewer-password-1"), Set.of(Role.VIEWER));
        }
        if (users.findByUsername("tess-operator").isEmpty()) {
            users.insert("tess-operator", "Tess Operator", passwords.encode("operator-password-1"),
                    Set.of(Role.OPERATOR));
        }
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String createMapping() {
        HttpResponse<String> created = admin.post("/api/v1/mappings", "{\"name\": \"Tested " + UUID.randomUUID()
                + "\", \"definition\": " + MAPPING + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return RunsApi.read(created.body()).get("mapping").get("id").asString();
    }

    private String saveTest(String mapping, String name) {
        HttpResponse<String> saved = admin.post("/api/v1/mappings/" + mapping + "/tests", "{\"name\": \"" + name
                + "\", \"sample\": " + SAMPLE + ", \"expected\": " + EXPECTED + "}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        return RunsApi.read(saved.body()).get("id").asString();
    }

    @Test
    void savedTestCasesPassOnTheLatestVersionAndNameEachDifferenceOfAChangedWorkingCopy() {
        String mapping = createMapping();
        String testId = saveTest(mapping, "Two lines");

        JsonNode listed = RunsApi.read(admin.get("/api/v1/mappings/" + mapping + "/tests").body());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asString()).isEqualTo("Two lines");
        assertThat(listed.get(0).get("expected").get("total").asLong()).isEqualTo(1234);
        assertThat(listed.get(0).get("createdBy").asString()).isEqualTo("admin");

        JsonNode latest = RunsApi.read(admin.post("/api/v1/mappings/" + mapping + "/tests/run", null).body());
        assertThat(latest.get("failing").asInt()).as(latest.toString()).isZero();
        assertThat(latest.get("results").get(0).get("passed").asBoolean()).isTrue();

        String changed = MAPPING.replace("{\"target\": \"sku\", \"from\": \"sku\"}",
                "{\"target\": \"sku\", \"from\": \"sku\", \"pipe\": [{\"fn\": \"lower\"}]}")
                .replace("{\"target\": \"id\", \"from\": \"orderId\"},", "");
        JsonNode working = RunsApi.read(admin.post("/api/v1/mappings/" + mapping + "/tests/run",
                "{\"definition\": " + changed + "}").body());
        assertThat(working.get("failing").asInt()).as(working.toString()).isEqualTo(1);
        JsonNode result = working.get("results").get(0);
        assertThat(result.get("id").asString()).isEqualTo(testId);
        assertThat(result.get("passed").asBoolean()).isFalse();
        assertThat(result.get("error").isNull()).isTrue();
        assertThat(result.get("differences")).extracting(difference -> difference.get("path").asString() + " "
                + difference.get("kind").asString()).containsExactly("id removed", "items[0].sku changed",
                "items[1].sku changed");
        assertThat(result.get("differences").get(1).get("expected").asString()).isEqualTo("A");
        assertThat(result.get("differences").get(1).get("actual").asString()).isEqualTo("a");

        JsonNode broken = RunsApi.read(admin.post("/api/v1/mappings/" + mapping + "/tests/run",
                "{\"definition\": " + MAPPING.replace("\"toMinorUnits\"", "\"toMinorUnit\"") + "}").body());
        assertThat(broken.get("results").get(0).get("error").asString())
                .startsWith("the mapping does not compile (1 error): rules[1].pipe[0].fn: ");

        assertThat(admin.delete("/api/v1/mappings/" + mapping + "/tests/" + testId).statusCode()).isEqualTo(204);
        assertThat(RunsApi.read(admin.get("/api/v1/mappings/" + mapping + "/tests").body())).isEmpty();
        assertThat(admin.delete("/api/v1/mappings/" + mapping + "/tests/" + testId).statusCode()).isEqualTo(404);

        JsonNode audit = RunsApi.read(admin.get("/api/v1/audit?action=mapping.test_&entityType=mapping&entityId="
                + mapping).body());
        assertThat(audit.get("items")).extracting(entry -> entry.get("action").asString())
                .containsExactlyInAnyOrder("mapping.test_saved", "mapping.test_deleted");
    }

    @Test
    void everyRoleMayListRunAndPreviewButOnlyDesignersSaveOrDelete() {
        String mapping = createMapping();
        String testId = saveTest(mapping, "Kept");

        for (ApiClient reader : List.of(viewer, operator)) {
            assertThat(reader.get("/api/v1/mappings/" + mapping + "/tests").statusCode()).isEqualTo(200);
            HttpResponse<String> run = reader.post("/api/v1/mappings/" + mapping + "/tests/run", null);
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
            assertThat(RunsApi.read(run.body()).get("failing").asInt()).isZero();
            HttpResponse<String> preview = reader.post("/api/v1/mappings/preview", "{\"mapping\": " + MAPPING
                    + ", \"sample\": {\"orderId\": \"mine\", \"amount\": \"1.00\", \"lines\": []}}");
            assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
            assertThat(RunsApi.read(preview.body()).get("output").get("id").asString()).isEqualTo("mine");
            assertThat(reader.post("/api/v1/mappings/" + mapping + "/tests", "{\"name\": \"x\", \"sample\": {},"
                    + " \"expected\": {}}").statusCode()).isEqualTo(403);
            assertThat(reader.delete("/api/v1/mappings/" + mapping + "/tests/" + testId).statusCode())
                    .isEqualTo(403);
        }
        assertThat(RunsApi.read(admin.get("/api/v1/mappings/" + mapping + "/tests").body())).hasSize(1);
    }

    @Test
    void badInputIsNamedNeverA500() {
        String mapping = createMapping();
        String tests = "/api/v1/mappings/" + mapping + "/tests";

        assertProblem(admin.post(tests, "{\"name\": \"x\", \"expected\": {}}"), 400, "sample");
        assertProblem(admin.post(tests, "{\"name\": \"x\", \"sample\": {}}"), 400, "expected");
        assertProblem(admin.post(tests, "{\"name\": \" \", \"sample\": {}, \"expected\": {}}"), 400, "name");
        assertProblem(admin.post(tests, "{\"sample\": {}, \"expected\": {}}"), 400, "name");
        assertProblem(admin.post(tests, "{\"name\": \"x\", \"sample\": {}, \"expected\": {}, \"why\": 1}"), 400,
                "why");
        assertProblem(admin.post(tests, "{\"name\": "), 400, "body");
        assertProblem(admin.post(tests + "/run", "{\"definition\": [1]}"), 400, "definition");
        assertProblem(admin.post("/api/v1/mappings/" + UUID.randomUUID() + "/tests/run", null), 404, null);
        assertProblem(admin.get("/api/v1/mappings/" + UUID.randomUUID() + "/tests"), 404, null);
        assertProblem(admin.delete(tests + "/" + UUID.randomUUID()), 404, null);
        assertProblem(admin.post("/api/v1/mappings/" + UUID.randomUUID() + "/tests",
                "{\"name\": \"x\", \"sample\": {}, \"expected\": {}}"), 404, null);
        String big = "\"" + "x".repeat(MappingTestCaseService.MAX_JSON_BYTES) + "\"";
        assertProblem(admin.post(tests, "{\"name\": \"x\", \"sample\": " + big + ", \"expected\": {}}"), 400,
                "sample");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception");
        if (field != null) {
            assertThat(response.body()).contains("\"" + field + "\"");
        }
    }

    @Test
    void theSamplesOfRecentRunsAreTheInputsOfTheMapNodesRunningTheMappingNewestFirst() {
        String mapping = createMapping();
        assertThat(admin.post("/api/v1/mappings/" + mapping + "/versions/1/publish", null).statusCode())
                .isEqualTo(200);
        RunsApi runs = new RunsApi(admin);
        String workflowName = "Samples " + UUID.randomUUID();
        String workflow = runs.published(workflowName, """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [{"id": "shape", "type": "map", "name": "Shape",
                            "config": {"mapping": "%s", "source": "trigger.order"},
                            "position": {"x": 200, "y": 0}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "shape"}]}""".formatted(mapping));
        String first = runs.start(workflow, "{\"order\": {\"orderId\": \"R-1\", \"amount\": \"1.00\", \"lines\": []}}");
        runs.finished(first);
        String second = runs.start(workflow, "{\"order\": {\"orderId\": \"R-2\", \"amount\": \"2.00\", \"lines\": []},"
                + " \"other\": 1}");
        runs.finished(second);

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "tess-viewer", null, List.of(new SimpleGrantedAuthority("ROLE_VIEWER"))));
        List<MappingRunSampleService.RunSample> samples = runSamples.recent(UUID.fromString(mapping));

        assertThat(samples).as("the value each map step mapped").extracting(sample -> (Object) ((Map<?, ?>) sample.data()).get("orderId"))
                .containsExactly("R-2", "R-1");
        assertThat(samples.getFirst().runId().toString()).isEqualTo(second);
        assertThat(samples.getFirst().nodeId()).isEqualTo("shape");
        assertThat(samples.getFirst().label()).startsWith("run " + second.substring(0, 4) + "… · " + workflowName
                + " · ");
        assertThat(runSamples.recent(UUID.fromString(createMapping()))).as("a mapping no node runs").isEmpty();
    }

    @Test
    void howLongAgoIsSaidRoughly() {
        assertThat(MappingRunSampleService.ago(java.time.Duration.ofSeconds(5))).isEqualTo("just now");
        assertThat(MappingRunSampleService.ago(java.time.Duration.ofMinutes(2))).isEqualTo("2 min ago");
        assertThat(MappingRunSampleService.ago(java.time.Duration.ofHours(3))).isEqualTo("3 h ago");
        assertThat(MappingRunSampleService.ago(java.time.Duration.ofDays(5))).isEqualTo("5 d ago");
    }
}
