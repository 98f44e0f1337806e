package dev.junction.backend.triggers;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /hooks/{workflowId}/{token}} as a remote system calls it: the good case and every bad one. */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookTriggerTest {

    private static final String WEBHOOK_WORKFLOW = """
            {"schemaVersion": 1,
             "trigger": {"kind": "webhook", "config": {"businessKey": "trigger.VendorTxCode"}},
             "nodes": [{"id": "shape", "type": "script", "name": "Shape",
                        "config": {"code": "return {amount: trigger.Amount / 100};"}, "position": {"x": 0, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "shape"}]}""";

    @LocalServerPort
    int port;

    private RunsApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        api = new RunsApi(ApiClient.anonymous(port).as("admin", "test-admin-password"));
    }

    private JsonNode webhook(String workflowId) {
        var response = api.admin().get("/api/v1/workflows/" + workflowId + "/webhook");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunsApi.read(response.body());
    }

    private HttpResponse<String> post(String url, HttpRequest.BodyPublisher body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(body).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int runsOf(String workflowId) {
        return RunsApi.read(api.admin().get("/api/v1/runs?workflowId=" + workflowId).body()).get("items").size();
    }

    @Test
    void aWebhookStartsARunAndAnswersItsIdOnceCommitted() {
        String workflow = api.published("Opayo notification " + UUID.randomUUID(), WEBHOOK_WORKFLOW);
        String url = webhook(workflow).get("url").asString();
        assertThat(url).startsWith("http://localhost:" + port + "/hooks/" + workflow + "/");

        HttpResponse<String> response = post(url, HttpRequest.BodyPublishers.ofString(
                "{\"VendorTxCode\": \"JX-1001\", \"Amount\": 1999}"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String runId = RunsApi.read(response.body()).get("runId").asString();
        JsonNode run = api.finished(runId);
        assertThat(run.get("run").get("status").asString()).isEqualTo("succeeded");
        assertThat(run.get("run").get("triggerKind").asString()).isEqualTo("webhook");
        assertThat(run.get("run").get("businessKey").asString()).isEqualTo("JX-1001");
        assertThat(run.get("output").get("value").get("amount").asDouble()).isEqualTo(19.99);
    }

    @Test
    void badCallsAnswerAsSpecifiedAndCreateNothing() {
        String workflow = api.published("Guarded hook " + UUID.randomUUID(), WEBHOOK_WORKFLOW);
        String url = webhook(workflow).get("url").asString();
        String base = "http://localhost:" + port + "/hooks/";

        HttpResponse<String> wrongToken = post(base + workflow + "/not-the-token", HttpRequest.BodyPublishers.ofString("{}"));
        HttpResponse<String> unknownWorkflow = post(base + UUID.randomUUID() + "/whatever",
                HttpRequest.BodyPublishers.ofString("{}"));
        HttpResponse<String> notAnId = post(base + "orders/whatever", HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(wrongToken.statusCode()).isEqualTo(404);
        assertThat(unknownWorkflow.statusCode()).isEqualTo(404);
        assertThat(notAnId.statusCode()).isEqualTo(404);
        assertThat(RunsApi.read(wrongToken.body()).get("detail").asString())
                .isEqualTo(RunsApi.read(unknownWorkflow.body()).get("detail").asString());

        HttpResponse<String> malformed = post(url, HttpRequest.BodyPublishers.ofString("{\"VendorTxCode\": "));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("not valid JSON").doesNotContain("Exception");

        String big = "{\"blob\": \"" + "x".repeat(70_000) + "\"}";
        assertThat(post(url, HttpRequest.BodyPublishers.ofString(big)).statusCode()).isEqualTo(413);
        HttpResponse<String> bigChunked = post(url, HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(big.getBytes())));
        assertThat(bigChunked.statusCode()).as("a body without Content-Length is limited as it is read")
                .isEqualTo(413);

        assertThat(runsOf(workflow)).isZero();
        String metrics = ApiClient.anonymous(port).get("/actuator/prometheus").body();
        assertThat(metrics).as("webhooks are counted by their answer")
                .containsPattern("junction_webhooks_total\\{[^}]*status=\"404\"[^}]*} [1-9]")
                .containsPattern("junction_webhooks_total\\{[^}]*status=\"413\"[^}]*} [1-9]")
                .doesNotContain("uri=\"/hooks/");
    }

    @Test
    void rotatingTheTokenRetiresTheOldOne() {
        String workflow = api.published("Rotating hook " + UUID.randomUUID(), WEBHOOK_WORKFLOW);
        String oldUrl = webhook(workflow).get("url").asString();

        var rotated = api.admin().post("/api/v1/workflows/" + workflow + "/webhook/rotate", null);

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String newUrl = RunsApi.read(rotated.body()).get("url").asString();
        assertThat(newUrl).isNotEqualTo(oldUrl);
        assertThat(post(oldUrl, HttpRequest.BodyPublishers.ofString("{}")).statusCode()).isEqualTo(404);
        assertThat(post(newUrl, HttpRequest.BodyPublishers.ofString("{}")).statusCode()).isEqualTo(202);
        assertThat(webhook(workflow).get("url").asString()).isEqualTo(newUrl);
    }

    @Test
    void aWorkflowWhosePublishedTriggerIsNotAWebhookRefusesCalls() {
        String workflow = api.published("Manual only " + UUID.randomUUID(), """
                {"schemaVersion": 1, "trigger": {"kind": "manual"},
                 "nodes": [{"id": "a", "type": "script", "name": "A", "config": {"code": "return 1;"},
                            "position": {"x": 0, "y": 0}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "a"}]}""");
        String url = webhook(workflow).get("url").asString();

        HttpResponse<String> response = post(url, HttpRequest.BodyPublishers.ofString("{}"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("no published version with a webhook trigger");
        assertThat(runsOf(workflow)).isZero();
    }
}
