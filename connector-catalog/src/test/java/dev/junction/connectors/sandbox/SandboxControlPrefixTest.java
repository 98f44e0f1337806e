package dev.junction.connectors.sandbox;

import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import dev.junction.connectors.opayo.sandbox.OpayoSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every control of every simulator is under one prefix, {@code <basePath>/_sandbox/}: the SP-API simulator's orders,
 * tokens and settlement scenario and the Opayo simulator's batches, notifications and scenario sit beside the shared
 * faults, counters and reset, need the control token to change anything, and their old paths are not served.
 */
class SandboxControlPrefixTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SpApiSimulator AMAZON = new SpApiSimulator();
    private static final OpayoSimulator OPAYO = new OpayoSimulator();
    private static SandboxServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(0, List.of(AMAZON, OPAYO));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(Simulator simulator, String path, String json, boolean withToken)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(simulator) + path))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (withToken) {
            request.header(SandboxControls.TOKEN_HEADER, server.controlToken());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theOldControlPathsAreNotServed() throws Exception {
        String order = "{\"items\": [{\"sku\": \"JN-MUG-001\", \"quantity\": 1}]}";
        String scenario = "{\"seed\": 7, \"orders\": 3, \"endDate\": \"2026-11-30\"}";
        for (HttpResponse<String> old : List.of(post(AMAZON, "/_simulator/orders", order, true),
                post(AMAZON, "/_simulator/tokens/expire", "{}", true),
                post(AMAZON, "/_simulator/reconciliation-scenario", scenario, true),
                post(OPAYO, "/_simulator/reconciliation-scenario", scenario, true),
                post(OPAYO, "/sandbox/batches", "", true),
                post(OPAYO, "/sandbox/server-notifications", "{}", true))) {
            assertThat(old.statusCode()).as(old.request().uri() + " " + old.body()).isEqualTo(404);
        }
        assertThat(AMAZON.fulfillmentOrderCount()).isZero();
    }

    @Test
    void eachSimulatorsOwnControlsAreUnderTheSharedPrefixAndNeedTheToken() throws Exception {
        HttpResponse<String> placed = post(AMAZON, "/_sandbox/orders",
                "{\"items\": [{\"sku\": \"JN-MUG-001\", \"quantity\": 1}]}", true);
        HttpResponse<String> expired = post(AMAZON, "/_sandbox/tokens/expire", "{}", true);
        HttpResponse<String> closed = post(OPAYO, "/_sandbox/batches", "", true);
        HttpResponse<String> unknown = post(AMAZON, "/_sandbox/no-such-control", "{}", true);

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        assertThat(placed.body()).contains("AmazonOrderId");
        assertThat(expired.statusCode()).isEqualTo(204);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(closed.body()).contains("\"transactionCount\":0");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no such sandbox control");
        for (HttpResponse<String> refused : List.of(post(AMAZON, "/_sandbox/orders", "{}", false),
                post(OPAYO, "/_sandbox/batches", "", false),
                post(OPAYO, "/_sandbox/server-notifications", "{}", false),
                post(OPAYO, "/_sandbox/reconciliation-scenario", "{}", false))) {
            assertThat(refused.statusCode()).as(refused.request().uri() + " without the token").isEqualTo(401);
        }
    }
}
