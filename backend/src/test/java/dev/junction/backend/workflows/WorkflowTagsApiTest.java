package dev.junction.backend.workflows;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workflow tags over REST: kept trimmed, lower-case, sorted and without duplicates; a bad tag is a 400 naming
 * {@code tags[i]} that changes nothing; the workflows and the runs lists filter by tag.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkflowTagsApiTest {

    private static final String DEFINITION = """
            {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [{"id": "one", "type": "script", "name": "One", "position": {"x": 200, "y": 0},
                        "config": {"code": "return {ok: true};"}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "one"}]}""";

    @LocalServerPort
    int port;

    @Test
    void tagsAreCleanedOnCreateAndReplacedOnUpdate() {
        ApiClient admin = admin();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.post("/api/v1/workflows", "{\"name\": \"Tagged " + suffix
                + "\", \"tags\": [\" Orders \", \"uk\", \"ORDERS\", \"b_2-" + suffix + "\"]}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode workflow = RunsApi.read(created.body());
        assertThat(strings(workflow.get("tags"))).containsExactly("b_2-" + suffix, "orders", "uk");
        String id = workflow.get("id").asString();

        JsonNode renamed = RunsApi.read(admin.patch("/api/v1/workflows/" + id, "{\"name\": \"Renamed " + suffix
                + "\"}").body());
        assertThat(strings(renamed.get("tags"))).as("left out: kept").containsExactly("b_2-" + suffix, "orders", "uk");
        JsonNode retagged = RunsApi.read(admin.patch("/api/v1/workflows/" + id, "{\"tags\": [\"eu\"]}").body());
        assertThat(strings(retagged.get("tags"))).containsExactly("eu");
        assertThat(strings(RunsApi.read(admin.get("/api/v1/workflows/tags").body()))).contains("eu")
                .doesNotContain("b_2-" + suffix);
        JsonNode cleared = RunsApi.read(admin.patch("/api/v1/workflows/" + id, "{\"tags\": []}").body());
        assertThat(cleared.get("tags")).isEmpty();
    }

    @Test
    void aBadTagIsRefusedNamingItAndChangesNothing() {
        ApiClient admin = admin();
        String name = "Refused tags " + UUID.randomUUID();
        HttpResponse<String> refused = admin.post("/api/v1/workflows", "{\"name\": \"" + name
                + "\", \"tags\": [\"ok\", \"big orders\", \"\"]}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = RunsApi.read(refused.body());
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("tags[1]", "tags[2]");
        assertThat(problem.get("detail").asString())
                .contains("tags[1]: must be 1 to 40 letters, digits, '-' or '_' (no spaces); 'big orders' is not");
        assertThat(RunsApi.read(admin.get("/api/v1/workflows?search=" + name.replace(" ", "%20")).body())
                .get("total").asInt()).isZero();

        String id = RunsApi.read(admin.post("/api/v1/workflows", "{\"name\": \"" + name + "\", \"tags\": [\"keep\"]}")
                .body()).get("id").asString();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("\"t" + i + "\"");
        }
        HttpResponse<String> tooMany = admin.patch("/api/v1/workflows/" + id, "{\"name\": \"Other " + name
                + "\", \"tags\": [" + String.join(",", many) + "]}");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(RunsApi.read(tooMany.body()).get("detail").asString()).contains("tags: must hold at most 20 tags");
        JsonNode unchanged = RunsApi.read(admin.get("/api/v1/workflows/" + id).body());
        assertThat(unchanged.get("name").asString()).isEqualTo(name);
        assertThat(strings(unchanged.get("tags"))).containsExactly("keep");

        HttpResponse<String> badFilter = admin.get("/api/v1/workflows?tag=no%20way");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFilter.body()).contains("\"tag\"");
        HttpResponse<String> badRunsFilter = admin.get("/api/v1/runs?tag=no%20way");
        assertThat(badRunsFilter.statusCode()).isEqualTo(400);
        assertThat(badRunsFilter.body()).contains("\"tag\"");
    }

    @Test
    void theWorkflowsAndRunsListsFilterByTag() {
        ApiClient admin = admin();
        RunsApi runs = new RunsApi(admin);
        String tag = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String tagged = runs.published("Filter tagged " + tag, DEFINITION);
        String other = runs.published("Filter other " + tag, DEFINITION);
        assertThat(admin.patch("/api/v1/workflows/" + tagged, "{\"tags\": [\"" + tag + "\"]}").statusCode())
                .isEqualTo(200);
        String taggedRun = runs.start(tagged, "{}");
        String otherRun = runs.start(other, "{}");
        runs.finished(taggedRun);
        runs.finished(otherRun);

        JsonNode workflows = RunsApi.read(admin.get("/api/v1/workflows?tag=" + tag.toUpperCase()).body());
        assertThat(workflows.get("total").asInt()).isEqualTo(1);
        assertThat(workflows.get("items").get(0).get("id").asString()).isEqualTo(tagged);

        JsonNode listed = RunsApi.read(admin.get("/api/v1/runs?tag=" + tag).body());
        List<String> ids = new ArrayList<>();
        listed.get("items").forEach(run -> ids.add(run.get("id").asString()));
        assertThat(ids).containsExactly(taggedRun);
        String csv = admin.get("/api/v1/runs/export.csv?tag=" + tag).body();
        assertThat(csv).contains(taggedRun).doesNotContain(otherRun);
    }

    private ApiClient admin() {
        return ApiClient.anonymous(port).as("admin", "test-admin-password");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
