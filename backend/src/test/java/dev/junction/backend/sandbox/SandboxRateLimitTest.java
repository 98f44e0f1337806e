package dev.junction.backend.sandbox;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import dev.junction.connectors.sandbox.FaultProfile;
import dev.junction.engine.connectors.ConnectorCall;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.ConnectorInvoker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every call a connector makes takes a token of its operation's bucket first — the look-up before a create and the
 * look-up after a lost answer too — with a margin below the limit, so that many calls from several threads at once
 * never take the SP-API simulator over its usage plans: it answers not one 429 of its own.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxRateLimitTest {

    private static final int THREADS = 8;

    @LocalServerPort
    int port;

    @Autowired
    SandboxConfiguration.SandboxSimulators simulators;

    /** The simulator is the app's, shared with the other tests of this context: leave it as a reset leaves it. */
    @org.junit.jupiter.api.AfterEach
    void resetSimulator() {
        new AmazonSandboxLoad(simulators, null, port).simulator().reset();
    }

    @Autowired
    ConnectorInvoker invoker;

    @Test
    void manyConcurrentCallsWithTheConnectorsOwnLookUpsNeverExceedTheSimulatorsUsagePlans() throws Exception {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        AmazonSandboxLoad sandbox = new AmazonSandboxLoad(simulators, admin, port);
        SpApiSimulator amazon = sandbox.simulator();
        amazon.reset();
        // the look-ups' plan is tighter than the creates': uncounted look-ups would follow the creates' pace, some
        // 65 look-ups at 20/s against 8/s after a burst of 30. The 10 % margin in burst (3 to 4 tokens here) is what
        // absorbs a call's delay between its token and its arrival; with bursts of 3 to 6 that was one token, 50 to
        // 125 ms, less than a loaded 2-core machine delays a thread now and then.
        String connection = sandbox.connection("amazon-load", Map.of(
                "getOrder", new double[]{20, 40},
                "createFulfillmentOrder", new double[]{20, 40},
                "getFulfillmentOrder", new double[]{8, 30}));
        // a third of the creates lose their answer after the order was made: the connector looks it up again
        amazon.faults().profile(new FaultProfile(0, 0, 503, 0, 0, 0, 0, 0.3, null,
                Set.of("createFulfillmentOrder"), 25L));

        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(call(connection, "getOrder", Map.of("AmazonOrderId", "111-4830211-0000101"), "get-" + i));
        }
        for (int i = 0; i < 50; i++) {
            calls.add(call(connection, "createFulfillmentOrder", AmazonSandboxLoad.order("LOAD-" + i),
                    "load-run-" + i + ":ship"));
        }
        java.util.Collections.shuffle(calls, new java.util.Random(7));
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Object>> answers = threads.invokeAll(calls);
            for (Future<Object> answer : answers) {
                assertThat(answer.get()).isNotNull();
            }
        } finally {
            threads.shutdown();
            assertThat(threads.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }

        var counters = amazon.faults().counters();
        assertThat(counters.requests("getOrder")).isEqualTo(100);
        assertThat(counters.requests("createFulfillmentOrder")).isEqualTo(50);
        assertThat(counters.requests("getFulfillmentOrder")).as("a look-up before each create, and after each lost"
                + " answer").isGreaterThan(50);
        assertThat(counters.rateLimitViolations()).as(counters.toJson().toString()).isZero();
        assertThat(amazon.fulfillmentOrderCount()).isEqualTo(50);
        assertThat(counters.duplicateSideEffects()).isZero();
        System.out.println("rate limits: " + calls.size() + " calls from " + THREADS + " threads, simulator "
                + counters.toJson());
    }

    /** One call as a step makes it: again after a wait for our own bucket, which is no failure. */
    private Callable<Object> call(String connection, String operation, Map<String, Object> input, String key) {
        return () -> {
            for (int round = 0; ; round++) {
                try {
                    return invoker.invoke(new ConnectorCall(connection, operation, input, key));
                } catch (ConnectorException e) {
                    boolean ownWait = e.waitReason().orElse(null) == ConnectorException.WaitReason.OWN_RATE_LIMIT;
                    assertThat(ownWait).as(operation + ": " + e.getMessage()).isTrue();
                    assertThat(round).as("rounds of waiting").isLessThan(1_000);
                    Thread.sleep(e.retryAfter().orElseThrow().toMillis());
                }
            }
        };
    }

    @Test
    void aWaitForOurOwnBucketSpendsNoAttemptEvenWhenTheNodeAllowsOnlyOne() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        AmazonSandboxLoad sandbox = new AmazonSandboxLoad(simulators, admin, port);
        // 0.05/s with a burst of 1 (0.045/s with the margin): the second call's token is ~22 s away
        String connection = sandbox.connection("amazon-slow", Map.of("getOrder", new double[]{0.05, 1}));
        RunsApi runs = new RunsApi(admin);
        String workflow = runs.published("Read two orders slowly", """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [
                   {"id": "first", "type": "connector", "name": "First", "position": {"x": 200, "y": 0},
                    "retry": {"maxAttempts": 1},
                    "config": {"connection": "%1$s", "operation": "getOrder",
                               "input": {"AmazonOrderId": "111-4830211-0000101"}}},
                   {"id": "second", "type": "connector", "name": "Second", "position": {"x": 400, "y": 0},
                    "retry": {"maxAttempts": 1},
                    "config": {"connection": "%1$s", "operation": "getOrder",
                               "input": {"AmazonOrderId": "111-4830211-0000102"}}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "first"},
                           {"from": "first", "fromPort": "out", "to": "second"}]}""".formatted(connection));

        tools.jackson.databind.JsonNode run = runs.until(runs.start(workflow, "{}"), Set.of("waiting",
                "succeeded", "failed", "dead_lettered", "cancelled"));

        assertThat(run.at("/run/status").asString()).as("a wait, not a dead letter: " + run).isEqualTo("waiting");
        List<String> seconds = new ArrayList<>();
        for (tools.jackson.databind.JsonNode step : run.get("steps")) {
            if (step.get("nodeId").asString().equals("second")) {
                seconds.add(step.get("status").asString() + "#" + step.get("attempt").asInt() + ":"
                        + step.get("errorClass").asString(""));
            }
        }
        assertThat(seconds).as("the wait is recorded, and the step waits for its token (due in ~22 s) as the same"
                + " first attempt").containsExactly("waiting#1:RateLimited", "waiting#1:");
        assertThat(run.toString()).contains("the rate limit of getOrder on connection 'amazon-slow'");
    }

    @Test
    void aConnectionsOwnRateLimitsAreCheckedWhenItIsSavedNamingTheOperationAndField() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        SpApiSimulator amazon = new AmazonSandboxLoad(simulators, admin, port).simulator();
        var sandbox = amazon.sandboxConnection("http://127.0.0.1:" + port + "/sandbox/amazon");

        HttpResponse<String> refused = admin.post("/api/v1/connections", AmazonSandboxLoad.json(Map.of(
                "id", "amazon-wrong-limits", "name", "Wrong limits", "connectorId", "amazon-sp-api",
                "environment", "sandbox", "secrets", sandbox.secrets(),
                "settings", with(sandbox.settings(), "{\"getOrder\": {\"ratePerSecond\": 0, \"burst\": 2.5},"
                        + " \"getOrdersFast\": {\"ratePerSecond\": 1, \"burst\": 1},"
                        + " \"createFulfillmentOrder\": {\"ratePerSecond\": 1, \"burst\": 1, \"jitter\": 1}}"))));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(refused.body())
                .contains("settings.rateLimits.getOrder.ratePerSecond").contains("must be a number above 0")
                .contains("settings.rateLimits.getOrder.burst").contains("must be a whole number from 1")
                .contains("settings.rateLimits.getOrdersFast").contains("is not an operation of")
                .contains("settings.rateLimits.createFulfillmentOrder.jitter");

        HttpResponse<String> notJson = admin.post("/api/v1/connections", AmazonSandboxLoad.json(Map.of(
                "id", "amazon-wrong-limits", "name", "Wrong limits", "connectorId", "amazon-sp-api",
                "environment", "sandbox", "secrets", sandbox.secrets(),
                "settings", with(sandbox.settings(), "getOrder=0.5"))));
        assertThat(notJson.statusCode()).as(notJson.body()).isEqualTo(400);
        assertThat(notJson.body()).contains("settings.rateLimits").contains("must be a JSON object of operations");

        HttpResponse<String> saved = admin.post("/api/v1/connections", AmazonSandboxLoad.json(Map.of(
                "id", "amazon-own-limits", "name", "Own limits", "connectorId", "amazon-sp-api",
                "environment", "sandbox", "secrets", sandbox.secrets(),
                "settings", with(sandbox.settings(), "{\"getOrder\": {\"ratePerSecond\": 0.5, \"burst\": 30}}"))));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(RunsApi.read(saved.body()).at("/settings/rateLimits").asString())
                .isEqualTo("{\"getOrder\":{\"ratePerSecond\":0.5,\"burst\":30}}");
    }

    private static Map<String, String> with(Map<String, String> settings, String rateLimits) {
        Map<String, String> all = new java.util.LinkedHashMap<>(settings);
        all.put("rateLimits", rateLimits);
        return all;
    }
}
