package dev.junction.connectors.opayo;

import dev.junction.connectors.opayo.sandbox.OpayoSimulator;
import dev.junction.connectors.opayo.sandbox.SandboxCards;
import dev.junction.connectors.sandbox.SandboxServer;
import dev.junction.connectors.testing.FixedConnection;
import dev.junction.engine.connectors.ConnectorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Merchant session keys expire after 400 seconds in the simulator, as in Opayo Pi. */
class OpayoSessionKeyExpiryTest {

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-02T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/London");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    private static final MovableClock CLOCK = new MovableClock();
    private static final OpayoSimulator SIMULATOR = new OpayoSimulator(CLOCK);
    private static SandboxServer sandbox;
    private final OpayoPiConnector connector = new OpayoPiConnector();

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxServer.start(0, List.of(SIMULATOR));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCardIdentifierCannotBeUsedOnceItsSessionKeyExpired() throws ConnectorException {
        FixedConnection connection = FixedConnection.sandbox(SIMULATOR, sandbox.url(SIMULATOR));
        Map<String, Object> card = (Map<String, Object>) connector.invoke(connection.call("createCardIdentifier",
                Map.of("cardholderName", "Ada Lovelace", "cardNumber", SandboxCards.AUTHORISED,
                        "expiryDate", "1230"), "k1"));
        assertThat((String) card.get("expiry")).startsWith("2026-03-02T10:06:40");

        CLOCK.advance(Duration.ofSeconds(401));
        ConnectorException expired = catchThrowableOfType(ConnectorException.class, () -> connector.invoke(
                connection.call("createTransaction", Map.of("transactionType", "Payment", "vendorTxCode", "late-1",
                        "amount", 100L, "currency", "GBP", "description", "late", "customerFirstName", "Ada",
                        "customerLastName", "Lovelace", "billingAddress", Map.of("address1", "1 Row",
                                "city", "London", "postalCode", "N1", "country", "GB"),
                        "paymentMethod", Map.of("card", Map.of("merchantSessionKey", card.get("merchantSessionKey"),
                                "cardIdentifier", card.get("cardIdentifier")))), "k2")));
        ConnectorException cardWithExpiredKey = catchThrowableOfType(ConnectorException.class, () ->
                connector.invoke(connection.call("createCardIdentifier", Map.of("merchantSessionKey",
                        card.get("merchantSessionKey"), "cardholderName", "Ada Lovelace",
                        "cardNumber", SandboxCards.AUTHORISED, "expiryDate", "1230"), "k3")));

        assertThat(expired.errorClass()).isEqualTo("RemoteValidation");
        assertThat(expired.getMessage()).contains("paymentMethod.card.merchantSessionKey");
        assertThat(cardWithExpiredKey.remoteStatus()).isEqualTo(401);
    }
}
