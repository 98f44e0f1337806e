package dev.junction.backend.sandbox;

import dev.junction.backend.ApiClient;
import dev.junction.backend.runs.RunsApi;
import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import dev.junction.connectors.sandbox.Simulator;
import dev.junction.engine.json.PayloadJson;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test helper: the app's own SP-API simulator (the one mounted at {@code /sandbox/amazon}) and connections to it
 * with rate limits of their own, for the load tests of rate limits and retries.
 */
record AmazonSandboxLoad(SandboxConfiguration.SandboxSimulators simulators, ApiClient admin, int port) {

    SpApiSimulator simulator() {
        return simulators.all().stream().filter(SpApiSimulator.class::isInstance).map(SpApiSimulator.class::cast)
                .findFirst().orElseThrow();
    }

    /**
     * A new connection to the simulator whose own limits are the simulator's usage plans for these operations (as a
     * seller account with a larger plan than the default would have); answers its id.
     */
    String connection(String id, Map<String, double[]> plans) {
        SpApiSimulator amazon = simulator();
        Map<String, Object> limits = new LinkedHashMap<>();
        plans.forEach((operation, plan) -> {
            amazon.usagePlan(operation, plan[0], (int) plan[1]);
            limits.put(operation, Map.of("ratePerSecond", plan[0], "burst", (long) plan[1]));
        });
        Simulator.SandboxConnection sandbox = amazon.sandboxConnection("http://127.0.0.1:" + port
                + SandboxConfiguration.MOUNT + amazon.basePath());
        Map<String, Object> settings = new LinkedHashMap<>(sandbox.settings());
        settings.put("rateLimits", PayloadJson.write(limits));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", "Amazon " + id);
        body.put("connectorId", "amazon-sp-api");
        body.put("environment", "sandbox");
        body.put("settings", settings);
        body.put("secrets", sandbox.secrets());
        HttpResponse<String> created = admin.post("/api/v1/connections", PayloadJson.write(body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return id;
    }

    /** A fulfillment order's input, for the sandbox's SKUs. */
    static Map<String, Object> order(String displayableOrderId) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("displayableOrderId", displayableOrderId);
        order.put("displayableOrderDate", "2026-11-30T10:15:00Z");
        order.put("displayableOrderComment", "Thank you for your order");
        order.put("shippingSpeedCategory", "Standard");
        order.put("destinationAddress", Map.of("name", "Ada Lovelace", "addressLine1", "1 Analytical Row",
                "city", "London", "postalCode", "EC1A 1BB", "countryCode", "GB"));
        order.put("items", List.of(Map.of("sellerSku", "JN-MUG-001", "sellerFulfillmentOrderItemId", "line-1",
                "quantity", 1L)));
        return order;
    }

    static String json(Object value) {
        return PayloadJson.write(value);
    }

    static RunsApi runs(ApiClient admin) {
        return new RunsApi(admin);
    }
}
