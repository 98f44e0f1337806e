package dev.junction.backend.templates;

import dev.junction.backend.ApiClient;
import dev.junction.backend.runs.RunsApi;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Installing, making ready, publishing and running templates over the REST API, as an admin. */
record TemplateApi(ApiClient admin) {

    /** Installs the template (body: connections, parameters, workflowName); answers the install result. */
    JsonNode install(String templateId, String body) {
        HttpResponse<String> installed = admin.post("/api/v1/templates/" + templateId + "/install", body);
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);
        return RunsApi.read(installed.body());
    }

    /** A workflow name no other test uses. */
    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    void testConnections(String... ids) {
        for (String id : ids) {
            HttpResponse<String> tested = admin.post("/api/v1/connections/" + id + "/test", null);
            assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);
            assertThat(tested.body()).as("the test of " + id).contains("\"OK\"");
        }
    }

    JsonNode readiness(String workflowId) {
        HttpResponse<String> readiness = admin.get("/api/v1/workflows/" + workflowId + "/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        return RunsApi.read(readiness.body());
    }

    HttpResponse<String> publish(String workflowId, int version) {
        return admin.post("/api/v1/workflows/" + workflowId + "/versions/" + version + "/publish", null);
    }

    /** Tests the connections, publishes version 1 and answers the workflow id. */
    String readyAndPublished(JsonNode installed, String... connections) {
        String workflowId = installed.get("workflowId").asString();
        assertThat(installed.get("problems")).as(installed.toString()).isEmpty();
        testConnections(connections);
        HttpResponse<String> published = publish(workflowId, installed.get("workflowVersion").asInt());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return workflowId;
    }

    /** Starts a run of the published version by hand and answers it once it has ended. */
    JsonNode run(String workflowId, String input) {
        RunsApi runs = new RunsApi(admin);
        return runs.finished(runs.start(workflowId, input));
    }

    /** The output of a step of a run's detail. */
    static JsonNode output(JsonNode run, String nodeId) {
        for (JsonNode step : run.get("steps")) {
            if (step.get("nodeId").asString().equals(nodeId) && "succeeded".equals(step.get("status").asString())) {
                return step.get("output").get("value");
            }
        }
        throw new AssertionError("no step " + nodeId + " with an output in " + run);
    }
}
