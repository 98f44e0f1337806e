package dev.junction.backend.sandbox;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.connections.health.ConnectionHealth;
import dev.junction.backend.connections.health.ConnectionHealthService;
import dev.junction.backend.connections.health.ConnectionUsageFlusher;
import dev.junction.backend.dashboard.ChartSeries;
import dev.junction.backend.dashboard.Dashboard;
import dev.junction.backend.dashboard.DashboardService;
import dev.junction.backend.dashboard.DashboardTile;
import dev.junction.backend.runs.RunsApi;
import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import dev.junction.connectors.sandbox.Faults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection health from real connector calls to the app's SP-API simulator: 429 answers make a connection
 * "throttled" with rate-limit hits (on the dashboard too), a 401 makes its authentication "failing"; the calls are
 * counted on /actuator/prometheus.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConnectionHealthTest {

    @LocalServerPort
    int port;
    @Autowired
    SandboxConfiguration.SandboxSimulators simulators;
    @Autowired
    ConnectionHealthService health;
    @Autowired
    ConnectionUsageFlusher flusher;
    @Autowired
    DashboardService dashboards;

    @AfterEach
    void resetSimulator() {
        new AmazonSandboxLoad(simulators, null, port).simulator().reset();
    }

    private JsonNode shipOnce(RunsApi runs, String connection) {
        String workflow = runs.published("Ship via " + connection + " " + UUID.randomUUID(), """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [
                   {"id": "ship", "type": "connector", "name": "Ship", "position": {"x": 200, "y": 0},
                    "retry": {"maxAttempts": 3, "initialDelayMillis": 5, "maxDelayMillis": 20, "multiplier": 2.0},
                    "config": {"connection": "%s", "operation": "createFulfillmentOrder", "input": %s}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "ship"}]}"""
                .formatted(connection, AmazonSandboxLoad.json(AmazonSandboxLoad.order("{{ trigger.orderId }}"))));
        String orderId = "H-" + UUID.randomUUID().toString().substring(0, 13);
        return runs.finished(runs.start(workflow, "{\"orderId\": \"" + orderId + "\"}"));
    }

    private ConnectionHealth healthOf(String connection) {
        flusher.flushNow();
        return health.healthNow().stream().filter(h -> h.connectionId().equals(connection)).findFirst()
                .orElseThrow();
    }

    @Test
    void remote429sMakeAConnectionThrottledWithHitsAndAnAuthFailureMakesItsAuthFailing() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        AmazonSandboxLoad sandbox = new AmazonSandboxLoad(simulators, admin, port);
        SpApiSimulator amazon = sandbox.simulator();
        RunsApi runs = new RunsApi(admin);
        String throttled = sandbox.connection("health-429-" + UUID.randomUUID().toString().substring(0, 8),
                Map.of("createFulfillmentOrder", new double[]{20, 10}));
        String refused = sandbox.connection("health-401-" + UUID.randomUUID().toString().substring(0, 8),
                Map.of("createFulfillmentOrder", new double[]{20, 10}));
        assertThat(healthOf(throttled).state()).as("no call yet").isEqualTo("unknown");

        // two 429s, then the order is made on the third attempt
        amazon.faults().plan(new Faults.Fault("createFulfillmentOrder", 429, 1, 0), 2);
        JsonNode shipped = shipOnce(runs, throttled);
        assertThat(shipped.at("/run/status").asString()).as(shipped.toString()).isEqualTo("succeeded");
        ConnectionHealth afterThrottling = healthOf(throttled);
        assertThat(afterThrottling.state()).isEqualTo("throttled");
        assertThat(afterThrottling.rateLimitHitsLastHour()).isEqualTo(2);
        assertThat(afterThrottling.authState()).isEqualTo("ok");
        assertThat(afterThrottling.lastSuccessAt()).isNotNull();
        assertThat(afterThrottling.lastFailureClass()).isEqualTo("RateLimited");
        assertThat(afterThrottling.budgets()).extracting(ConnectionHealth.Budget::operation)
                .contains("createFulfillmentOrder");
        assertThat(afterThrottling.budgetUsed()).isBetween(0.0, 1.0);
        assertThat(afterThrottling.degraded()).isTrue();

        amazon.faults().plan(new Faults.Fault("createFulfillmentOrder", 401, null, 0), 5);
        JsonNode notShipped = shipOnce(runs, refused);
        assertThat(notShipped.at("/run/status").asString()).as(notShipped.toString())
                .isIn("dead_lettered", "failed");
        ConnectionHealth afterRefusal = healthOf(refused);
        assertThat(afterRefusal.authState()).isEqualTo("failing");
        assertThat(afterRefusal.state()).isEqualTo("failing");
        assertThat(afterRefusal.lastFailureCategory()).isEqualTo("auth");
        assertThat(afterRefusal.lastSuccessAt()).isNull();

        Dashboard dashboard = dashboards.dashboard("24h", null, Instant.now());
        DashboardTile degraded = dashboard.tiles().stream().filter(t -> t.id().equals("degraded-connections"))
                .findFirst().orElseThrow();
        assertThat(degraded.value()).isGreaterThanOrEqualTo(2.0);
        ChartSeries hits = dashboard.charts().stream().filter(c -> c.id().equals("rate-limit-hits")).findFirst()
                .orElseThrow().series().stream().filter(s -> s.name().equals(throttled)).findFirst().orElseThrow();
        assertThat(hits.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(2.0);
        assertThat(hits.link()).isEqualTo("runs?category=rate_limit&connection=" + throttled);

        var answer = admin.get("/api/v1/connections/health");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode listed = RunsApi.read(answer.body());
        assertThat(listed.findValues("connectionId").stream().map(JsonNode::asString)).contains(throttled, refused);
        String metrics = ApiClient.anonymous(port).get("/actuator/prometheus").body();
        assertThat(metrics)
                .containsPattern("junction_connector_calls_total\\{connection=\"" + throttled
                        + "\",outcome=\"ok\"} 1\\.0")
                .containsPattern("junction_connector_rate_limit_hits_total\\{connection=\"" + throttled
                        + "\",source=\"remote\"} 2\\.0");
    }
}
