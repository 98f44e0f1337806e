package dev.junction.connectors.opayo;

import com.sun.net.httpserver.HttpServer;
import dev.junction.connectors.opayo.sandbox.OpayoSimulator;
import dev.junction.connectors.opayo.sandbox.SandboxCards;
import dev.junction.connectors.sandbox.SandboxServer;
import dev.junction.connectors.testing.FixedConnection;
import dev.junction.engine.connectors.ConnectorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator posts a signed Server notification that a receiver using OpayoServerNotification accepts. */
class OpayoSimulatorNotificationTest {

    private static final OpayoSimulator SIMULATOR = new OpayoSimulator();
    private static SandboxServer sandbox;

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxServer.start(0, List.of(SIMULATOR));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @SuppressWarnings("unchecked")
    private static String payment(FixedConnection connection) throws ConnectorException {
        OpayoPiConnector connector = new OpayoPiConnector();
        Map<String, Object> card = (Map<String, Object>) connector.invoke(connection.call("createCardIdentifier",
                Map.of("cardholderName", "Ada", "cardNumber", SandboxCards.AUTHORISED, "expiryDate", "1230"), "c"));
        Map<String, Object> input = new LinkedHashMap<>(Map.of("transactionType", "Payment",
                "vendorTxCode", "notify-1", "amount", 100L, "currency", "GBP", "description", "d",
                "customerFirstName", "Ada", "customerLastName", "Lovelace"));
        input.put("billingAddress", Map.of("address1", "1 Row", "city", "London", "postalCode", "N1",
                "country", "GB"));
        input.put("paymentMethod", Map.of("card", Map.of("merchantSessionKey", card.get("merchantSessionKey"),
                "cardIdentifier", card.get("cardIdentifier"))));
        return (String) ((Map<String, Object>) connector.invoke(connection.call("createTransaction", input, "t")))
                .get("transactionId");
    }

    /** A receiver that checks the notification with the given security key and answers the reply. */
    private static String receive(String transactionId, String securityKey, AtomicReference<String> vendorTxCode)
            throws IOException {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        receiver.createContext("/notify", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                String[] parts = pair.split("=", 2);
                form.put(java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        List.of(java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8)));
            }
            OpayoServerNotification notification = OpayoServerNotification.fromForm(form);
            vendorTxCode.set(notification.field("VendorTxCode"));
            byte[] reply = notification.reply(OpayoSimulator.VENDOR_NAME, securityKey, "https://shop.example/done")
                    .body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        receiver.start();
        try {
            return SIMULATOR.sendServerNotification(transactionId,
                    URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/notify"));
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aReceiverWithTheSecurityKeyAcceptsAndOneWithAnotherKeyRejects() throws Exception {
        FixedConnection connection = FixedConnection.sandbox(SIMULATOR, sandbox.url(SIMULATOR));
        String transactionId = payment(connection);
        AtomicReference<String> seen = new AtomicReference<>();

        String accepted = receive(transactionId, connection.secrets().get("securityKey"), seen);
        String rejected = receive(transactionId, "not-the-security-key", seen);

        assertThat(seen.get()).isEqualTo("notify-1");
        assertThat(accepted).isEqualTo("Status=OK\r\nRedirectURL=https://shop.example/done\r\n");
        assertThat(rejected).startsWith("Status=INVALID\r\n");
    }
}
