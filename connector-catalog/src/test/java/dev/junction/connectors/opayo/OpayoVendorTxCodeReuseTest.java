package dev.junction.connectors.opayo;

import dev.junction.connectors.opayo.sandbox.OpayoSimulator;
import dev.junction.connectors.opayo.sandbox.SandboxCards;
import dev.junction.connectors.sandbox.Faults;
import dev.junction.connectors.sandbox.SandboxServer;
import dev.junction.connectors.testing.FixedConnection;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.OperationCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A vendorTxCode used by two different requests never answers one with the other's transaction, and a repeat of the
 * same step — also by a connector that lost its memory (a restart) — gets its own, looked up before anything is sent
 * again. Against the simulator over real HTTP.
 */
class OpayoVendorTxCodeReuseTest {

    private static final OpayoSimulator SIMULATOR = new OpayoSimulator();
    /** Another card the simulator authorises (a valid MasterCard number that is none of its magic cards). */
    private static final String OTHER_AUTHORISED = "5555555555554444";
    private static SandboxServer sandbox;
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

    /** How the second run's call reaches a connector. */
    private enum Second {
        /** the same connector instance that took the first payment (its note knows the code) */
        SAME_INSTANCE,
        /** another node, or after a restart: a connector that knows nothing, on the step's first call */
        FRESH_INSTANCE_FIRST_CALL,
        /** another node, on a retry of the second run's step (marked as a possible repeat) */
        FRESH_INSTANCE_RETRY
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> card(OpayoPiConnector connector, String cardNumber, String cardholder)
            throws ConnectorException {
        return (Map<String, Object>) connector.invoke(connection.call("createCardIdentifier", Map.of(
                "cardholderName", cardholder, "cardNumber", cardNumber, "expiryDate", "1230", "securityCode", "123"),
                "card-" + cardholder));
    }

    private static Map<String, Object> payment(String vendorTxCode, long amount, Map<String, Object> card,
                                               String firstName, String lastName) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("transactionType", "Payment");
        input.put("vendorTxCode", vendorTxCode);
        input.put("amount", amount);
        input.put("currency", "GBP");
        input.put("description", "Order of " + firstName);
        input.put("customerFirstName", firstName);
        input.put("customerLastName", lastName);
        input.put("billingAddress", Map.of("address1", "1 Analytical Row", "city", "London",
                "postalCode", "N1 1AA", "country", "GB"));
        input.put("paymentMethod", Map.of("card", Map.of("merchantSessionKey", card.get("merchantSessionKey"),
                "cardIdentifier", card.get("cardIdentifier"))));
        return input;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> invoke(OpayoPiConnector connector, OperationCall call)
            throws ConnectorException {
        return (Map<String, Object>) connector.invoke(call);
    }

    private OperationCall secondCall(Second how, Map<String, Object> input, String key) {
        return how == Second.FRESH_INSTANCE_RETRY ? connection.repeatedCall("createTransaction", input, key)
                : connection.call("createTransaction", input, key);
    }

    private void anotherRunWithTheSameCodeAndAmountFailsAsDuplicate(Second how) throws ConnectorException {
        OpayoPiConnector first = new OpayoPiConnector();
        Map<String, Object> adasCard = card(first, SandboxCards.AUTHORISED, "Ada Lovelace");
        Map<String, Object> taken = invoke(first, connection.call("createTransaction",
                payment("order-7001", 1250, adasCard, "Ada", "Lovelace"), "run-a:charge"));
        OpayoPiConnector second = how == Second.SAME_INSTANCE ? first : new OpayoPiConnector();
        Map<String, Object> gracesCard = card(second, OTHER_AUTHORISED, "Grace Hopper");
        Map<String, Object> gracesPayment = payment("order-7001", 1250, gracesCard, "Grace", "Hopper");

        ConnectorException duplicate = catchThrowableOfType(ConnectorException.class,
                () -> invoke(second, secondCall(how, gracesPayment, "run-b:charge")));

        assertThat(duplicate).as(how.name()).isNotNull();
        assertThat(duplicate.errorClass()).isEqualTo("DuplicateVendorTxCode");
        assertThat(duplicate.retryable()).isFalse();
        assertThat(duplicate.getMessage()).contains("order-7001").contains("not");
        // Opayo holds one transaction under the code: Ada's, with her card
        assertThat(SIMULATOR.transactionsWithVendorTxCode("order-7001")).isEqualTo(1);
        Map<String, Object> held = invoke(first, connection.call("getTransaction",
                Map.of("transactionId", taken.get("transactionId")), "read"));
        assertThat(((Map<?, ?>) ((Map<?, ?>) held.get("paymentMethod")).get("card")).get("cardIdentifier"))
                .isEqualTo(adasCard.get("cardIdentifier"));
        // Grace's single-use card identifier was never charged: it still takes a payment of its own
        Map<String, Object> gracesOwn = invoke(second, connection.call("createTransaction",
                payment("order-7002", 1250, gracesCard, "Grace", "Hopper"), "run-c:charge"));
        assertThat(gracesOwn.get("status")).isEqualTo("Ok");
        assertThat(gracesOwn.get("transactionId")).isNotEqualTo(taken.get("transactionId"));
    }

    @Test
    void anotherRunReusingACodeOnTheSameConnectorIsADuplicateNotTheFirstRunsPayment() throws ConnectorException {
        anotherRunWithTheSameCodeAndAmountFailsAsDuplicate(Second.SAME_INSTANCE);
    }

    @Test
    void anotherRunReusingACodeOnAnotherNodeIsADuplicateNotTheFirstRunsPayment() throws ConnectorException {
        anotherRunWithTheSameCodeAndAmountFailsAsDuplicate(Second.FRESH_INSTANCE_FIRST_CALL);
    }

    @Test
    void aRetryOfAnotherRunReusingACodeIsADuplicateSinceTheCardDiffers() throws ConnectorException {
        anotherRunWithTheSameCodeAndAmountFailsAsDuplicate(Second.FRESH_INSTANCE_RETRY);
    }

    @Test
    void aDeclinedFirstCardIsNeverReportedForAnotherRunsCard() throws ConnectorException {
        for (Second how : Second.values()) {
            SIMULATOR.reset();
            String code = "order-declined-" + how.ordinal();
            OpayoPiConnector first = new OpayoPiConnector();
            Map<String, Object> declinedCard = card(first, SandboxCards.DECLINED, "Ada Lovelace");
            ConnectorException declined = catchThrowableOfType(ConnectorException.class, () -> invoke(first,
                    connection.call("createTransaction", payment(code, 990, declinedCard, "Ada", "Lovelace"),
                            "run-a:charge")));
            OpayoPiConnector second = how == Second.SAME_INSTANCE ? first : new OpayoPiConnector();
            Map<String, Object> goodCard = card(second, OTHER_AUTHORISED, "Grace Hopper");

            ConnectorException secondRun = catchThrowableOfType(ConnectorException.class, () -> invoke(second,
                    secondCall(how, payment(code, 990, goodCard, "Grace", "Hopper"), "run-b:charge")));

            assertThat(declined.errorClass()).isEqualTo("CardDeclined");
            assertThat(secondRun.errorClass()).as(how.name()).isEqualTo("DuplicateVendorTxCode");
            assertThat(secondRun.getMessage()).as(how.name()).doesNotContain("Declined").doesNotContain("NotAuthed");
            assertThat(SIMULATOR.transactionsWithVendorTxCode(code)).isEqualTo(1);
        }
    }

    @Test
    void theSameStepRepeatedGetsItsOwnOutcomeWithOneCharge() throws ConnectorException {
        OpayoPiConnector first = new OpayoPiConnector();
        Map<String, Object> input = payment("order-7100", 1250, card(first, SandboxCards.AUTHORISED, "Ada Lovelace"),
                "Ada", "Lovelace");
        Map<String, Object> taken = invoke(first, connection.call("createTransaction", input, "run-a:charge"));

        Map<String, Object> sameInstance = invoke(first,
                connection.repeatedCall("createTransaction", input, "run-a:charge"));
        Map<String, Object> restarted = invoke(new OpayoPiConnector(),
                connection.repeatedCall("createTransaction", input, "run-a:charge"));

        assertThat(sameInstance.get("transactionId")).isEqualTo(taken.get("transactionId"));
        assertThat(restarted.get("transactionId")).isEqualTo(taken.get("transactionId"));
        assertThat(restarted.get("status")).isEqualTo("Ok");
        assertThat(SIMULATOR.counters().requests("createTransaction")).as("one create, the repeats looked up")
                .isEqualTo(1);
        assertThat(SIMULATOR.counters().duplicateSideEffects()).isZero();
        assertThat(SIMULATOR.transactionsWithVendorTxCode("order-7100")).isEqualTo(1);
    }

    @Test
    void theSameStepRepeatedAfterADeclineIsDeclinedAgainWithoutTryingTheCardTwice() throws ConnectorException {
        OpayoPiConnector first = new OpayoPiConnector();
        Map<String, Object> input = payment("order-7101", 990, card(first, SandboxCards.DECLINED, "Ada Lovelace"),
                "Ada", "Lovelace");
        ConnectorException declined = catchThrowableOfType(ConnectorException.class,
                () -> invoke(first, connection.call("createTransaction", input, "run-a:charge")));

        ConnectorException again = catchThrowableOfType(ConnectorException.class, () -> invoke(
                new OpayoPiConnector(), connection.repeatedCall("createTransaction", input, "run-a:charge")));

        assertThat(again.errorClass()).isEqualTo("CardDeclined");
        assertThat(again.getMessage()).isEqualTo(declined.getMessage());
        assertThat(SIMULATOR.counters().requests("createTransaction")).isEqualTo(1);
    }

    @Test
    void theSameStepWithAChangedRequestIsADuplicateNotItsEarlierPayment() throws ConnectorException {
        OpayoPiConnector connector = new OpayoPiConnector();
        Map<String, Object> input = payment("order-7102", 1250,
                card(connector, SandboxCards.AUTHORISED, "Ada Lovelace"), "Ada", "Lovelace");
        invoke(connector, connection.call("createTransaction", input, "run-a:charge"));
        Map<String, Object> changed = new LinkedHashMap<>(input);
        changed.put("amount", 1300L);

        ConnectorException noted = catchThrowableOfType(ConnectorException.class, () -> invoke(connector,
                connection.repeatedCall("createTransaction", changed, "run-a:charge")));
        ConnectorException lookedUp = catchThrowableOfType(ConnectorException.class, () -> invoke(
                new OpayoPiConnector(), connection.repeatedCall("createTransaction", changed, "run-a:charge")));

        assertThat(noted.errorClass()).isEqualTo("DuplicateVendorTxCode");
        assertThat(noted.getMessage()).contains("this step with a different request").contains("of 1250")
                .contains("of 1300");
        assertThat(lookedUp.errorClass()).isEqualTo("DuplicateVendorTxCode");
        assertThat(lookedUp.getMessage()).contains("amount: this request has 1300, the existing one 1250");
        assertThat(SIMULATOR.counters().requests("createTransaction")).isEqualTo(1);
    }

    @Test
    void aReclaimedStepWhoseAnswerWasLostIsLookedUpBeforeAnythingIsSentAgain() throws ConnectorException {
        OpayoPiConnector crashed = new OpayoPiConnector();
        // the code left empty: derived from the step's idempotency key, as a workflow usually does
        Map<String, Object> input = payment("", 3100, card(crashed, SandboxCards.AUTHORISED, "Ada Lovelace"),
                "Ada", "Lovelace");
        String key = "2f6c1d0e-8b1a-4f4e-9a57-0d3c0b7b1e42:charge";
        SIMULATOR.faults().plan(new Faults.Fault("createTransaction" + OpayoSimulator.AFTER_COMMIT, 502, null, 0), 1);
        ConnectorException lost = catchThrowableOfType(ConnectorException.class,
                () -> invoke(crashed, connection.call("createTransaction", input, key)));
        String vendorTxCode = VendorTxCodes.fromIdempotencyKey(key);
        // what the first attempt did, as Opayo holds it
        long creates = SIMULATOR.counters().requests("createTransaction");

        // the worker died; the step is claimed again elsewhere: a connector that remembers nothing
        Map<String, Object> reclaimed = invoke(new OpayoPiConnector(),
                connection.repeatedCall("createTransaction", input, key));

        assertThat(lost.retryable()).isTrue();
        assertThat(creates).isEqualTo(1);
        assertThat(SIMULATOR.counters().requests("createTransaction")).as("exactly one create reached Opayo")
                .isEqualTo(1);
        assertThat(SIMULATOR.counters().duplicateSideEffects()).isZero();
        assertThat(SIMULATOR.transactionsWithVendorTxCode(vendorTxCode)).isEqualTo(1);
        assertThat(reclaimed.get("status")).isEqualTo("Ok");
        assertThat(reclaimed.get("amount")).isEqualTo(Map.of("totalAmount", 3100L, "saleAmount", 3100L,
                "surchargeAmount", 0L));
        assertThat(SIMULATOR.counters().requests("getTransactionDetail")).as("looked up by vendorTxCode")
                .isEqualTo(1);
    }

    @Test
    void aReclaimedStepWhoseFirstAttemptNeverReachedOpayoIsLookedUpThenSent() throws ConnectorException {
        OpayoPiConnector crashed = new OpayoPiConnector();
        Map<String, Object> input = payment("order-7200", 1400, card(crashed, SandboxCards.AUTHORISED,
                "Ada Lovelace"), "Ada", "Lovelace");
        SIMULATOR.faults().plan(new Faults.Fault("createTransaction", 503, null, 0), 1);
        catchThrowableOfType(ConnectorException.class,
                () -> invoke(crashed, connection.call("createTransaction", input, "run-a:charge")));

        Map<String, Object> reclaimed = invoke(new OpayoPiConnector(),
                connection.repeatedCall("createTransaction", input, "run-a:charge"));

        assertThat(reclaimed.get("status")).isEqualTo("Ok");
        assertThat(SIMULATOR.counters().requests("getTransactionDetail")).isEqualTo(1);
        assertThat(SIMULATOR.transactionsWithVendorTxCode("order-7200")).isEqualTo(1);
        assertThat(SIMULATOR.counters().duplicateSideEffects()).isZero();
    }
}
