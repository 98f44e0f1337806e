package dev.junction.backend.sandbox;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import dev.junction.connectors.sandbox.FaultProfile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under a remote that answers 30% 429, 10% 5xx and 5% timeouts, every run completes without a replay: transient
 * failures are retried within the node's time budget, not a bare count of attempts, through the real worker pool,
 * and each fulfillment order is made once.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FaultyRemoteRetryTest {

    private static final int RUNS = 100;

    @LocalServerPort
    int port;

    @Autowired
    SandboxConfiguration.SandboxSimulators simulators;

    /** The simulator is the app's, shared with the other tests of this context: leave it as a reset leaves it. */
    @org.junit.jupiter.api.AfterEach
    void resetSimulator() {
        new AmazonSandboxLoad(simulators, null, port).simulator().reset();
    }

    @Test
    void everyRunCompletesUnderAFaultyRemoteAndEachOrderIsMadeOnce() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        AmazonSandboxLoad sandbox = new AmazonSandboxLoad(simulators, admin, port);
        SpApiSimulator amazon = sandbox.simulator();
        amazon.reset();
        String connection = sandbox.connection("amazon-faulty", Map.of(
                "createFulfillmentOrder", new double[]{200, 50},
                "getFulfillmentOrder", new double[]{200, 50}));
        amazon.faults().profile(new FaultProfile(0.30, 0.10, 503, 0, 0, 0.05, 50, 0, null,
                Set.of("createFulfillmentOrder", "getFulfillmentOrder"), 24L));
        RunsApi runs = new RunsApi(admin);
        Map<String, Object> input = AmazonSandboxLoad.order("{{ trigger.orderId }}");
        String workflow = runs.published("Ship through a faulty remote", """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [
                   {"id": "ship", "type": "connector", "name": "Ship", "position": {"x": 200, "y": 0},
                    "retry": {"initialDelayMillis": 5, "maxDelayMillis": 100, "multiplier": 2.0},
                    "config": {"connection": "%s", "operation": "createFulfillmentOrder", "input": %s}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "ship"}]}"""
                .formatted(connection, AmazonSandboxLoad.json(input)));

        List<String> started = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            started.add(runs.start(workflow, "{\"orderId\": \"FAULTY-" + i + "\"}"));
        }
        int succeeded = 0;
        int mostAttempts = 0;
        int failedAttempts = 0;
        Set<String> orders = new HashSet<>();
        for (String run : started) {
            JsonNode detail = runs.finished(run);
            assertThat(detail.at("/run/status").asString()).as(detail.toString()).isEqualTo("succeeded");
            succeeded++;
            JsonNode last = detail.get("steps").get(detail.get("steps").size() - 1);
            orders.add(last.at("/output/value/sellerFulfillmentOrderId").asString());
            for (JsonNode step : detail.get("steps")) {
                mostAttempts = Math.max(mostAttempts, step.get("attempt").asInt());
                if (step.get("status").asString().equals("failed")) {
                    failedAttempts++;
                    assertThat(step.get("retryBudgetSeconds").asLong()).as(step.toString()).isEqualTo(900);
                    assertThat(step.get("retryDeadline").isNull()).as(step.toString()).isFalse();
                }
            }
        }

        var counters = amazon.faults().counters();
        assertThat(succeeded).isEqualTo(RUNS);
        assertThat(failedAttempts).as("attempts failed and were retried").isGreaterThan(RUNS / 2);
        assertThat(counters.faultsInjected()).as("the remote was faulty").isGreaterThan(RUNS / 2);
        assertThat(orders).as("an order of each run's own").hasSize(RUNS);
        assertThat(amazon.fulfillmentOrderCount()).as("each order made once").isEqualTo(RUNS);
        assertThat(counters.duplicateSideEffects()).isZero();
        assertThat(counters.rateLimitViolations()).isZero();
        System.out.println("faulty remote: " + RUNS + " runs succeeded, most attempts of a step " + mostAttempts
                + ", simulator " + counters.toJson());
    }
}
