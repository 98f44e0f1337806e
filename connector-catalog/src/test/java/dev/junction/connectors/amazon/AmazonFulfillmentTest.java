package dev.junction.connectors.amazon;

import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import dev.junction.connectors.testing.FixedConnection;
import dev.junction.engine.connectors.ConnectorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Multi-Channel Fulfillment against the simulator: validation, shipping, cancelling, and never creating twice. */
class AmazonFulfillmentTest {

    private static AmazonSandbox sandbox;
    private FixedConnection connection;

    @BeforeAll
    static void start() throws IOException {
        sandbox = new AmazonSandbox();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.simulator.reset();
        connection = sandbox.connection();
    }

    private static Map<String, Object> order(String displayableOrderId) {
        Map<String, Object> order = new HashMap<>();
        order.put("displayableOrderId", displayableOrderId);
        order.put("displayableOrderDate", "2026-11-30T10:15:00Z");
        order.put("displayableOrderComment", "Thank you for your order");
        order.put("shippingSpeedCategory", "Standard");
        order.put("destinationAddress", Map.of("name", "Ada Lovelace", "addressLine1", "1 Analytical Row",
                "city", "London", "postalCode", "EC1A 1BB", "countryCode", "GB"));
        order.put("items", List.of(
                Map.of("sellerSku", "JN-MUG-001", "sellerFulfillmentOrderItemId", "line-1", "quantity", 2),
                Map.of("sellerSku", "JN-CAP-01", "sellerFulfillmentOrderItemId", "line-2", "quantity", 1)));
        return order;
    }

    private Map<?, ?> create(Map<String, Object> input, String idempotencyKey) throws ConnectorException {
        return (Map<?, ?>) sandbox.invoke(connection, "createFulfillmentOrder", input, idempotencyKey,
                Instant.now().plusSeconds(10));
    }

    private Map<?, ?> get(String id) throws ConnectorException {
        return (Map<?, ?>) sandbox.invoke(connection, "getFulfillmentOrder", Map.of("sellerFulfillmentOrderId", id));
    }

    @Test
    void anOrderIsCreatedAndShipsWithAPackageAndTrackingNumber() throws ConnectorException {
        Map<String, Object> input = order("SHOP-1001");
        input.put("sellerFulfillmentOrderId", "SHOP-1001");
        Map<?, ?> created = create(input, "run-1:node-1:0");

        List<String> statuses = new ArrayList<>();
        Map<?, ?> read;
        do {
            read = get("SHOP-1001");
            statuses.add((String) ((Map<?, ?>) read.get("fulfillmentOrder")).get("fulfillmentOrderStatus"));
        } while (!statuses.getLast().equals("Complete") && statuses.size() < 10);
        Map<?, ?> shipment = (Map<?, ?>) ((List<?>) read.get("fulfillmentShipments")).getFirst();
        Map<?, ?> pack = (Map<?, ?>) ((List<?>) shipment.get("fulfillmentShipmentPackage")).getFirst();
        Map<?, ?> tracking = (Map<?, ?>) sandbox.invoke(connection, "getPackageTrackingDetails",
                Map.of("packageNumber", pack.get("packageNumber")));

        assertThat(created.get("outcome")).isEqualTo("CREATED");
        assertThat(created.get("sellerFulfillmentOrderId")).isEqualTo("SHOP-1001");
        assertThat(statuses).containsExactly("Planning", "Processing", "Complete");
        assertThat(shipment.get("fulfillmentShipmentStatus")).isEqualTo("SHIPPED");
        assertThat(pack.get("trackingNumber")).isNotNull();
        assertThat(tracking.get("trackingNumber")).isEqualTo(pack.get("trackingNumber"));
        assertThat(tracking.get("currentStatus")).isEqualTo("IN_TRANSIT");
    }

    @Test
    void withoutAnIdTheStepsIdempotencyKeyBecomesOneAndTheSameStepCreatesOnce() throws ConnectorException {
        Map<?, ?> first = create(order("SHOP-1002"), "run-7f3a:node-ship:0");
        Map<?, ?> again = create(order("SHOP-1002"), "run-7f3a:node-ship:0");
        Map<?, ?> plain = create(order("SHOP-1003"), "plain-key_1");

        String derived = (String) first.get("sellerFulfillmentOrderId");
        assertThat(derived).hasSizeLessThanOrEqualTo(40).matches("[A-Za-z0-9_-]+").startsWith("jn-");
        assertThat(again.get("sellerFulfillmentOrderId")).isEqualTo(derived);
        assertThat(again.get("outcome")).isEqualTo("ALREADY_EXISTED");
        assertThat(plain.get("sellerFulfillmentOrderId")).as("a valid key is used as it is").isEqualTo("plain-key_1");
        assertThat(sandbox.simulator.fulfillmentOrderCount()).isEqualTo(2);
    }

    @Test
    void anAnswerLostAfterTheWriteIsFoundByLookingTheOrderUpNotByCreatingAgain() throws Exception {
        sandbox.plan("{\"operation\": \"" + SpApiSimulator.AFTER_CREATE_FAULT + "\", \"status\": 500}");

        Map<?, ?> created = create(order("SHOP-2001"), "run-lost:node-1:0");
        Map<?, ?> retried = create(order("SHOP-2001"), "run-lost:node-1:0");

        assertThat(created.get("outcome")).isEqualTo("CREATED");
        assertThat(retried.get("outcome")).isEqualTo("ALREADY_EXISTED");
        assertThat(sandbox.simulator.fulfillmentOrderCount()).isEqualTo(1);
        assertThat(sandbox.simulator.counters().duplicateSideEffects()).isZero();
    }

    @Test
    void aTimeoutAfterTheWriteFailsRetryablyAndTheRetryAnswersTheExistingOrder() throws Exception {
        sandbox.plan("{\"operation\": \"" + SpApiSimulator.AFTER_CREATE_FAULT + "\", \"delayMillis\": 2000}");

        ConnectorException timeout = catchThrowableOfType(ConnectorException.class, () -> sandbox.invoke(connection,
                "createFulfillmentOrder", order("SHOP-2002"), "run-slow:node-1:0", Instant.now().plusMillis(800)));
        Map<?, ?> retried = create(order("SHOP-2002"), "run-slow:node-1:0");

        assertThat(timeout.retryable()).isTrue();
        assertThat(timeout.errorClass()).isEqualTo("Timeout");
        assertThat(retried.get("outcome")).isEqualTo("ALREADY_EXISTED");
        assertThat(sandbox.simulator.fulfillmentOrderCount()).isEqualTo(1);
        assertThat(sandbox.simulator.counters().duplicateSideEffects()).isZero();
    }

    @Test
    void aServerFailureBeforeTheWriteCreatesNothingAndIsRetryable() throws Exception {
        sandbox.plan("{\"operation\": \"createFulfillmentOrder\", \"status\": 503}");

        ConnectorException unavailable = catchThrowableOfType(ConnectorException.class,
                () -> create(order("SHOP-2003"), "run-503:node-1:0"));
        Map<?, ?> retried = create(order("SHOP-2003"), "run-503:node-1:0");

        assertThat(unavailable.retryable()).isTrue();
        assertThat(retried.get("outcome")).isEqualTo("CREATED");
        assertThat(sandbox.simulator.fulfillmentOrderCount()).isEqualTo(1);
    }

    @Test
    void aMissingFieldOrUnknownSkuIsAPermanentFailureNamingIt() {
        Map<String, Object> noDisplayId = order("SHOP-3001");
        noDisplayId.remove("displayableOrderId");
        Map<String, Object> unknownSku = order("SHOP-3002");
        unknownSku.put("items", List.of(Map.of("sellerSku", "NO-SUCH-SKU", "sellerFulfillmentOrderItemId", "line-1",
                "quantity", 1)));
        Map<String, Object> noPostcode = order("SHOP-3003");
        noPostcode.put("destinationAddress", Map.of("name", "Ada", "addressLine1", "1 Row", "city", "London",
                "countryCode", "GB"));

        ConnectorException missing = catchThrowableOfType(ConnectorException.class, () -> create(noDisplayId, "k1"));
        ConnectorException sku = catchThrowableOfType(ConnectorException.class, () -> create(unknownSku, "k2"));
        ConnectorException postcode = catchThrowableOfType(ConnectorException.class, () -> create(noPostcode, "k3"));

        assertThat(missing.retryable()).isFalse();
        // the descriptor always required it; before the central check, only Amazon said so (a 400 after the call)
        assertThat(missing.remoteStatus()).isNull();
        assertThat(missing.errorClass()).isEqualTo("InvalidInput");
        assertThat(missing.getMessage()).contains("input.displayableOrderId: is required");
        assertThat(sku.getMessage()).contains("SellerSKU", "line-1");
        assertThat(postcode.getMessage()).contains("input.destinationAddress.postalCode: is required");
        assertThat(postcode.remoteStatus()).isNull();
        assertThat(sandbox.simulator.fulfillmentOrderCount()).isZero();
    }

    @Test
    void theSameIdForAnotherOrderIsRefusedNotAnsweredAsThatOrder() throws ConnectorException {
        Map<String, Object> first = order("SHOP-4001");
        first.put("sellerFulfillmentOrderId", "SHARED-ID");
        Map<String, Object> other = order("SHOP-4002");
        other.put("sellerFulfillmentOrderId", "SHARED-ID");
        create(first, "k1");

        ConnectorException duplicate = catchThrowableOfType(ConnectorException.class, () -> create(other, "k2"));

        assertThat(duplicate.errorClass()).isEqualTo("DuplicateSellerFulfillmentOrderId");
        assertThat(duplicate.getMessage()).contains("SHARED-ID", "SHOP-4001", "SHOP-4002");
    }

    @Test
    void anotherRunReusingTheIdForAnotherAddressAndLinesIsRefusedWhetherFirstCallOrRetry() throws Exception {
        Map<String, Object> first = order("SHOP-4100");
        first.put("sellerFulfillmentOrderId", "SHOP-4100");
        Map<String, Object> other = order("SHOP-4100");
        other.put("sellerFulfillmentOrderId", "SHOP-4100");
        other.put("destinationAddress", Map.of("name", "Grace Hopper", "addressLine1", "2 Compiler Lane",
                "city", "Leeds", "postalCode", "LS1 1AA", "countryCode", "GB"));
        other.put("items", List.of(Map.of("sellerSku", "JN-MUG-001", "sellerFulfillmentOrderItemId", "line-1",
                "quantity", 5)));
        sandbox.invoke(connection, "createFulfillmentOrder", first, "run-a:ship", false);

        ConnectorException onFirstCall = catchThrowableOfType(ConnectorException.class, () -> sandbox.invoke(
                connection, "createFulfillmentOrder", other, "run-b:ship", false));
        ConnectorException onRetry = catchThrowableOfType(ConnectorException.class, () -> sandbox.invoke(
                connection, "createFulfillmentOrder", other, "run-b:ship", true));

        assertThat(onFirstCall.errorClass()).isEqualTo("DuplicateSellerFulfillmentOrderId");
        assertThat(onFirstCall.retryable()).isFalse();
        assertThat(onFirstCall.getMessage()).contains("SHOP-4100").contains("never sent it");
        assertThat(onRetry.errorClass()).isEqualTo("DuplicateSellerFulfillmentOrderId");
        assertThat(onRetry.getMessage()).contains("destinationAddress").contains("items");
        assertThat(sandbox.simulator.fulfillmentOrderCount()).isEqualTo(1);
        Map<?, ?> held = (Map<?, ?>) get("SHOP-4100").get("fulfillmentOrder");
        assertThat(((Map<?, ?>) held.get("destinationAddress")).get("name")).isEqualTo("Ada Lovelace");
    }

    @Test
    void anIdenticalOrderMadeByAnotherRunIsNotAnsweredAsThisRunsOnItsFirstCall() throws ConnectorException {
        Map<String, Object> input = order("SHOP-4200");
        input.put("sellerFulfillmentOrderId", "SHOP-4200");
        sandbox.invoke(connection, "createFulfillmentOrder", input, "run-a:ship", false);

        ConnectorException duplicate = catchThrowableOfType(ConnectorException.class, () -> sandbox.invoke(
                connection, "createFulfillmentOrder", input, "run-b:ship", false));

        assertThat(duplicate.errorClass()).isEqualTo("DuplicateSellerFulfillmentOrderId");
        assertThat(sandbox.simulator.fulfillmentOrderCount()).isEqualTo(1);
        assertThat(sandbox.simulator.counters().duplicateSideEffects()).isZero();
    }

    @Test
    void theSameStepRepeatedFindsItsOwnOrderAndCreatesOnce() throws ConnectorException {
        Map<?, ?> created = (Map<?, ?>) sandbox.invoke(connection, "createFulfillmentOrder", order("SHOP-4300"),
                "run-a:ship", false);
        Map<?, ?> repeated = (Map<?, ?>) sandbox.invoke(connection, "createFulfillmentOrder", order("SHOP-4300"),
                "run-a:ship", true);

        assertThat(created.get("outcome")).isEqualTo("CREATED");
        assertThat(repeated.get("outcome")).isEqualTo("ALREADY_EXISTED");
        assertThat(repeated.get("sellerFulfillmentOrderId")).isEqualTo(created.get("sellerFulfillmentOrderId"));
        assertThat(sandbox.simulator.fulfillmentOrderCount()).isEqualTo(1);
        assertThat(sandbox.simulator.counters().duplicateSideEffects()).isZero();
    }

    @Test
    void anOrderCanBeCancelledBeforeProcessingButNotOnceShipped() throws ConnectorException {
        Map<String, Object> early = order("SHOP-5001");
        early.put("sellerFulfillmentOrderId", "SHOP-5001");
        Map<String, Object> late = order("SHOP-5002");
        late.put("sellerFulfillmentOrderId", "SHOP-5002");
        create(early, "k1");
        create(late, "k2");
        sandbox.simulator.shipFulfillmentOrder("SHOP-5002");

        Map<?, ?> cancelled = (Map<?, ?>) sandbox.invoke(connection, "cancelFulfillmentOrder",
                Map.of("sellerFulfillmentOrderId", "SHOP-5001"));
        ConnectorException tooLate = catchThrowableOfType(ConnectorException.class, () -> sandbox.invoke(connection,
                "cancelFulfillmentOrder", Map.of("sellerFulfillmentOrderId", "SHOP-5002")));
        ConnectorException unknown = catchThrowableOfType(ConnectorException.class, () -> get("NO-SUCH-ORDER"));

        assertThat(cancelled.get("cancelled")).isEqualTo(true);
        assertThat(((Map<?, ?>) get("SHOP-5001").get("fulfillmentOrder")).get("fulfillmentOrderStatus"))
                .isEqualTo("Cancelled");
        assertThat(tooLate.retryable()).isFalse();
        assertThat(tooLate.getMessage()).contains("Complete");
        assertThat(unknown.errorClass()).isEqualTo("NotFound");
    }

    /** The connection, its rate limiter replaced (one that notes each token, one that is always empty). */
    private record LimitedConnection(FixedConnection connection, dev.junction.engine.connectors.RateLimiter limiter)
            implements dev.junction.engine.connectors.ConnectionAccess {

        @Override
        public String id() {
            return connection.id();
        }

        @Override
        public Environment environment() {
            return connection.environment();
        }

        @Override
        public java.util.Optional<String> setting(String name) {
            return connection.setting(name);
        }

        @Override
        public java.util.Optional<String> secret(String name) {
            return connection.secret(name);
        }

        @Override
        public dev.junction.engine.connectors.RateLimiter rateLimiter() {
            return limiter;
        }
    }

    /** The connection, with a limiter that notes each operation a token is taken for. */
    private static LimitedConnection counted(FixedConnection connection, List<String> tokens) {
        return new LimitedConnection(connection, operation -> {
            synchronized (tokens) {
                tokens.add(operation);
            }
        });
    }

    /** A connection whose every bucket is empty for the next 40 seconds. */
    private static LimitedConnection throttled(FixedConnection connection) {
        return new LimitedConnection(connection, operation -> {
            throw ConnectorException.throttled("the bucket of " + operation + " is empty",
                    java.time.Duration.ofSeconds(40));
        });
    }

    @Test
    void everyRequestTakesATokenOfItsOwnOperationTheLookUpsToo() throws Exception {
        List<String> tokens = new ArrayList<>();
        LimitedConnection counted = counted(connection, tokens);
        sandbox.plan("{\"operation\": \"" + SpApiSimulator.AFTER_CREATE_FAULT + "\", \"status\": 500}");

        Object created = new AmazonSpApiConnector().invoke(new dev.junction.engine.connectors.OperationCall(counted,
                "createFulfillmentOrder", order("SHOP-4001"), "run-4:ship", Instant.now().plusSeconds(10)));

        assertThat(created.toString()).contains("CREATED");
        assertThat(tokens).as("the look-up before, the create, the look-up after the lost answer")
                .containsExactly("getFulfillmentOrder", "createFulfillmentOrder", "getFulfillmentOrder");
        assertThat(sandbox.simulator.faults().counters().requests("getFulfillmentOrder")).isEqualTo(2);
    }

    @Test
    void aFullBucketOfOursIsHandedBackAsAWaitAndNothingIsSent() {
        ConnectorException wait = catchThrowableOfType(ConnectorException.class, () -> new AmazonSpApiConnector()
                .invoke(new dev.junction.engine.connectors.OperationCall(throttled(connection),
                        "createFulfillmentOrder", order("SHOP-4002"), "run-5:ship", Instant.now().plusSeconds(10))));

        assertThat(wait.waitReason()).contains(ConnectorException.WaitReason.OWN_RATE_LIMIT);
        assertThat(wait.retryAfter()).contains(java.time.Duration.ofSeconds(40));
        assertThat(sandbox.simulator.faults().counters().requests("getFulfillmentOrder")).isZero();
        assertThat(sandbox.simulator.fulfillmentOrderCount()).isZero();
    }
}
