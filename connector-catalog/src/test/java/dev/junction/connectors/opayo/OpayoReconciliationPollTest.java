package dev.junction.connectors.opayo;

import dev.junction.connectors.http.RemoteHttp;
import dev.junction.connectors.opayo.sandbox.OpayoSimulator;
import dev.junction.connectors.opayo.sandbox.SandboxCards;
import dev.junction.connectors.sandbox.Faults;
import dev.junction.connectors.sandbox.SandboxControls;
import dev.junction.connectors.sandbox.SandboxServer;
import dev.junction.connectors.testing.FixedConnection;
import dev.junction.engine.connectors.ConnectorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The reconciliation polls against the simulator over real HTTP: windows, cursors, same-instant rows, paging,
 * settlement batches and the Reporting API's failures. The simulator and the connector share a clock the test moves.
 */
class OpayoReconciliationPollTest {

    /** A clock the test sets. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

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

        void set(Instant instant) {
            now = instant;
        }
    }

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final MovableClock CLOCK = new MovableClock();
    /** Two rows per list answer, so that three transactions take two pages. */
    private static final OpayoSimulator SIMULATOR = new OpayoSimulator(CLOCK, 2);
    private static SandboxServer sandbox;
    private final OpayoPiConnector connector = new OpayoPiConnector(new RemoteHttp(), CLOCK);
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
        CLOCK.set(T0);
        connection = FixedConnection.sandbox(SIMULATOR, sandbox.url(SIMULATOR));
    }

    private Object call(FixedConnection on, String operation, Map<String, Object> input) throws ConnectorException {
        return connector.invoke(on.call(operation, input, "step-" + UUID.randomUUID()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> pay(String type, String vendorTxCode, long amount) throws ConnectorException {
        Map<String, Object> card = (Map<String, Object>) call(connection, "createCardIdentifier", Map.of(
                "cardholderName", "Ada Lovelace", "cardNumber", SandboxCards.AUTHORISED, "expiryDate", "1230",
                "securityCode", "123"));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("transactionType", type);
        input.put("vendorTxCode", vendorTxCode);
        input.put("amount", amount);
        input.put("currency", "GBP");
        input.put("description", "Order " + vendorTxCode);
        input.put("customerFirstName", "Ada");
        input.put("customerLastName", "Lovelace");
        input.put("billingAddress", Map.of("address1", "1 Analytical Row", "city", "London",
                "postalCode", "N1 1AA", "country", "GB"));
        input.put("paymentMethod", Map.of("card", Map.of("merchantSessionKey", card.get("merchantSessionKey"),
                "cardIdentifier", card.get("cardIdentifier"))));
        return (Map<String, Object>) call(connection, "createTransaction", input);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> poll(String operation, String cursor) throws ConnectorException {
        Map<String, Object> input = new HashMap<>();
        input.put("cursor", cursor);
        return (Map<String, Object>) call(connection, operation, input);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("records");
    }

    private static List<Object> keys(Map<String, Object> answer) {
        return records(answer).stream().map(record -> record.get("key")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> answer, Object key) {
        return (Map<String, Object>) records(answer).stream().filter(record -> record.get("key").equals(key))
                .findFirst().orElseThrow().get("data");
    }

    @Test
    void theFirstPollFindsTheWindowsTransactionsPageByPageAndTheNextOnlyNewOnes() throws ConnectorException {
        Map<String, Object> first = pay("Payment", "recon-1", 1250);
        CLOCK.set(T0.plusSeconds(1));
        Map<String, Object> second = pay("Deferred", "recon-2", 990);
        CLOCK.set(T0.plusSeconds(2));
        Map<String, Object> third = pay("Payment", "recon-3", 4000);
        CLOCK.set(T0.plusSeconds(60));

        Map<String, Object> answer = poll("pollTransactions", null);

        assertThat(keys(answer)).containsExactly(first.get("transactionId"), second.get("transactionId"),
                third.get("transactionId"));
        assertThat(SIMULATOR.faults().counters().requests("getTransactionList")).isEqualTo(2);
        Map<String, Object> row = data(answer, first.get("transactionId"));
        assertThat(row).containsEntry("transactionId", first.get("transactionId"))
                .containsEntry("vendorTxCode", "recon-1").containsEntry("transactionType", "Payment")
                .containsEntry("amount", 1250L).containsEntry("currency", "GBP")
                .containsEntry("started", "2026-03-02T10:00:00Z").containsEntry("cardType", "Visa")
                .doesNotContainKey("batchId");
        assertThat(answer.get("cursor")).isEqualTo("2026-03-02T10:00:50Z");

        Map<String, Object> fourth = pay("Payment", "recon-4", 100);
        CLOCK.set(T0.plusSeconds(120));
        Map<String, Object> next = poll("pollTransactions", (String) answer.get("cursor"));

        assertThat(keys(next)).containsExactly(fourth.get("transactionId"));
        assertThat(keys(poll("pollTransactions", (String) next.get("cursor")))).isEmpty();
    }

    @Test
    void transactionsAtTheWindowsLastInstantAreNeitherRepeatedNorSkipped() throws ConnectorException {
        Map<String, Object> early = pay("Payment", "instant-a", 500);
        CLOCK.set(T0.plus(ReconciliationPolls.SETTLING));

        Map<String, Object> answer = poll("pollTransactions", null);

        assertThat(keys(answer)).containsExactly(early.get("transactionId"));
        assertThat(answer.get("cursor")).isEqualTo(T0 + "|" + early.get("transactionId"));

        CLOCK.set(T0);
        Map<String, Object> late = pay("Payment", "instant-b", 600);
        CLOCK.set(T0.plusSeconds(60));
        Map<String, Object> next = poll("pollTransactions", (String) answer.get("cursor"));

        assertThat(keys(next)).containsExactly(late.get("transactionId"));
        assertThat(keys(poll("pollTransactions", (String) next.get("cursor")))).isEmpty();
    }

    @Test
    void aLongOutageCatchesUpADayPerPoll() throws ConnectorException {
        connection = connection.withSetting("reportingLookbackHours", "72");
        Map<String, Object> taken = pay("Payment", "outage-1", 700);
        CLOCK.set(T0.plusSeconds(60));

        Map<String, Object> first = poll("pollTransactions", null);
        Map<String, Object> second = poll("pollTransactions", (String) first.get("cursor"));
        Map<String, Object> third = poll("pollTransactions", (String) second.get("cursor"));

        assertThat(keys(first)).isEmpty();
        assertThat(first.get("cursor")).isEqualTo("2026-02-28T10:01:00Z");
        assertThat(keys(second)).isEmpty();
        assertThat(second.get("cursor")).isEqualTo("2026-03-01T10:01:00Z");
        assertThat(keys(third)).containsExactly(taken.get("transactionId"));
        assertThat(third.get("cursor")).isEqualTo("2026-03-02T10:00:50Z");
    }

    @Test
    void settlementBatchesArePolledByBatchDateWithTotalsPerCurrencyAndCardType() throws Exception {
        Map<String, Object> payment = pay("Payment", "batch-pay", 1250);
        call(connection, "createTransaction", Map.of("transactionType", "Refund", "vendorTxCode", "batch-refund",
                "amount", 250L, "description", "Refund", "referenceTransactionId", payment.get("transactionId")));
        pay("Deferred", "batch-deferred", 990);
        CLOCK.set(T0.plusSeconds(3600));
        HttpResponse<String> closed;
        try (HttpClient client = HttpClient.newHttpClient()) {
            closed = client.send(HttpRequest.newBuilder(URI.create(sandbox.url(SIMULATOR) + "/_sandbox/batches"))
                    .header(SandboxControls.TOKEN_HEADER, sandbox.controlToken()).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(closed.statusCode()).isEqualTo(201);
        CLOCK.set(T0.plusSeconds(3660));

        Map<String, Object> answer = poll("pollBatches", null);

        assertThat(keys(answer)).containsExactly("100001");
        assertThat(data(answer, "100001")).containsEntry("batchDate", "2026-03-02T11:00:00Z")
                .containsEntry("transactionCount", 2L)
                .containsEntry("totals", List.of(Map.of("currency", "GBP", "cardType", "Visa", "count", 2L,
                        "amount", 1000L)));
        assertThat(data(poll("pollTransactions", null), payment.get("transactionId")))
                .containsEntry("batchId", "100001");

        pay("Payment", "batch-later", 300);
        CLOCK.set(T0.plusSeconds(7200));
        String second = SIMULATOR.closeBatch().orElseThrow().batchId();
        CLOCK.set(T0.plusSeconds(7260));
        Map<String, Object> next = poll("pollBatches", (String) answer.get("cursor"));

        assertThat(keys(next)).containsExactly(second);
        assertThat(data(next, second)).containsEntry("transactionCount", 1L);
    }

    @Test
    void aWrongReportingPasswordIsAuthenticationFailed() {
        connection = connection.withSecret("reportingPassword", "not-the-password");

        ConnectorException refused = catchThrowableOfType(ConnectorException.class,
                () -> poll("pollTransactions", null));

        assertThat(refused.errorClass()).isEqualTo("AuthenticationFailed");
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains("0010").doesNotContain("not-the-password");
        ConnectorException batches = catchThrowableOfType(ConnectorException.class, () -> poll("pollBatches", null));
        assertThat(batches.errorClass()).isEqualTo("AuthenticationFailed");
    }

    @Test
    void aMissingReportingUserOrPasswordIsAPermanentFailureNamingIt() {
        connection = new FixedConnection(connection.id(), without(connection.settings(), "reportingUser"),
                connection.secrets());
        ConnectorException noUser = catchThrowableOfType(ConnectorException.class,
                () -> poll("pollTransactions", null));
        assertThat(noUser.errorClass()).isEqualTo("MissingSetting");
        assertThat(noUser.getMessage()).contains("reportingUser");
        assertThat(noUser.retryable()).isFalse();

        connection = FixedConnection.sandbox(SIMULATOR, sandbox.url(SIMULATOR));
        connection = new FixedConnection(connection.id(), connection.settings(),
                without(connection.secrets(), "reportingPassword"));
        ConnectorException noPassword = catchThrowableOfType(ConnectorException.class,
                () -> poll("pollBatches", null));
        assertThat(noPassword.errorClass()).isEqualTo("MissingSecret");
        assertThat(noPassword.getMessage()).contains("reportingPassword");
        assertThat(SIMULATOR.faults().counters().requests()).doesNotContainKeys("getTransactionList",
                "getBatchList");
    }

    @Test
    void aPlanned503IsRetryableAndTheNextPollGoesThrough() throws ConnectorException {
        Map<String, Object> taken = pay("Payment", "fault-1", 800);
        CLOCK.set(T0.plusSeconds(60));
        SIMULATOR.faults().plan(new Faults.Fault("getTransactionList", 503, 2, 0), 1);
        SIMULATOR.faults().plan(new Faults.Fault("getBatchList", 429, null, 0), 1);

        ConnectorException unavailable = catchThrowableOfType(ConnectorException.class,
                () -> poll("pollTransactions", null));
        ConnectorException limited = catchThrowableOfType(ConnectorException.class, () -> poll("pollBatches", null));

        assertThat(unavailable.retryable()).isTrue();
        assertThat(unavailable.errorClass()).isEqualTo("RemoteUnavailable");
        assertThat(unavailable.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(limited.retryable()).isTrue();
        assertThat(limited.errorClass()).isEqualTo("RateLimited");
        assertThat(keys(poll("pollTransactions", null))).containsExactly(taken.get("transactionId"));
    }

    @Test
    void aCursorThePollDidNotWriteIsInvalidInput() {
        ConnectorException invalid = catchThrowableOfType(ConnectorException.class,
                () -> poll("pollTransactions", "yesterday"));

        assertThat(invalid.errorClass()).isEqualTo("InvalidInput");
        assertThat(invalid.getMessage()).startsWith("cursor:");
    }

    private static Map<String, String> without(Map<String, String> map, String key) {
        Map<String, String> copy = new HashMap<>(map);
        copy.remove(key);
        return copy;
    }
}
