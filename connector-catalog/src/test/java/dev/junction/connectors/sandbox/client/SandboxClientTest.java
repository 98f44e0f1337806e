package dev.junction.connectors.sandbox.client;

import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import dev.junction.connectors.dataverse.sandbox.DataverseSimulator;
import dev.junction.connectors.opayo.sandbox.OpayoSimulator;
import dev.junction.connectors.rest.sandbox.ShopSimulator;
import dev.junction.connectors.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one sandbox client the backend and browser tests use, against the standalone sandbox server. */
class SandboxClientTest {

    private static SandboxServer server;
    private static SandboxClient sandbox;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(0, List.of(new SpApiSimulator(), new OpayoSimulator(), new DataverseSimulator(),
                new ShopSimulator()));
        sandbox = SandboxClient.withControlToken("http://127.0.0.1:" + server.port(), server.controlToken());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void itCallsEachSimulatorsControlsAndApiWithTheirCredentials() {
        HttpResponse<String> placed = sandbox.placeAmazonOrder(SpApiSimulator.MARKETPLACE_UK, "Unshipped",
                "JN-MUG-001", 2);
        sandbox.submitSalesOrder("SO-CLIENT-1", 1, "client@example.com");
        HttpResponse<String> created = sandbox.createShopOrder("Ada");

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Map<?, ?> order = (Map<?, ?>) SandboxClient.json(placed);
        Map<?, ?> shopOrder = (Map<?, ?>) SandboxClient.json(created);

        assertThat(order.get("AmazonOrderId")).isNotNull();
        assertThat(sandbox.amazonFulfillmentOrder("none-such").statusCode()).as("authorised, then not found")
                .isEqualTo(404);
        assertThat((List<?>) ((Map<?, ?>) SandboxClient.json(sandbox.salesOrders("SO-CLIENT-1"))).get("value")).hasSize(1);
        assertThat(sandbox.shopOrder((String) shopOrder.get("id")).statusCode()).isEqualTo(200);
        assertThat(sandbox.opayo("/transactions/none-such").statusCode()).as("authenticated, then not found")
                .isEqualTo(404);
        assertThat(SandboxClient.expect(sandbox.counters("amazon"), 200)).contains("requests");
        assertThat(sandbox.controlUrl("opayo", "batches")).endsWith("/opayo/_sandbox/batches");
    }
}
