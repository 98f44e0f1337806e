package dev.junction.backend.mappings;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MappingApiTest {

    private static final String GOOD = """
            {"schemaVersion": 1, "target": {"schema": {"type": "object", "required": ["id"], "properties": {
              "id": {"type": "string"}, "total": {"type": "integer"}}}},
             "rules": [{"target": "id", "from": "orderId"},
                       {"target": "total", "from": "amount", "pipe": [{"fn": "toMinorUnits", "args": ["GBP"]}]}]}""";

    @LocalServerPort
    int port;
    private ApiClient admin;
    private RunsApi runs;

    @BeforeEach
    void setUp() {
        admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        runs = new RunsApi(admin);
    }

    private String create(String name, String definition) {
        HttpResponse<String> created = admin.post("/api/v1/mappings", "{\"name\": \"" + name + "\", \"definition\": "
                + definition + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return RunsApi.read(created.body()).get("mapping").get("id").asString();
    }

    @Test
    void mappingsAreVersionedWithOptimisticLockingAndPublishedOnlyWithoutErrors() {
        String name = "Order totals " + UUID.randomUUID();
        String id = create(name, GOOD.replace("\"toMinorUnits\"", "\"toMinorUnit\""));
        JsonNode first = RunsApi.read(admin.get("/api/v1/mappings/" + id).body());
        assertThat(first.get("latest").get("version").asInt()).isEqualTo(1);
        assertThat(first.get("latest").get("problems").get(0).get("path").asString()).isEqualTo("rules[1].pipe[0].fn");

        HttpResponse<String> refused = admin.post("/api/v1/mappings/" + id + "/versions/1/publish", null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("definition.rules[1].pipe[0].fn").contains("did you mean 'toMinorUnits'?");

        HttpResponse<String> saved = admin.post("/api/v1/mappings/" + id + "/versions",
                "{\"baseVersion\": 1, \"comment\": \"fix the function\", \"definition\": " + GOOD + "}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(RunsApi.read(saved.body()).get("problems")).isEmpty();
        HttpResponse<String> stale = admin.post("/api/v1/mappings/" + id + "/versions",
                "{\"baseVersion\": 1, \"definition\": " + GOOD + "}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Version 2 was saved by admin");
        assertThat(admin.post("/api/v1/mappings/" + id + "/versions/2/publish", null).statusCode()).isEqualTo(200);
        assertThat(RunsApi.read(admin.get("/api/v1/mappings/" + id + "/versions").body()))
                .extracting(version -> version.get("version").asInt()).containsExactly(2, 1);
        JsonNode diff = RunsApi.read(admin.get("/api/v1/mappings/" + id + "/versions/diff?from=1&to=2").body());
        assertThat(diff.get("changedRules").get(0).get("target").asString()).as(diff.toString()).isNotBlank();
        assertThat(diff.get("addedRules")).isEmpty();
        assertThat(admin.get("/api/v1/mappings/" + id + "/versions/diff?from=1&to=9").statusCode()).isEqualTo(404);

        assertThat(admin.post("/api/v1/mappings", "{\"name\": \"" + name.toUpperCase() + "\", \"definition\": "
                + GOOD + "}").statusCode()).as("names are unique whatever their case").isEqualTo(409);
        assertThat(admin.post("/api/v1/mappings", "{\"name\": \"x\"}").body()).contains("definition");
        assertThat(ApiClient.anonymous(port).get("/api/v1/mappings").statusCode()).isEqualTo(401);
    }

    @Test
    void aMapNodeRunsTheStoredMappingsPublishedVersionAndAMappingInUseCannotBeDeleted() {
        String id = create("Stored " + UUID.randomUUID(), GOOD);
        assertThat(admin.post("/api/v1/mappings/" + id + "/versions/1/publish", null).statusCode()).isEqualTo(200);
        String workflowName = "Uses stored mapping " + UUID.randomUUID();
        String workflow = runs.published(workflowName, """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [{"id": "shape", "type": "map", "name": "Shape", "config": {"mapping": "%s"},
                            "position": {"x": 200, "y": 0}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "shape"}]}""".formatted(id));

        JsonNode run = runs.finished(runs.start(workflow, "{\"orderId\": \"S-1\", \"amount\": \"12.34\"}"));

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("output").get("value").get("total").asLong()).isEqualTo(1234);
        HttpResponse<String> delete = admin.delete("/api/v1/mappings/" + id);
        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(delete.body()).contains(workflowName);

        String unused = create("Unused " + UUID.randomUUID(), GOOD);
        assertThat(admin.delete("/api/v1/mappings/" + unused).statusCode()).isEqualTo(204);
        assertThat(admin.get("/api/v1/mappings/" + unused).statusCode()).isEqualTo(404);
    }

    @Test
    void aMappingIsRenamedAndDescribedKeepingItsVersionsAndTheChangeIsAudited() {
        String name = "Before rename " + UUID.randomUUID();
        String id = create(name, GOOD);
        String taken = "Taken " + UUID.randomUUID();
        create(taken, GOOD);
        String newName = "After rename " + UUID.randomUUID();

        HttpResponse<String> renamed = admin.patch("/api/v1/mappings/" + id, "{\"name\": \"  " + newName + " \"}");

        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        JsonNode mapping = RunsApi.read(renamed.body());
        assertThat(mapping.get("name").asString()).isEqualTo(newName);
        assertThat(mapping.get("description").asString()).as("left as it was").isEmpty();
        assertThat(mapping.get("latestVersion").asInt()).isEqualTo(1);
        HttpResponse<String> described = admin.patch("/api/v1/mappings/" + id, "{\"description\": \"Orders\"}");
        assertThat(RunsApi.read(described.body()).get("name").asString()).isEqualTo(newName);
        assertThat(RunsApi.read(admin.get("/api/v1/mappings/" + id).body()).get("mapping").get("description")
                .asString()).isEqualTo("Orders");
        JsonNode audit = RunsApi.read(admin.get("/api/v1/audit?entityId=" + id).body());
        assertThat(audit.get("items").findValuesAsString("action"))
                .contains("mapping.renamed", "mapping.described");
        assertThat(audit.toString()).contains(name).contains(newName);

        HttpResponse<String> clash = admin.patch("/api/v1/mappings/" + id, "{\"name\": \"" + taken.toUpperCase()
                + "\"}");
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(clash.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(clash.body()).contains("already exists");
        HttpResponse<String> blank = admin.patch("/api/v1/mappings/" + id, "{\"name\": \"  \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("\"name\"").contains("1 to 120 characters");
        HttpResponse<String> nothing = admin.patch("/api/v1/mappings/" + id, "{}");
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("send a new name, a new description, or both");
        assertThat(admin.patch("/api/v1/mappings/" + id, "{\"name\": 7}").body()).contains("must be text");
        assertThat(admin.patch("/api/v1/mappings/" + id, "{\"nam\": \"x\"}").statusCode()).isEqualTo(400);
        assertThat(admin.patch("/api/v1/mappings/" + UUID.randomUUID(), "{\"name\": \"x\"}").statusCode())
                .isEqualTo(404);
        assertThat(ApiClient.anonymous(port).patch("/api/v1/mappings/" + id, "{\"name\": \"x\"}").statusCode())
                .isEqualTo(401);
    }
}
