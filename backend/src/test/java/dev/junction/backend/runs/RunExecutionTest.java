package dev.junction.backend.runs;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.testconnector.TestShop;
import dev.junction.db.lookups.LookupTableRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs interpreted end to end over the REST API: every node type, retries, error policies, limits. */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RunExecutionTest {

    @LocalServerPort
    int port;
    @Autowired
    TestShop shop;
    @Autowired
    LookupTableRepository lookups;

    private RunsApi api;

    @BeforeEach
    void setUp() {
        api = new RunsApi(ApiClient.anonymous(port).as("admin", "test-admin-password"));
        shop.rejectAll = false;
    }

    static String definition(String trigger, String nodes, String edges) {
        return "{\"schemaVersion\": 1, \"trigger\": " + trigger + ", \"nodes\": [" + nodes + "], \"edges\": ["
                + edges + "]}";
    }

    static String node(String id, String type, String config) {
        return node(id, type, config, "");
    }

    static String node(String id, String type, String config, String extra) {
        return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"name\": \"" + id + "\", \"config\": " + config
                + ", \"position\": {\"x\": 0, \"y\": 0}" + extra + "}";
    }

    static String edge(String from, String port, String to) {
        return "{\"from\": \"" + from + "\", \"fromPort\": \"" + port + "\", \"to\": \"" + to + "\"}";
    }

    static final String MANUAL = "{\"kind\": \"manual\", \"config\": {\"businessKey\": \"trigger.orderId\"}}";
    static final String FAST_RETRY = ", \"retry\": {\"maxAttempts\": 3, \"initialDelayMillis\": 10,"
            + " \"maxDelayMillis\": 50, \"multiplier\": 2.0}";

    private static List<JsonNode> steps(JsonNode run, String nodeId) {
        List<JsonNode> steps = new ArrayList<>();
        run.get("steps").forEach(step -> {
            if (step.get("nodeId").asString().equals(nodeId)) {
                steps.add(step);
            }
        });
        return steps;
    }

    @Test
    void aScriptAndAConnectorRunInOrderAndTheRunKeepsItsBusinessKey() {
        String workflow = api.published("Order to shop " + UUID.randomUUID(), definition(MANUAL,
                node("toOrder", "script", "{\"code\": \"return {sku: trigger.sku, qty: trigger.qty * 2};\"}") + ","
                        + node("send", "connector", "{\"connection\": \"test-shop\", \"operation\": \"createOrder\","
                        + " \"input\": {\"sku\": \"{{ nodes.toOrder.sku }}\", \"note\": \"qty {{ nodes.toOrder.qty }}\"}}"),
                edge("trigger", "out", "toOrder") + "," + edge("toOrder", "out", "send")));

        String runId = api.start(workflow, "{\"orderId\": \"206-1234567\", \"sku\": \"SKU-1\", \"qty\": 3}");
        JsonNode run = api.finished(runId);

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("run").get("businessKey").asString()).isEqualTo("206-1234567");
        JsonNode send = steps(run, "send").getFirst();
        assertThat(send.get("input").get("value").get("sku").asString()).isEqualTo("SKU-1");
        assertThat(send.get("input").get("value").get("note").asString()).isEqualTo("qty 6");
        assertThat(send.get("output").get("value").get("orderId").asString()).startsWith("ORD-");
        assertThat(send.get("idempotencyKey").asString()).isEqualTo(runId + ":send");
        assertThat(run.get("output").get("value").get("orderId").asString()).startsWith("ORD-");

        JsonNode byKey = RunsApi.read(api.admin().get("/api/v1/runs?businessKey=206-1234567").body());
        assertThat(byKey.get("items")).hasSize(1);
        assertThat(byKey.get("items").get(0).get("id").asString()).isEqualTo(runId);
    }

    /**
     * A manual workflow: {@code first} (whose id is {@code firstId}), then a createOrder call (retried fast) of the
     * sku that {@code first} answers, with {@code moreInput} (JSON members) in its input.
     */
    static String orderAfter(String first, String firstId, String moreInput) {
        return definition(MANUAL, first + "," + node("send", "connector", "{\"connection\": \"test-shop\","
                        + " \"operation\": \"createOrder\", \"input\": {\"sku\": \"{{ nodes." + firstId + ".sku }}\""
                        + moreInput + "}}", FAST_RETRY),
                edge("trigger", "out", firstId) + "," + edge(firstId, "out", "send"));
    }

    @Test
    void aTransientFailureIsRetriedWithBackoffUnderTheSameIdempotencyKey() {
        String workflow = api.published("Retry " + UUID.randomUUID(), definition(MANUAL,
                node("send", "connector", "{\"connection\": \"test-shop\", \"operation\": \"createOrder\","
                        + " \"input\": {\"sku\": \"SKU-2\", \"failTimes\": 2, \"retryAfterMillis\": 30}}", FAST_RETRY),
                edge("trigger", "out", "send")));

        String runId = api.start(workflow, "{}");
        JsonNode run = api.finished(runId);

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        List<JsonNode> attempts = steps(run, "send");
        assertThat(attempts).extracting(step -> step.get("status").asString())
                .containsExactly("failed", "failed", "succeeded");
        assertThat(attempts).extracting(step -> step.get("attempt").asInt()).containsExactly(1, 2, 3);
        assertThat(attempts.getFirst().get("errorClass").asString()).isEqualTo("ServiceUnavailable");
        assertThat(attempts.getFirst().get("remoteStatus").asInt()).isEqualTo(503);
        assertThat(attempts.getFirst().get("retryAt").isNull()).isFalse();
        assertThat(attempts).extracting(step -> step.get("idempotencyKey").asString()).containsOnly(runId + ":send");
        assertThat(shop.callsOf(runId + ":send")).isEqualTo(3);
    }

    @Test
    void aConnectorCallFailingInTheTurnOfAMapIsRetriedAloneAndTheMapRunsOnce() {
        String workflow = api.published("Turn retry " + UUID.randomUUID(), orderAfter(node("shape", "map",
                "{\"rules\": [{\"target\": \"sku\", \"expression\": \"trigger.sku\"}]}"), "shape", ", \"failTimes\": 1"));

        String runId = api.start(workflow, "{\"sku\": \"SKU-T\"}");
        JsonNode run = api.finished(runId);

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(steps(run, "shape")).hasSize(1);
        List<JsonNode> attempts = steps(run, "send");
        assertThat(attempts).extracting(step -> step.get("status").asString()).containsExactly("failed", "succeeded");
        assertThat(attempts).extracting(step -> step.get("attempt").asInt()).containsExactly(1, 2);
        assertThat(attempts.getLast().get("input").get("value").get("sku").asString()).isEqualTo("SKU-T");
        assertThat(shop.callsOf(runId + ":send")).isEqualTo(2);
    }

    @Test
    void aPermanentFailureDeadLettersTheRunAndReplayFromTheFailedStepReusesEarlierOutputs() {
        String workflow = api.published("Dead letter " + UUID.randomUUID(), orderAfter(node("prepare", "script",
                "{\"code\": \"return {sku: 'SKU-3', at: Date.now()};\"}"), "prepare", ""));
        shop.rejectAll = true;

        String runId = api.start(workflow, "{\"orderId\": \"dl-1\"}");
        JsonNode run = api.finished(runId);

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("dead_lettered");
        assertThat(run.get("run").get("errorClass").asString()).isEqualTo("RemoteValidation");
        assertThat(run.get("run").get("failedNodeId").asString()).isEqualTo("send");
        assertThat(steps(run, "send")).hasSize(1);
        assertThat(steps(run, "send").getFirst().get("remoteBody").asString()).contains("sku is unknown");
        JsonNode queue = RunsApi.read(api.admin().get("/api/v1/dead-letters?workflowId=" + workflow
                + "&errorClass=RemoteValidation&nodeId=send").body());
        assertThat(queue.get("items")).extracting(item -> item.get("id").asString()).containsExactly(runId);

        shop.rejectAll = false;
        var replay = api.admin().post("/api/v1/runs/" + runId + "/replay", "{\"from\": \"failedStep\"}");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        JsonNode replayed = api.finished(runId);

        assertThat(replayed.get("run").get("status").asString()).as(replayed.toString()).isEqualTo("succeeded");
        assertThat(replayed.get("run").get("replays").asInt()).isEqualTo(1);
        assertThat(steps(replayed, "prepare")).as("the earlier step is not run again").hasSize(1);
        assertThat(steps(replayed, "send")).extracting(step -> step.get("status").asString())
                .containsExactly("failed", "succeeded");
        assertThat(RunsApi.read(api.admin().get("/api/v1/dead-letters?workflowId=" + workflow).body())
                .get("items")).isEmpty();
        var again = api.admin().post("/api/v1/runs/" + runId + "/replay", "{\"from\": \"failedStep\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("only a dead-lettered or failed run can be replayed");
    }

    @Test
    void aReplayFromTheFailedStepNumbersItsAttemptsOnAndHasItsOwnRetries() {
        String workflow = api.published("Replay numbering " + UUID.randomUUID(), definition(MANUAL,
                node("send", "connector", "{\"connection\": \"test-shop\", \"operation\": \"createOrder\","
                        + " \"input\": {\"sku\": \"SKU-R\", \"failTimes\": 4}}", FAST_RETRY),
                edge("trigger", "out", "send")));
        String runId = api.start(workflow, "{}");
        JsonNode run = api.finished(runId);
        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("dead_lettered");
        assertThat(steps(run, "send")).extracting(step -> step.get("attempt").asInt()).containsExactly(1, 2, 3);

        var replay = api.admin().post("/api/v1/runs/" + runId + "/replay", "{\"from\": \"failedStep\"}");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        JsonNode replayed = api.finished(runId);

        assertThat(replayed.get("run").get("status").asString()).as("the replay's first attempt failed and was"
                + " retried: its attempts are its own, not the first three's").isEqualTo("succeeded");
        assertThat(steps(replayed, "send")).extracting(step -> step.get("attempt").asInt() + ":"
                + step.get("status").asString())
                .containsExactly("1:failed", "2:failed", "3:failed", "4:failed", "5:succeeded");
    }

    @Test
    void bulkReplayTakesEveryDeadLetteredRunOfTheFilterFromTheStart() {
        String workflow = api.published("Bulk " + UUID.randomUUID(), definition(MANUAL,
                node("send", "connector", "{\"connection\": \"test-shop\", \"operation\": \"createOrder\","
                        + " \"input\": {\"sku\": \"SKU-B\"}}", FAST_RETRY),
                edge("trigger", "out", "send")));
        shop.rejectAll = true;
        List<String> runs = List.of(api.start(workflow, "{}"), api.start(workflow, "{}"), api.start(workflow, "{}"));
        runs.forEach(api::finished);
        shop.rejectAll = false;

        var response = api.admin().post("/api/v1/dead-letters/replay", "{\"workflowId\": \"" + workflow
                + "\", \"errorClass\": \"RemoteValidation\", \"mode\": \"start\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = RunsApi.read(response.body());
        assertThat(result.get("matched").asInt()).isEqualTo(3);
        assertThat(result.get("replayed")).hasSize(3);
        runs.forEach(id -> assertThat(api.finished(id).get("run").get("status").asString()).isEqualTo("succeeded"));
        JsonNode replayed = api.detail(runs.getFirst());
        assertThat(steps(replayed, "send")).as("the first run's attempt is kept, the replay's is a new round")
                .extracting(step -> step.get("status").asString() + "@" + step.get("generation").asInt())
                .containsExactly("failed@1", "succeeded@2");
        assertThat(java.time.OffsetDateTime.parse(replayed.get("run").get("startedAt").asString()))
                .as("a replay's duration counts from the replay")
                .isAfterOrEqualTo(java.time.OffsetDateTime.parse(steps(replayed, "send").getFirst()
                        .get("finishedAt").asString()));
        var badMode = api.admin().post("/api/v1/dead-letters/replay", "{\"mode\": \"sideways\"}");
        assertThat(badMode.statusCode()).isEqualTo(400);
        assertThat(badMode.body()).contains("mode: must be one of failedStep, start, latestVersion");
    }

    @Test
    void errorPoliciesContinueAndFollowTheErrorPort() {
        String workflow = api.published("Error policies " + UUID.randomUUID(), definition(MANUAL,
                node("tolerant", "connector", "{\"connection\": \"test-shop\", \"operation\": \"createOrder\","
                        + " \"input\": {\"reject\": true}}", ", \"onError\": \"continue\"") + ","
                        + node("careful", "connector", "{\"connection\": \"test-shop\", \"operation\": \"createOrder\","
                        + " \"input\": {\"reject\": true}}", ", \"onError\": \"error\"") + ","
                        + node("handle", "script", "{\"code\": \"return {seen: nodes.careful.error.class,"
                        + " tolerantOutput: nodes.tolerant === undefined ? 'none' : 'some'};\"}"),
                edge("trigger", "out", "tolerant") + "," + edge("tolerant", "out", "careful") + ","
                        + edge("careful", "error", "handle")));

        JsonNode run = api.finished(api.start(workflow, "{}"));

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        JsonNode handled = steps(run, "handle").getFirst().get("output").get("value");
        assertThat(handled.get("seen").asString()).isEqualTo("RemoteValidation");
        assertThat(handled.get("tolerantOutput").asString()).isEqualTo("none");
        assertThat(steps(run, "tolerant").getFirst().get("status").asString()).isEqualTo("failed");
    }

    @Test
    void branchMapLookupNotifyAndForEachWithBoundedConcurrency() {
        lookups.put("sku-to-asin", "SKU-1", "B000000001");
        lookups.put("sku-to-asin", "SKU-2", "B000000002");
        String workflow = api.published("Node types " + UUID.randomUUID(), definition(MANUAL,
                node("route", "branch", "{\"conditions\": [{\"port\": \"big\", \"expression\": \"trigger.total > 100\"}]}")
                        + "," + node("shape", "map", "{\"rules\": [{\"target\": \"order.id\", \"expression\":"
                        + " \"trigger.orderId\"}, {\"target\": \"order.channel\", \"value\": \"web\"}]}") + ","
                        + node("lines", "forEach", "{\"items\": \"trigger.lines\", \"concurrency\": 2}") + ","
                        + node("asin", "lookup", "{\"table\": \"sku-to-asin\", \"key\": \"vars.item.sku\"}") + ","
                        + node("line", "script", "{\"code\": \"return {asin: nodes.asin, qty: vars.item.qty,"
                        + " index: vars.index};\"}") + ","
                        + node("tell", "notify", "{\"channel\": \"log\", \"message\": \"order {{ nodes.shape.order.id }}"
                        + " has {{ nodes.lines.items.length }} lines, the second {{ nodes.lines.items[1].asin }}\"}") + ","
                        + node("small", "script", "{\"code\": \"return 'small';\"}"),
                edge("trigger", "out", "route") + "," + edge("route", "big", "shape") + ","
                        + edge("route", "else", "small") + "," + edge("shape", "out", "lines") + ","
                        + edge("lines", "body", "asin") + "," + edge("asin", "out", "line") + ","
                        + edge("line", "out", "lines") + "," + edge("lines", "done", "tell")));

        JsonNode run = api.finished(api.start(workflow, "{\"orderId\": \"o-9\", \"total\": 250, \"lines\": ["
                + "{\"sku\": \"SKU-1\", \"qty\": 1}, {\"sku\": \"SKU-2\", \"qty\": 2}, {\"sku\": \"SKU-1\", \"qty\": 5}]}"));

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(steps(run, "small")).isEmpty();
        assertThat(steps(run, "shape").getFirst().get("output").get("value").get("order").get("channel").asString())
                .isEqualTo("web");
        assertThat(steps(run, "line")).hasSize(3);
        JsonNode items = steps(run, "lines").getLast().get("output").get("value").get("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(1).get("asin").asString()).isEqualTo("B000000002");
        assertThat(items.get(2).get("qty").asInt()).isEqualTo(5);
        assertThat(items.get(2).get("index").asInt()).isEqualTo(2);
        assertThat(steps(run, "tell").getFirst().get("input").get("value").get("message").asString())
                .as("after the loop, nodes.lines.items holds each item's result: the output of the body's last node")
                .isEqualTo("order o-9 has 3 lines, the second B000000002");

        JsonNode other = api.finished(api.start(workflow, "{\"orderId\": \"o-10\", \"total\": 5, \"lines\": []}"));
        assertThat(steps(other, "small")).hasSize(1);
        assertThat(steps(other, "shape")).isEmpty();
    }

    @Test
    void aMissingLookupKeyFailsTheStepNamingTableAndKey() {
        String workflow = api.published("Lookup miss " + UUID.randomUUID(), definition(MANUAL,
                node("asin", "lookup", "{\"table\": \"sku-to-asin\", \"key\": \"'NOPE'\"}"),
                edge("trigger", "out", "asin")));

        JsonNode run = api.finished(api.start(workflow, "{}"));

        assertThat(run.get("run").get("status").asString()).isEqualTo("dead_lettered");
        assertThat(run.get("run").get("errorMessage").asString())
                .isEqualTo("lookup table 'sku-to-asin' has no key 'NOPE'");
    }

    @Test
    void aMissingLookupKeyFollowsTheTablesPolicy() {
        String table = "lenient-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.admin().post("/api/v1/lookup-tables", "{\"name\": \"" + table + "\","
                + " \"missingKey\": \"passThrough\"}").statusCode()).isEqualTo(201);
        String workflow = api.published("Lookup pass-through " + UUID.randomUUID(), definition(MANUAL,
                node("asin", "lookup", "{\"table\": \"" + table + "\", \"key\": \"'SKU-NEW'\"}"),
                edge("trigger", "out", "asin")));

        JsonNode run = api.finished(api.start(workflow, "{}"));

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(steps(run, "asin").getFirst().get("output").get("value").asString()).isEqualTo("SKU-NEW");
    }

    @Test
    void anEndlessScriptEndsTheStepWithAClearError() {
        String workflow = api.published("Endless " + UUID.randomUUID(), definition(MANUAL,
                node("spin", "script", "{\"code\": \"while (true) {}\"}"), edge("trigger", "out", "spin")));

        JsonNode run = api.finished(api.start(workflow, "{}"));

        assertThat(run.get("run").get("status").asString()).isEqualTo("dead_lettered");
        assertThat(run.get("run").get("errorClass").asString()).isEqualTo("ExpressionLimit");
        assertThat(run.get("run").get("errorMessage").asString()).contains("ran too long");
    }

    @Test
    void aMemoryBombEndsTheStepWithAMemoryErrorNotATimeError() {
        String workflow = api.published("Bomb " + UUID.randomUUID(), definition(MANUAL,
                node("bomb", "script", "{\"code\": \"let a = []; while (true) a.push(new Array(1e6).fill(1));\"}"),
                edge("trigger", "out", "bomb")));

        JsonNode run = api.finished(api.start(workflow, "{}"));

        assertThat(run.get("run").get("status").asString()).isEqualTo("dead_lettered");
        assertThat(run.get("run").get("errorClass").asString()).isEqualTo("ExpressionMemory");
        assertThat(run.get("run").get("errorMessage").asString())
                .contains("the code allocated more than 64 MB").doesNotContain("ran too long");
    }

    @Test
    void aDelayWaitsOnADurableTimerAndAWaitingRunCanBeCancelled() {
        String workflow = api.published("Delays " + UUID.randomUUID(), definition(MANUAL,
                node("pause", "delay", "{\"until\": \"new Date(Date.now() + trigger.waitMillis).toISOString()\"}") + ","
                        + node("after", "script", "{\"code\": \"return 'after';\"}"),
                edge("trigger", "out", "pause") + "," + edge("pause", "out", "after")));

        JsonNode shortWait = api.finished(api.start(workflow, "{\"waitMillis\": 300}"));
        assertThat(shortWait.get("run").get("status").asString()).as(shortWait.toString()).isEqualTo("succeeded");
        java.time.Instant until = java.time.Instant.parse(
                steps(shortWait, "pause").getFirst().get("input").get("value").get("until").asString());
        assertThat(java.time.OffsetDateTime.parse(steps(shortWait, "after").getFirst().get("startedAt").asString())
                .toInstant()).as("the node after the delay starts once the timer is due").isAfterOrEqualTo(until);

        String longRun = api.start(workflow, "{\"waitMillis\": 3600000}");
        JsonNode waiting = api.until(longRun, Set.of("waiting"));
        assertThat(waiting.get("run").get("status").asString()).isEqualTo("waiting");
        assertThat(steps(waiting, "pause")).as("the delay's step, then its timer, due in an hour: waiting, not"
                        + " queued for a worker").extracting(step -> step.get("status").asString())
                .containsExactly("waiting", "waiting");
        assertThat(steps(waiting, "pause").get(1).get("dueAt").asString()).as("when the timer fires").isNotEmpty();
        var cancel = api.admin().post("/api/v1/runs/" + longRun + "/cancel", null);
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
        JsonNode cancelled = api.detail(longRun);
        assertThat(cancelled.get("run").get("status").asString()).isEqualTo("cancelled");
        assertThat(steps(cancelled, "after")).isEmpty();
        assertThat(steps(cancelled, "pause")).as("the wait ended with the run").extracting(step ->
                step.get("status").asString()).containsExactly("cancelled");
        assertThat(steps(cancelled, "pause").getFirst().get("generation").asInt()).isEqualTo(1);
        assertThat(api.admin().post("/api/v1/runs/" + longRun + "/cancel", null).statusCode()).isEqualTo(409);
    }

    @Test
    void aSubflowRunsAnotherWorkflowsPublishedVersionAndHandsBackItsOutput() {
        String child = api.published("Child " + UUID.randomUUID(), definition(MANUAL,
                node("double", "script", "{\"code\": \"return {twice: trigger.n * 2};\"}"),
                edge("trigger", "out", "double")));
        String parent = api.published("Parent " + UUID.randomUUID(), definition(MANUAL,
                node("call", "subflow", "{\"workflow\": \"" + child + "\", \"input\": \"({n: trigger.n + 1})\"}") + ","
                        + node("use", "script", "{\"code\": \"return nodes.call.twice;\"}"),
                edge("trigger", "out", "call") + "," + edge("call", "out", "use")));

        JsonNode run = api.finished(api.start(parent, "{\"n\": 20}"));

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(steps(run, "use").getFirst().get("output").get("value").asInt()).isEqualTo(42);
        JsonNode children = RunsApi.read(api.admin().get("/api/v1/runs?workflowId=" + child).body());
        assertThat(children.get("items")).hasSize(1);
        assertThat(children.get("items").get(0).get("parentRunId").asString())
                .isEqualTo(run.get("run").get("id").asString());
    }

    @Test
    void runsAreListedNewestFirstByKeysetPagesAndFilteredByStatus() {
        String workflow = api.published("Pages " + UUID.randomUUID(), definition(MANUAL,
                node("noop", "script", "{\"code\": \"return 1;\"}"), edge("trigger", "out", "noop")));
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(api.start(workflow, "{\"orderId\": \"p-" + i + "\"}"));
        }
        started.forEach(api::finished);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = RunsApi.read(api.admin().get("/api/v1/runs?workflowId=" + workflow + "&status=succeeded"
                    + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).body());
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(started.reversed());
        var badStatus = api.admin().get("/api/v1/runs?status=done");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.body()).contains("status: must be one or more of queued, running, waiting");
        var badCursor = api.admin().get("/api/v1/runs?cursor=nonsense");
        assertThat(badCursor.statusCode()).isEqualTo(400);
        assertThat(badCursor.body()).contains("cursor: is not a cursor this API gave out");
    }

    @Test
    void aWorkflowWithoutAPublishedVersionCannotBeStarted() {
        var created = api.admin().post("/api/v1/workflows", "{\"name\": \"Unpublished " + UUID.randomUUID() + "\"}");
        String id = RunsApi.read(created.body()).get("id").asString();

        var response = api.admin().post("/api/v1/workflows/" + id + "/runs", "{\"input\": {}}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("has no published version");
        assertThat(RunsApi.read(api.admin().get("/api/v1/runs?workflowId=" + id).body()).get("items")).isEmpty();
        assertThat(api.admin().post("/api/v1/workflows/" + UUID.randomUUID() + "/runs", "{}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void largeOutputsAreStoredOnceAndShownTruncated() {
        String workflow = api.published("Large " + UUID.randomUUID(), definition(MANUAL,
                node("big", "script", "{\"code\": \"return {blob: 'x'.repeat(100000)};\"}") + ","
                        + node("size", "script", "{\"code\": \"return nodes.big.blob.length;\"}"),
                edge("trigger", "out", "big") + "," + edge("big", "out", "size")));

        JsonNode run = api.finished(api.start(workflow, "{}"));

        assertThat(run.get("run").get("status").asString()).isEqualTo("succeeded");
        JsonNode big = steps(run, "big").getFirst().get("output");
        assertThat(big.get("truncated").asBoolean()).isTrue();
        assertThat(big.get("sizeBytes").asInt()).isGreaterThan(100_000);
        assertThat(big.get("value").asString()).hasSize(4_000);
        assertThat(steps(run, "size").getFirst().get("output").get("value").asInt()).isEqualTo(100_000);
    }

    @Test
    void aWebhookNotificationIsPostedAndRetriedWhileTheReceiverIsBusy() throws Exception {
        List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/ops", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = calls.incrementAndGet() == 1 ? 503 : 204;
            if (status == 204) {
                received.add(new String(body, java.nio.charset.StandardCharsets.UTF_8) + " key="
                        + exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/ops";
            String workflow = api.published("Notify " + UUID.randomUUID(), definition(MANUAL,
                    node("tell", "notify", "{\"channel\": \"webhook\", \"url\": \"" + url + "\","
                            + " \"message\": \"order {{ trigger.orderId }} failed\"}", FAST_RETRY),
                    edge("trigger", "out", "tell")));

            String runId = api.start(workflow, "{\"orderId\": \"n-1\"}");
            JsonNode run = api.finished(runId);

            assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
            assertThat(steps(run, "tell")).extracting(step -> step.get("status").asString())
                    .containsExactly("failed", "succeeded");
            assertThat(steps(run, "tell").getFirst().get("remoteStatus").asInt()).isEqualTo(503);
            assertThat(received).singleElement().asString()
                    .contains("\"message\":\"order n-1 failed\"").endsWith("key=" + runId + ":tell");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aMapNodeRunsAnInlineMappingAndAMappingErrorDeadLettersTheRunNamingTheField() {
        String mapping = """
                {"mapping": {"schemaVersion": 1, "target": {"schema": "opayo/TransactionRequest"}, "rules": [
                  {"target": "transactionType", "value": "Payment"},
                  {"target": "vendorTxCode", "from": "orderId"},
                  {"target": "amount", "from": "total", "pipe": [{"fn": "toMinorUnits", "args": [{"from": "currency"}]}]},
                  {"target": "currency", "from": "currency", "pipe": [{"fn": "upper"}]},
                  {"target": "description", "from": "orderId", "pipe": [{"fn": "prefix", "args": ["Order "]}]}]}}""";
        String workflow = api.published("Inline mapping " + UUID.randomUUID(), definition(MANUAL,
                node("payment", "map", mapping), edge("trigger", "out", "payment")));

        JsonNode run = api.finished(api.start(workflow, "{\"orderId\": \"A-1\", \"total\": \"95,00\", \"currency\": \"gbp\"}"));

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        JsonNode output = steps(run, "payment").getFirst().get("output").get("value");
        assertThat(output.get("amount").asLong()).isEqualTo(9500);
        assertThat(output.get("currency").asString()).isEqualTo("GBP");
        assertThat(output.get("description").asString()).isEqualTo("Order A-1");

        JsonNode failed = api.finished(api.start(workflow, "{\"orderId\": \"A-2\", \"total\": \"95,00\", \"currency\": \"XYZ\"}"));
        assertThat(failed.get("run").get("status").asString()).as(failed.toString()).isEqualTo("dead_lettered");
        assertThat(failed.get("run").get("errorClass").asString()).isEqualTo("MappingError");
        assertThat(failed.get("run").get("errorMessage").asString())
                .contains("amount: toMinorUnits: \"XYZ\" is not an ISO 4217 currency code")
                .contains("amount: is required but missing");

        var invalid = api.admin().post("/api/v1/workflows/" + workflow + "/versions", "{\"baseVersion\": 2,"
                + " \"definition\": " + definition(MANUAL, node("payment", "map", mapping.replace("\"upper\"",
                "\"shout\"")), edge("trigger", "out", "payment")) + "}");
        assertThat(invalid.body()).as("an inline mapping's problems are the workflow's, with their path")
                .contains("config.mapping.rules[3].pipe[0].fn").contains("no function 'shout'");
    }
}
