package dev.junction.backend.runs;

import dev.junction.backend.ApiClient;
import dev.junction.backend.Polling;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helper: workflows made and published over the REST API, runs started and waited for. */
public record RunsApi(ApiClient admin) {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FINAL = Set.of("succeeded", "failed", "dead_lettered", "cancelled");

    /** A new workflow whose version 2 is {@code definition}, published; answers its id. */
    public String published(String name, String definition) {
        HttpResponse<String> created = admin.post("/api/v1/workflows", "{\"name\": \"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = read(created.body()).get("id").asString();
        HttpResponse<String> saved = admin.post("/api/v1/workflows/" + id + "/versions",
                "{\"baseVersion\": 1, \"definition\": " + definition + "}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(read(saved.body()).get("problems")).as(saved.body()).isEmpty();
        HttpResponse<String> published = admin.post("/api/v1/workflows/" + id + "/versions/2/publish", null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return id;
    }

    /** Starts a run by hand; answers its id. */
    public String start(String workflowId, String input) {
        HttpResponse<String> started = admin.post("/api/v1/workflows/" + workflowId + "/runs",
                "{\"input\": " + input + "}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return read(started.body()).get("id").asString();
    }

    /** The run's detail once it has ended (or whatever it is after a generous while, for the assertion to show). */
    public JsonNode finished(String runId) {
        return until(runId, FINAL);
    }

    /** The run's detail once its status is one of {@code statuses}. */
    public JsonNode until(String runId, Set<String> statuses) {
        return Polling.lastRead(Duration.ofSeconds(60), Duration.ofMillis(20), () -> detail(runId),
                run -> statuses.contains(run.get("run").get("status").asString()));
    }

    public JsonNode detail(String runId) {
        HttpResponse<String> response = admin.get("/api/v1/runs/" + runId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response.body());
    }

    public static JsonNode read(String body) {
        return JSON.readTree(body);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
