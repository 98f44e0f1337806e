package dev.junction.connectors.sandbox.client;

import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import dev.junction.connectors.dataverse.sandbox.DataverseSimulator;
import dev.junction.connectors.opayo.sandbox.OpayoSimulator;
import dev.junction.connectors.rest.sandbox.ShopSimulator;
import dev.junction.connectors.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        SandboxClient.Answer placed = sandbox.placeAmazonOrder(SpApiSimulator.MARKETPLACE_UK, "Unshipped",
                "JN-MUG-001", 2);
        sandbox.submitSalesOrder("SO-CLIENT-1", 1, "client@example.com");
        SandboxClient.Answer created = sandbox.createShopOrder("Ada");

        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Map<?, ?> order = (Map<?, ?>) placed.json();
        Map<?, ?> shopOrder = (Map<?, ?>) created.json();

        assertThat(order.get("AmazonOrderId")).isNotNull();
        assertThat(sandbox.amazonFulfillmentOrder("none-such").status()).as("authorised, then not found")
                .isEqualTo(404);
        assertThat((List<?>) ((Map<?, ?>) sandbox.salesOrders("SO-CLIENT-1").json()).get("value")).hasSize(1);
        assertThat(sandbox.shopOrder((String) shopOrder.get("id")).status()).isEqualTo(200);
        assertThat(sandbox.opayo("/transactions/none-such").status()).as("authenticated, then not found")
                .isEqualTo(404);
        assertThat(sandbox.counters("amazon").expect(200)).contains("requests");
        assertThat(sandbox.controlUrl("opayo", "batches")).endsWith("/opayo/_sandbox/batches");
    }
}
