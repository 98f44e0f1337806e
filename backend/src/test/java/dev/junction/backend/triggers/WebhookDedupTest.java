package dev.junction.backend.triggers;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sender that repeats a delivery (its answer was lost) starts no second run: by an {@code Idempotency-Key} header
 * or by the trigger's {@code dedupKey} expression, the repeat is answered with the first run's id.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookDedupTest {

    private static final String PLAIN = """
            {"schemaVersion": 1,
             "trigger": {"kind": "webhook", "config": {}},
             "nodes": [{"id": "shape", "type": "script", "name": "Shape",
                        "config": {"code": "return {order: trigger.orderId};"}, "position": {"x": 0, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "shape"}]}""";

    private static final String KEYED = PLAIN.replace("\"config\": {}}", "\"config\": {\"dedupKey\": \"trigger.orderId\"}}");

    @LocalServerPort
    int port;

    private RunsApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        api = new RunsApi(ApiClient.anonymous(port).as("admin", "test-admin-password"));
    }

    private String hook(String definition) {
        String workflow = api.published("Shop orders " + UUID.randomUUID(), definition);
        return RunsApi.read(api.admin().get("/api/v1/workflows/" + workflow + "/webhook").body()).get("url")
                .asString();
    }

    private static String workflowOf(String hook) {
        return hook.split("/hooks/")[1].split("/")[0];
    }

    private HttpResponse<String> post(String url, String idempotencyKey, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> runsOf(String hook) {
        List<String> ids = new ArrayList<>();
        RunsApi.read(api.admin().get("/api/v1/runs?workflowId=" + workflowOf(hook)).body()).get("items")
                .forEach(run -> ids.add(run.get("id").asString()));
        return ids;
    }

    private static String runId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return RunsApi.read(response.body()).get("runId").asString();
    }

    @Test
    void aRepeatWithTheSameIdempotencyKeyAnswersTheFirstRunAndStartsNothing() {
        String hook = hook(PLAIN);

        HttpResponse<String> first = post(hook, "order-1001-created", "{\"orderId\": \"1001\"}");
        HttpResponse<String> repeat = post(hook, "order-1001-created", "{\"orderId\": \"1001\"}");

        String runId = runId(first);
        assertThat(runId(repeat)).isEqualTo(runId);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(RunsApi.read(first.body()).has("duplicate")).isFalse();
        assertThat(repeat.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(RunsApi.read(repeat.body()).get("duplicate").asBoolean()).isTrue();
        assertThat(repeat.headers().firstValue("Location")).contains("/api/v1/runs/" + runId);
        assertThat(runsOf(hook)).containsExactly(runId);
        assertThat(api.finished(runId).get("run").get("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void differentKeysStartDifferentRuns() {
        String hook = hook(PLAIN);

        String first = runId(post(hook, "delivery-a", "{\"orderId\": \"1001\"}"));
        String second = runId(post(hook, "delivery-b", "{\"orderId\": \"1001\"}"));
        String unkeyed = runId(post(hook, null, "{\"orderId\": \"1001\"}"));

        assertThat(Set.of(first, second, unkeyed)).hasSize(3);
        assertThat(runsOf(hook)).containsExactlyInAnyOrder(first, second, unkeyed);
        assertThat(post(hook, " ", "{}").statusCode()).as("a blank key is refused, not ignored").isEqualTo(400);
    }

    @Test
    void theSameKeyForAnotherWorkflowIsAnotherDelivery() {
        String one = hook(PLAIN);
        String other = hook(PLAIN);

        assertThat(runId(post(one, "shared-key", "{}"))).isNotEqualTo(runId(post(other, "shared-key", "{}")));
    }

    @Test
    void concurrentRepeatsStartOneRun() throws Exception {
        String hook = hook(PLAIN);
        int senders = 8;
        CountDownLatch ready = new CountDownLatch(senders);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            for (int i = 0; i < senders; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return post(hook, "order-2002-paid", "{\"orderId\": \"2002\"}");
                }));
            }
            ready.await();
            go.countDown();
            Set<String> ids = new java.util.HashSet<>();
            for (Future<HttpResponse<String>> answer : answers) {
                ids.add(runId(answer.get()));
            }
            assertThat(ids).hasSize(1);
            assertThat(runsOf(hook)).containsExactlyElementsOf(ids);
            assertThat(answers.stream().map(answer -> {
                try {
                    return RunsApi.read(answer.get().body()).has("duplicate");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.groupingBy(duplicate -> duplicate, Collectors.counting())))
                    .as("one first delivery, the rest repeats").containsEntry(false, 1L)
                    .containsEntry(true, (long) senders - 1);
        }
    }

    @Test
    void theTriggersDedupKeyExpressionNamesTheDeliveryWhenNoHeaderDoes() {
        String hook = hook(KEYED);

        String first = runId(post(hook, null, "{\"orderId\": \"3003\", \"attempt\": 1}"));
        HttpResponse<String> repeat = post(hook, null, "{\"orderId\": \"3003\", \"attempt\": 2}");
        String another = runId(post(hook, null, "{\"orderId\": \"3004\", \"attempt\": 1}"));

        assertThat(runId(repeat)).isEqualTo(first);
        assertThat(RunsApi.read(repeat.body()).get("duplicate").asBoolean()).isTrue();
        assertThat(another).isNotEqualTo(first);
        assertThat(runsOf(hook)).containsExactlyInAnyOrder(first, another);
        JsonNode run = api.finished(first);
        assertThat(run.get("run").get("status").asString()).isEqualTo("succeeded");
    }
}
