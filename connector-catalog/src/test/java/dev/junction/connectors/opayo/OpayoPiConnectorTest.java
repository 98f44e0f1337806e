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
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Opayo Pi connector against its simulator over real HTTP: payments, failures by shape, lost answers. */
class OpayoPiConnectorTest {

    private static final OpayoSimulator SIMULATOR = new OpayoSimulator();
    private static SandboxServer sandbox;
    private OpayoPiConnector connector;
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
        connector = new OpayoPiConnector();
        connection = FixedConnection.sandbox(SIMULATOR, sandbox.url(SIMULATOR));
    }

    private Object call(String operation, Map<String, Object> input) throws ConnectorException {
        return connector.invoke(connection.call(operation, input, "step-" + UUID.randomUUID()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> card(String cardNumber) throws ConnectorException {
        return (Map<String, Object>) call("createCardIdentifier", Map.of("cardholderName", "Ada Lovelace",
                "cardNumber", cardNumber, "expiryDate", "1230", "securityCode", "123"));
    }

    private Map<String, Object> payment(String type, String vendorTxCode, long amount, String cardNumber)
            throws ConnectorException {
        Map<String, Object> card = card(cardNumber);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("transactionType", type);
        input.put("vendorTxCode", vendorTxCode);
        input.put("amount", amount);
        input.put("currency", "GBP");
        input.put("description", "Order 1001");
        input.put("customerFirstName", "Ada");
        input.put("customerLastName", "Lovelace");
        input.put("billingAddress", Map.of("address1", "1 Analytical Row", "city", "London",
                "postalCode", "N1 1AA", "country", "GB"));
        input.put("paymentMethod", Map.of("card", Map.of("merchantSessionKey", card.get("merchantSessionKey"),
                "cardIdentifier", card.get("cardIdentifier"))));
        return input;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> transact(Map<String, Object> input) throws ConnectorException {
        return (Map<String, Object>) call("createTransaction", input);
    }

    private static Map<String, Object> with(Map<String, Object> input, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(input);
        changed.put(field, value);
        return changed;
    }

    @Test
    void theDescriptorFlagsSecretsAndNamesVendorTxCodeAsTheIdempotencyKey() {
        var descriptor = connector.descriptor();

        assertThat(descriptor.id()).isEqualTo("opayo-pi");
        assertThat(descriptor.operation("createTransaction").orElseThrow().idempotencyKeyField())
                .isEqualTo("vendorTxCode");
        assertThat(descriptor.setting("integrationPassword").orElseThrow().secret()).isTrue();
        assertThat(descriptor.setting("integrationKey").orElseThrow().secret()).isTrue();
        assertThat(descriptor.setting("securityKey").orElseThrow().required()).isFalse();
        assertThat(descriptor.setting("vendorName").orElseThrow().secret()).isFalse();
        assertThat(descriptor.setting("environment").orElseThrow().choiceValues()).containsExactly("test", "live");
    }

    @Test
    void aPaymentWithTheAuthorisedCardIsTakenAndCanBeReadBack() throws ConnectorException {
        Map<String, Object> taken = transact(payment("Payment", "order-1001", 1250, SandboxCards.AUTHORISED));

        assertThat(taken.get("status")).isEqualTo("Ok");
        assertThat(taken.get("statusCode")).isEqualTo("0000");
        assertThat(taken.get("amount")).isEqualTo(Map.of("totalAmount", 1250L, "saleAmount", 1250L,
                "surchargeAmount", 0L));
        assertThat(taken.toString()).doesNotContain(SandboxCards.AUTHORISED);
        Object read = call("getTransaction", Map.of("transactionId", taken.get("transactionId")));
        assertThat(read).isEqualTo(taken);
    }

    @Test
    void aDeclinedCardIsAPermanentFailureNamingTheStatusCode() throws ConnectorException {
        Map<String, Object> input = payment("Payment", "order-declined", 1250, SandboxCards.DECLINED);

        ConnectorException declined = catchThrowableOfType(ConnectorException.class, () -> transact(input));

        assertThat(declined.errorClass()).isEqualTo("CardDeclined");
        assertThat(declined.retryable()).isFalse();
        assertThat(declined.getMessage()).contains("NotAuthed").contains("2000").contains("Declined");
    }

    @Test
    void aChallengedCardAnswers3DAuthWithTheAcsUrl() throws ConnectorException {
        Map<String, Object> pending = transact(payment("Payment", "order-3ds", 990, SandboxCards.CHALLENGED));

        assertThat(pending.get("status")).isEqualTo("3DAuth");
        assertThat(pending.get("statusCode")).isEqualTo("2021");
        assertThat(pending).containsKeys("acsUrl", "cReq");
    }

    @Test
    void fieldLimitsFailBeforeAnythingIsSent() throws ConnectorException {
        Map<String, Object> good = payment("Payment", "order-limits", 1250, SandboxCards.AUTHORISED);
        SIMULATOR.faults().plan(new Faults.Fault("createTransaction", 500, null, 0), 1);
        Map<String, String> violations = new LinkedHashMap<>();
        Map<String, Object> longAddress = new HashMap<>((Map<String, Object>) good.get("billingAddress"));
        longAddress.put("address1", "x".repeat(51));

        List<Map<String, Object>> inputs = List.of(
                with(good, "vendorTxCode", "v".repeat(41)),
                with(good, "description", "d".repeat(101)),
                with(good, "customerFirstName", "f".repeat(21)),
                with(good, "customerLastName", "l".repeat(21)),
                with(good, "billingAddress", longAddress),
                with(good, "billingAddress", Map.of("address1", "1 Row", "city", "London", "postalCode", "N1",
                        "country", "GBR")),
                with(good, "currency", "ABC"),
                with(good, "amount", "1250"),
                with(good, "amount", 0L),
                with(good, "amount", 12.5));
        for (Map<String, Object> input : inputs) {
            ConnectorException invalid = catchThrowableOfType(ConnectorException.class, () -> transact(input));
            assertThat(invalid.errorClass()).isEqualTo("InvalidInput");
            assertThat(invalid.retryable()).isFalse();
            assertThat(invalid.remoteStatus()).isNull();
            violations.put(invalid.getMessage().substring(invalid.getMessage().indexOf(": ") + 2,
                    invalid.getMessage().indexOf(':', invalid.getMessage().indexOf(": ") + 2)), invalid.getMessage());
        }

        assertThat(violations.keySet()).contains("input.vendorTxCode", "input.description",
                "input.customerFirstName", "input.customerLastName", "input.billingAddress.address1",
                "input.billingAddress.country", "input.currency", "input.amount");
        assertThat(violations.get("input.billingAddress.address1")).contains("at most 50 characters, got 51");
        // the planned fault is still waiting: none of the invalid requests reached the simulator
        ConnectorException planned = catchThrowableOfType(ConnectorException.class, () -> transact(good));
        assertThat(planned.remoteStatus()).isEqualTo(500);
    }

    @Test
    void anEmptyVendorTxCodeIsFilledFromTheIdempotencyKeyTheSameOnEveryRetry() throws ConnectorException {
        Map<String, Object> input = payment("Payment", "", 700, SandboxCards.AUTHORISED);
        String key = "run 42 / step charge-customer / attempt key that is far longer than forty characters";

        OperationCall call = connection.call("createTransaction", input, key);
        @SuppressWarnings("unchecked")
        Map<String, Object> taken = (Map<String, Object>) connector.invoke(call);

        String expected = VendorTxCodes.fromIdempotencyKey(key);
        assertThat(expected).hasSizeLessThanOrEqualTo(40).matches("[A-Za-z0-9._{}-]+");
        assertThat(VendorTxCodes.fromIdempotencyKey(key)).isEqualTo(expected);
        assertThat(VendorTxCodes.fromIdempotencyKey(key + "x")).isNotEqualTo(expected);
        assertThat(VendorTxCodes.fromIdempotencyKey("short-key_1")).isEqualTo("short-key_1");
        assertThat(SIMULATOR.transactionsWithVendorTxCode(expected)).isEqualTo(1);
        assertThat(taken.get("status")).isEqualTo("Ok");
    }

    @Test
    void aServerErrorAfterTheTransactionWasStoredIsRetryableAndTheRetryAnswersTheOriginal()
            throws ConnectorException {
        Map<String, Object> input = payment("Payment", "order-lost-500", 2500, SandboxCards.AUTHORISED);
        SIMULATOR.faults().plan(new Faults.Fault("createTransaction" + OpayoSimulator.AFTER_COMMIT, 500, null, 0), 1);
        OperationCall call = connection.call("createTransaction", input, "step-lost-500");

        ConnectorException lost = catchThrowableOfType(ConnectorException.class, () -> connector.invoke(call));
        // a resend would meet this fault: the retry must look the outcome up instead of sending again
        SIMULATOR.faults().plan(new Faults.Fault("createTransaction", 500, null, 0), 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> retried = (Map<String, Object>) connector.invoke(call);

        assertThat(lost.retryable()).isTrue();
        assertThat(lost.errorClass()).isEqualTo("RemoteUnavailable");
        assertThat(retried.get("status")).isEqualTo("Ok");
        assertThat(SIMULATOR.transactionsWithVendorTxCode("order-lost-500")).isEqualTo(1);
        assertThat(SIMULATOR.counters().duplicateSideEffects()).isZero();
    }

    @Test
    void anAnswerDelayedPastTheDeadlineIsATimeoutAndTheRetryAnswersTheOriginal() throws ConnectorException {
        Map<String, Object> input = payment("Payment", "order-lost-slow", 2600, SandboxCards.AUTHORISED);
        SIMULATOR.faults().plan(new Faults.Fault("createTransaction" + OpayoSimulator.AFTER_COMMIT, 200, null,
                1_500), 1);
        OperationCall hurried = new OperationCall(connection, "createTransaction", input, "step-slow",
                Instant.now().plusMillis(500));

        ConnectorException timeout = catchThrowableOfType(ConnectorException.class,
                () -> connector.invoke(hurried));
        SIMULATOR.faults().plan(new Faults.Fault("createTransaction", 500, null, 0), 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> retried = (Map<String, Object>) connector.invoke(
                connection.call("createTransaction", input, "step-slow"));

        assertThat(timeout.errorClass()).isEqualTo("Timeout");
        assertThat(timeout.retryable()).isTrue();
        assertThat(retried.get("status")).isEqualTo("Ok");
        assertThat(retried.get("amount")).isEqualTo(Map.of("totalAmount", 2600L, "saleAmount", 2600L,
                "surchargeAmount", 0L));
        assertThat(SIMULATOR.transactionsWithVendorTxCode("order-lost-slow")).isEqualTo(1);
        assertThat(SIMULATOR.counters().duplicateSideEffects()).isZero();
    }

    @Test
    void afterARestartARepeatOfALostPaymentIsLookedUpInTheReportingApiBeforeSending() throws ConnectorException {
        Map<String, Object> input = payment("Payment", "order-restart", 3100, SandboxCards.AUTHORISED);
        SIMULATOR.faults().plan(new Faults.Fault("createTransaction" + OpayoSimulator.AFTER_COMMIT, 502, null, 0), 1);
        catchThrowableOfType(ConnectorException.class,
                () -> connector.invoke(connection.call("createTransaction", input, "step-restart")));

        OpayoPiConnector restarted = new OpayoPiConnector();
        @SuppressWarnings("unchecked")
        Map<String, Object> retried = (Map<String, Object>) restarted.invoke(
                connection.repeatedCall("createTransaction", input, "step-restart"));

        assertThat(retried.get("status")).isEqualTo("Ok");
        assertThat(SIMULATOR.transactionsWithVendorTxCode("order-restart")).isEqualTo(1);
        // the restarted connector no longer knew it had sent the payment, but the engine marked the step as a
        // possible repeat: it looked the code up instead of sending it again
        assertThat(SIMULATOR.counters().requests("createTransaction")).isEqualTo(1);
        assertThat(SIMULATOR.counters().duplicateSideEffects()).isZero();
    }

    @Test
    void withoutReportingCredentialsARepeatAfterARestartIsRefusedByOpayoNeverChargedTwice()
            throws ConnectorException {
        Map<String, Object> input = payment("Payment", "order-restart-blind", 3100, SandboxCards.AUTHORISED);
        FixedConnection noReporting = connection.withSecret("reportingPassword", "");
        SIMULATOR.faults().plan(new Faults.Fault("createTransaction" + OpayoSimulator.AFTER_COMMIT, 502, null, 0), 1);
        catchThrowableOfType(ConnectorException.class,
                () -> connector.invoke(noReporting.call("createTransaction", input, "step-blind")));

        ConnectorException refused = catchThrowableOfType(ConnectorException.class, () -> new OpayoPiConnector()
                .invoke(noReporting.repeatedCall("createTransaction", input, "step-blind")));

        assertThat(refused.errorClass()).isEqualTo("DuplicateVendorTxCode");
        assertThat(refused.getMessage()).contains("no reporting user and password").contains("nothing was charged");
        assertThat(SIMULATOR.transactionsWithVendorTxCode("order-restart-blind")).isEqualTo(1);
    }

    @Test
    void withoutReportingCredentialsARepeatedVendorTxCodeIsRefusedNeverChargedTwice() throws ConnectorException {
        Map<String, Object> input = payment("Payment", "order-twice", 1800, SandboxCards.AUTHORISED);
        transact(input);
        FixedConnection noReporting = connection.withSecret("reportingPassword", "");

        ConnectorException duplicate = catchThrowableOfType(ConnectorException.class, () -> new OpayoPiConnector()
                .invoke(noReporting.call("createTransaction", with(input, "paymentMethod",
                        payment("Payment", "x", 1, SandboxCards.AUTHORISED).get("paymentMethod")), "other")));

        assertThat(duplicate.errorClass()).isEqualTo("DuplicateVendorTxCode");
        assertThat(duplicate.retryable()).isFalse();
        assertThat(duplicate.getMessage()).contains("order-twice").contains("4001").contains("vendorTxCode");
        assertThat(SIMULATOR.transactionsWithVendorTxCode("order-twice")).isEqualTo(1);
    }

    @Test
    void aVendorTxCodeReusedForADifferentAmountDoesNotAnswerTheEarlierTransaction() throws ConnectorException {
        Map<String, Object> first = payment("Payment", "order-reused", 1000, SandboxCards.AUTHORISED);
        transact(first);
        Map<String, Object> second = payment("Payment", "order-reused", 2000, SandboxCards.AUTHORISED);

        ConnectorException reused = catchThrowableOfType(ConnectorException.class, () -> transact(second));

        assertThat(reused.errorClass()).isEqualTo("DuplicateVendorTxCode");
        assertThat(reused.getMessage()).contains("of 1000").contains("of 2000").contains("another step");
        assertThat(SIMULATOR.transactionsWithVendorTxCode("order-reused")).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailureThatNeverShowsTheSecret() {
        FixedConnection wrong = connection.withSecret("integrationPassword", "not-the-password-0815");

        ConnectorException refused = catchThrowableOfType(ConnectorException.class,
                () -> connector.invoke(wrong.call("getTransaction", Map.of("transactionId", "ABC-123"), "k")));

        assertThat(refused.errorClass()).isEqualTo("AuthenticationFailed");
        assertThat(refused.remoteStatus()).isEqualTo(401);
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains("1002");
        assertThat(refused.getMessage() + refused.remoteBody()).doesNotContain("not-the-password-0815")
                .doesNotContain(OpayoSimulator.INTEGRATION_PASSWORD);
    }

    @Test
    void rateLimitsAndServerErrorsAreRetryableWithRetryAfter() {
        SIMULATOR.faults().plan(new Faults.Fault("getTransaction", 429, 3, 0), 1);
        SIMULATOR.faults().plan(new Faults.Fault("createMerchantSessionKey", 503, null, 0), 1);

        ConnectorException throttled = catchThrowableOfType(ConnectorException.class,
                () -> call("getTransaction", Map.of("transactionId", "ABC-123")));
        ConnectorException down = catchThrowableOfType(ConnectorException.class,
                () -> call("createMerchantSessionKey", Map.of()));

        assertThat(throttled.errorClass()).isEqualTo("RateLimited");
        assertThat(throttled.retryable()).isTrue();
        assertThat(throttled.retryAfter()).hasValueSatisfying(after -> assertThat(after.toSeconds()).isEqualTo(3));
        assertThat(down.errorClass()).isEqualTo("RemoteUnavailable");
        assertThat(down.retryable()).isTrue();
    }

    @Test
    void anUnknownTransactionIsNotFoundAndAnInvalidCardNamesItsProperty() {
        ConnectorException missing = catchThrowableOfType(ConnectorException.class,
                () -> call("getTransaction", Map.of("transactionId", "NO-SUCH-ID")));
        ConnectorException invalidCard = catchThrowableOfType(ConnectorException.class,
                () -> card("4929000000001"));

        assertThat(missing.errorClass()).isEqualTo("NotFound");
        assertThat(missing.retryable()).isFalse();
        assertThat(invalidCard.errorClass()).isEqualTo("RemoteValidation");
        assertThat(invalidCard.remoteStatus()).isEqualTo(422);
        assertThat(invalidCard.getMessage()).contains("cardDetails.cardNumber").contains("1007")
                .doesNotContain("4929000000001");
    }

    @Test
    void aCardIdentifierIsUsedOnce() throws ConnectorException {
        Map<String, Object> input = payment("Payment", "order-once-1", 500, SandboxCards.AUTHORISED);
        transact(input);

        ConnectorException reused = catchThrowableOfType(ConnectorException.class,
                () -> transact(with(input, "vendorTxCode", "order-once-2")));

        assertThat(reused.errorClass()).isEqualTo("RemoteValidation");
        assertThat(reused.getMessage()).contains("paymentMethod.card.cardIdentifier");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> instruct(String transactionId, String type, Long amount) throws ConnectorException {
        Map<String, Object> input = new HashMap<>(Map.of("transactionId", transactionId, "instructionType", type));
        if (amount != null) {
            input.put("amount", amount);
        }
        return (Map<String, Object>) call("createInstruction", input);
    }

    @Test
    void aDeferredPaymentIsReleasedOnceForAtMostItsAmount() throws ConnectorException {
        String id = (String) transact(payment("Deferred", "order-deferred", 4000, SandboxCards.AUTHORISED))
                .get("transactionId");

        ConnectorException tooMuch = catchThrowableOfType(ConnectorException.class, () -> instruct(id, "release",
                4001L));
        Map<String, Object> released = instruct(id, "release", 3500L);
        Map<String, Object> again = instruct(id, "release", 3500L);
        ConnectorException abort = catchThrowableOfType(ConnectorException.class, () -> instruct(id, "abort", null));

        assertThat(tooMuch.errorClass()).isEqualTo("RemoteValidation");
        assertThat(tooMuch.retryable()).isFalse();
        assertThat(tooMuch.getMessage()).contains("amount").contains("4001").contains("4000");
        assertThat(released.get("instructionType")).isEqualTo("release");
        assertThat(again.get("date")).isEqualTo(released.get("date"));
        assertThat(abort.getMessage()).contains("not applicable");
    }

    @Test
    void instructionInputIsCheckedBeforeSending() {
        ConnectorException noAmount = catchThrowableOfType(ConnectorException.class,
                () -> instruct("ABC-1", "release", null));
        ConnectorException unknownType = catchThrowableOfType(ConnectorException.class,
                () -> instruct("ABC-1", "refund", null));

        assertThat(noAmount.errorClass()).isEqualTo("InvalidInput");
        assertThat(noAmount.getMessage()).contains("amount");
        assertThat(unknownType.getMessage()).contains("instructionType");
    }

    @Test
    void aDeferredPaymentCanBeAbortedAndAPaymentVoidedOnce() throws ConnectorException {
        String deferred = (String) transact(payment("Deferred", "order-abort", 900, SandboxCards.AUTHORISED))
                .get("transactionId");
        String paid = (String) transact(payment("Payment", "order-void", 900, SandboxCards.AUTHORISED))
                .get("transactionId");

        assertThat(instruct(deferred, "abort", null).get("instructionType")).isEqualTo("abort");
        ConnectorException voidDeferred = catchThrowableOfType(ConnectorException.class,
                () -> instruct(deferred, "void", null));
        Map<String, Object> voided = instruct(paid, "void", null);
        ConnectorException refundVoided = catchThrowableOfType(ConnectorException.class,
                () -> transact(Map.of("transactionType", "Refund", "vendorTxCode", "refund-void",
                        "referenceTransactionId", paid, "amount", 100L, "description", "refund")));

        assertThat(voidDeferred.getMessage()).contains("instructionType");
        assertThat(voided.get("instructionType")).isEqualTo("void");
        assertThat(refundVoided.getMessage()).contains("referenceTransactionId");
    }

    @Test
    void refundsAddUpToTheOriginalAtMostAndRepeatsTakeAgain() throws ConnectorException {
        String paid = (String) transact(payment("Payment", "order-refund", 1000, SandboxCards.AUTHORISED))
                .get("transactionId");

        Map<String, Object> refund = transact(Map.of("transactionType", "Refund", "vendorTxCode", "refund-1",
                "referenceTransactionId", paid, "amount", 600L, "description", "part refund"));
        ConnectorException tooMuch = catchThrowableOfType(ConnectorException.class, () -> transact(Map.of(
                "transactionType", "Refund", "vendorTxCode", "refund-2", "referenceTransactionId", paid,
                "amount", 401L, "description", "too much")));
        Map<String, Object> repeat = transact(Map.of("transactionType", "Repeat", "vendorTxCode", "repeat-1",
                "referenceTransactionId", paid, "amount", 1000L, "currency", "GBP", "description", "again"));

        assertThat(refund.get("status")).isEqualTo("Ok");
        assertThat(refund.get("currency")).isEqualTo("GBP");
        assertThat(tooMuch.getMessage()).contains("4035").contains("amount");
        assertThat(repeat.get("transactionType")).isEqualTo("Repeat");
    }

    @Test
    void anAuthenticationIsAuthorisedLater() throws ConnectorException {
        String authenticated = (String) transact(payment("Authenticate", "order-auth", 1500,
                SandboxCards.AUTHORISED)).get("transactionId");

        Map<String, Object> authorised = transact(Map.of("transactionType", "Authorise", "vendorTxCode",
                "order-auth-2", "referenceTransactionId", authenticated, "amount", 1500L, "description", "take",
                "cv2", "123"));

        assertThat(authorised.get("status")).isEqualTo("Ok");
        assertThat(authorised.get("transactionType")).isEqualTo("Authorise");
    }

    @Test
    void aFailureBeforeTheTransactionWasStoredIsLookedUpThenSentAgain() throws ConnectorException {
        Map<String, Object> input = payment("Payment", "order-not-stored", 1400, SandboxCards.AUTHORISED);
        SIMULATOR.faults().plan(new Faults.Fault("createTransaction", 503, null, 0), 1);
        OperationCall call = connection.call("createTransaction", input, "step-not-stored");

        ConnectorException unavailable = catchThrowableOfType(ConnectorException.class,
                () -> connector.invoke(call));
        @SuppressWarnings("unchecked")
        Map<String, Object> retried = (Map<String, Object>) connector.invoke(call);

        assertThat(unavailable.retryable()).isTrue();
        assertThat(retried.get("status")).isEqualTo("Ok");
        assertThat(SIMULATOR.transactionsWithVendorTxCode("order-not-stored")).isEqualTo(1);
    }

    @Test
    void aLookupTheReportingApiRefusesStopsTheRetryWithoutSendingAgain() {
        Map<String, Object> input;
        try {
            input = payment("Payment", "order-bad-reporting", 1400, SandboxCards.AUTHORISED);
        } catch (ConnectorException e) {
            throw new AssertionError(e);
        }
        SIMULATOR.faults().plan(new Faults.Fault("createTransaction" + OpayoSimulator.AFTER_COMMIT, 500, null, 0), 1);
        FixedConnection wrongReporting = connection.withSecret("reportingPassword", "wrong-reporting-pw");
        catchThrowableOfType(ConnectorException.class, () -> connector.invoke(
                wrongReporting.call("createTransaction", input, "k")));

        ConnectorException refused = catchThrowableOfType(ConnectorException.class, () -> connector.invoke(
                wrongReporting.call("createTransaction", input, "k")));

        assertThat(refused.errorClass()).isEqualTo("AuthenticationFailed");
        assertThat(refused.getMessage()).contains("Reporting API").contains("0010")
                .doesNotContain("wrong-reporting-pw");
        assertThat(SIMULATOR.transactionsWithVendorTxCode("order-bad-reporting")).isEqualTo(1);
    }

    @Test
    void theConnectorAndSimulatorAreFoundByTheirServiceLoaders() {
        assertThat(dev.junction.engine.connectors.ConnectorCatalog.discovered().find("opayo-pi")).isPresent();
        assertThat(java.util.ServiceLoader.load(dev.junction.connectors.sandbox.Simulator.class).stream()
                .map(provider -> provider.type().getName())).contains(OpayoSimulator.class.getName());
    }
}
