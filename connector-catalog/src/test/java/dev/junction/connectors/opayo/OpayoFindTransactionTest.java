package dev.junction.connectors.opayo;

import dev.junction.connectors.http.RemoteHttp;
import dev.junction.connectors.opayo.sandbox.OpayoSimulator;
import dev.junction.connectors.opayo.sandbox.SandboxCards;
import dev.junction.connectors.sandbox.SandboxServer;
import dev.junction.connectors.testing.FixedConnection;
import dev.junction.engine.connectors.ConnectorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code findTransactionByVendorTxCode} against the simulator over real HTTP: the payment taken under a vendorTxCode
 * is found with its transaction id (what the refund template refunds); a code nothing was taken under is not found.
 */
class OpayoFindTransactionTest {

    private static final OpayoSimulator SIMULATOR = new OpayoSimulator();
    private static SandboxServer sandbox;
    private final OpayoPiConnector connector = new OpayoPiConnector(new RemoteHttp());
    private FixedConnection connection;

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxServer.start(0, List.of(SIMULATOR));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void fresh() {
        SIMULATOR.reset();
        connection = FixedConnection.sandbox(SIMULATOR, sandbox.url(SIMULATOR));
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePaymentTakenUnderAVendorTxCodeIsFoundAndAnUnusedCodeIsNot() throws ConnectorException {
        Map<String, Object> card = (Map<String, Object>) call("createCardIdentifier", Map.of(
                "cardholderName", "Ada Lovelace", "cardNumber", SandboxCards.AUTHORISED, "expiryDate", "1230",
                "securityCode", "123"));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("transactionType", "Payment");
        input.put("vendorTxCode", "SHOP-2001");
        input.put("amount", 1250);
        input.put("currency", "GBP");
        input.put("description", "Order SHOP-2001");
        input.put("customerFirstName", "Ada");
        input.put("customerLastName", "Lovelace");
        input.put("billingAddress", Map.of("address1", "1 Analytical Row", "city", "London",
                "postalCode", "N1 1AA", "country", "GB"));
        input.put("paymentMethod", Map.of("card", Map.of("merchantSessionKey", card.get("merchantSessionKey"),
                "cardIdentifier", card.get("cardIdentifier"))));
        Map<String, Object> payment = (Map<String, Object>) call("createTransaction", input);

        Map<String, Object> found = (Map<String, Object>) call("findTransactionByVendorTxCode",
                Map.of("vendorTxCode", "SHOP-2001"));
        assertThat(found).containsEntry("found", true).containsEntry("transactionId", payment.get("transactionId"))
                .containsEntry("vendorTxCode", "SHOP-2001");

        Map<String, Object> missing = (Map<String, Object>) call("findTransactionByVendorTxCode",
                Map.of("vendorTxCode", "SHOP-9999"));
        assertThat(missing).containsEntry("found", false).doesNotContainKey("transactionId");
    }

    private Object call(String operation, Map<String, Object> input) throws ConnectorException {
        return connector.invoke(connection.call(operation, input, "step-" + UUID.randomUUID()));
    }
}
