package dev.junction.connectors.amazon;

import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import dev.junction.connectors.testing.FixedConnection;
import dev.junction.engine.connectors.ConnectorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Orders against the simulator: paging, the two-minute rule, polling with a cursor, failures by kind. */
class AmazonOrdersTest {

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

    private static String ago(Duration duration) {
        return Instant.now().minus(duration).toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @Test
    void getOrdersFollowsEveryPageAndAnswersAllOrders() throws ConnectorException {
        Map<?, ?> answer = (Map<?, ?>) sandbox.invoke(connection, "getOrders", Map.of(
                "MarketplaceIds", List.of(SpApiSimulator.MARKETPLACE_US), "CreatedAfter", ago(Duration.ofDays(7))));

        List<Map<String, Object>> orders = list(answer.get("orders"));
        assertThat(orders).hasSize(9);
        assertThat(answer.get("pages")).as("three orders a page in the sandbox").isEqualTo(3L);
        assertThat(answer.get("complete")).isEqualTo(true);
        assertThat(orders).extracting(order -> order.get("OrderStatus"))
                .contains("Shipped", "Unshipped", "Pending", "Canceled", "PartiallyShipped");
        assertThat(orders).extracting(order -> order.get("AmazonOrderId")).doesNotHaveDuplicates();
        Map<String, Object> pending = orders.stream().filter(order -> order.get("OrderStatus").equals("Pending"))
                .findFirst().orElseThrow();
        Map<String, Object> shipped = orders.stream().filter(order -> order.get("OrderStatus").equals("Shipped"))
                .findFirst().orElseThrow();
        assertThat(pending).doesNotContainKeys("ShippingAddress", "OrderTotal");
        assertThat(shipped).containsKeys("ShippingAddress", "OrderTotal");
        assertThat(answer.get("createdBefore")).isNotNull();
    }

    @Test
    void aChainCutShortHandsBackItsNextTokenToGoOnWith() throws ConnectorException {
        Map<?, ?> first = (Map<?, ?>) sandbox.invoke(connection, "getOrders",
                Map.of("CreatedAfter", ago(Duration.ofDays(7)), "maxPages", 1));
        Map<?, ?> rest = (Map<?, ?>) sandbox.invoke(connection, "getOrders",
                Map.of("NextToken", first.get("nextToken")));

        assertThat(first.get("complete")).isEqualTo(false);
        assertThat(list(first.get("orders"))).hasSize(3);
        assertThat(rest.get("complete")).isEqualTo(true);
        assertThat(list(rest.get("orders"))).as("the connection's US and DE marketplaces").hasSize(7);
    }

    @Test
    void anAfterDateWithinTwoMinutesIsRefusedAndALateBeforeDateClamped() throws ConnectorException {
        ConnectorException tooRecent = catchThrowableOfType(ConnectorException.class, () -> sandbox.invoke(
                connection, "getOrders", Map.of("CreatedAfter", ago(Duration.ofSeconds(30)))));
        Map<?, ?> clamped = (Map<?, ?>) sandbox.invoke(connection, "getOrders", Map.of(
                "LastUpdatedAfter", ago(Duration.ofDays(1)), "LastUpdatedBefore", Instant.now().toString()));

        assertThat(tooRecent.retryable()).isFalse();
        assertThat(tooRecent.errorClass()).isEqualTo("InvalidInput");
        assertThat(tooRecent.getMessage()).contains("CreatedAfter", "2 minutes");
        assertThat(Instant.parse((String) clamped.get("lastUpdatedBefore")))
                .isBefore(Instant.now().minus(Duration.ofMinutes(2)));
        assertThat(list(clamped.get("orders"))).isNotEmpty();
    }

    @Test
    void aRemoteValidationErrorIsPermanentAndNamesCodeAndField() {
        ConnectorException invalid = catchThrowableOfType(ConnectorException.class, () -> sandbox.invoke(
                connection, "getOrders", Map.of("NextToken", "not-a-token-the-sandbox-gave")));

        assertThat(invalid.retryable()).isFalse();
        assertThat(invalid.remoteStatus()).isEqualTo(400);
        assertThat(invalid.errorClass()).isEqualTo("RemoteValidation");
        assertThat(invalid.getMessage()).contains("getOrders", "InvalidInput", "NextToken");
    }

    @Test
    void pollOrdersAnswersEachChangeOnceAndPicksUpLaterChanges() throws ConnectorException {
        Map<?, ?> first = (Map<?, ?>) sandbox.invoke(connection, "pollOrders", Map.of());
        Map<String, Object> again = new HashMap<>();
        again.put("cursor", first.get("cursor"));
        Map<?, ?> second = (Map<?, ?>) sandbox.invoke(connection, "pollOrders", again);
        sandbox.simulator.changeOrder("111-4830211-0000110", "Shipped", Instant.now().minus(Duration.ofMinutes(3)));
        again.put("cursor", second.get("cursor"));
        Map<?, ?> third = (Map<?, ?>) sandbox.invoke(connection, "pollOrders", again);

        assertThat(list(first.get("records"))).extracting(record -> record.get("key")).as("changed in the last day, "
                + "US and DE").containsExactly("111-4830211-0000103", "111-4830211-0000104", "111-4830211-0000105",
                "302-4830211-0000106", "111-4830211-0000107", "111-4830211-0000108", "111-4830211-0000110",
                "111-4830211-0000111");
        assertThat(list(second.get("records"))).isEmpty();
        assertThat(second.get("cursor")).isEqualTo(first.get("cursor"));
        assertThat(list(third.get("records"))).hasSize(1);
        Map<String, Object> changed = list(third.get("records")).getFirst();
        assertThat(changed.get("key")).isEqualTo("111-4830211-0000110");
        assertThat(((Map<?, ?>) changed.get("data")).get("OrderStatus")).isEqualTo("Shipped");
    }

    @Test
    void anOrderPlacedThroughTheSimulatorControlIsPolledWithItsItems() throws Exception {
        Map<?, ?> first = (Map<?, ?>) sandbox.invoke(connection, "pollOrders", Map.of());

        String placed = sandbox.control("orders", "{\"marketplaceId\": \"" + SpApiSimulator.MARKETPLACE_DE
                + "\", \"items\": [{\"sku\": \"JN-TEE-M\", \"quantity\": 2}, {\"sku\": \"JN-BAG-01\"}]}");
        Map<?, ?> next = (Map<?, ?>) sandbox.invoke(connection, "pollOrders", Map.of("cursor", first.get("cursor")));
        List<Map<String, Object>> records = list(next.get("records"));
        Map<?, ?> items = (Map<?, ?>) sandbox.invoke(connection, "getOrderItems",
                Map.of("AmazonOrderId", records.getFirst().get("key")));

        assertThat(records).hasSize(1);
        assertThat(placed).contains((String) records.getFirst().get("key"));
        Map<?, ?> order = (Map<?, ?>) records.getFirst().get("data");
        assertThat(order.get("OrderStatus")).isEqualTo("Unshipped");
        assertThat(order.get("OrderTotal")).isEqualTo(Map.of("CurrencyCode", "EUR", "Amount", "48.99"));
        assertThat(list(items.get("orderItems"))).extracting(item -> item.get("SellerSKU"))
                .containsExactly("JN-TEE-M", "JN-BAG-01");
    }

    @Test
    void ordersUpdatedAtTheCursorDateAreNotAnsweredTwice() throws ConnectorException {
        Instant same = Instant.now().minus(Duration.ofMinutes(4)).truncatedTo(ChronoUnit.SECONDS);
        sandbox.simulator.changeOrder("111-4830211-0000110", "Shipped", same);
        sandbox.simulator.changeOrder("111-4830211-0000111", "Unshipped", same);
        Map<?, ?> first = (Map<?, ?>) sandbox.invoke(connection, "pollOrders", Map.of());
        Map<?, ?> second = (Map<?, ?>) sandbox.invoke(connection, "pollOrders", Map.of("cursor", first.get("cursor")));

        assertThat((String) first.get("cursor")).startsWith(same.toString())
                .contains("111-4830211-0000110", "111-4830211-0000111");
        assertThat(list(second.get("records"))).isEmpty();
    }

    @Test
    void getOrderItemsFollowsPagesAndGetOrderAnswersOneOrder() throws ConnectorException {
        Map<?, ?> items = (Map<?, ?>) sandbox.invoke(connection, "getOrderItems",
                Map.of("AmazonOrderId", "111-4830211-0000108"));
        Map<?, ?> order = (Map<?, ?>) sandbox.invoke(connection, "getOrder",
                Map.of("AmazonOrderId", "111-4830211-0000108"));

        assertThat(list(items.get("orderItems"))).extracting(item -> item.get("SellerSKU"))
                .containsExactly("JN-MUG-001", "JN-TEE-M", "JN-BAG-01");
        assertThat(list(items.get("orderItems")).getFirst()).containsKeys("ASIN", "ItemPrice", "QuantityOrdered");
        assertThat(order.get("OrderStatus")).isEqualTo("Unshipped");
    }

    @Test
    void anUnknownOrderIsAPermanentNotFound() {
        ConnectorException missing = catchThrowableOfType(ConnectorException.class, () -> sandbox.invoke(
                connection, "getOrder", Map.of("AmazonOrderId", "999-0000000-0000000")));

        assertThat(missing.errorClass()).isEqualTo("NotFound");
        assertThat(missing.retryable()).isFalse();
        assertThat(missing.getMessage()).contains("999-0000000-0000000");
    }

    @Test
    void quotaExceededAndServerFailuresAreRetryable() throws Exception {
        sandbox.plan("{\"operation\": \"getOrders\", \"status\": 429, \"retryAfterSeconds\": 3}");
        ConnectorException throttled = catchThrowableOfType(ConnectorException.class, () -> sandbox.invoke(
                connection, "getOrders", Map.of("CreatedAfter", ago(Duration.ofDays(1)))));
        sandbox.plan("{\"operation\": \"getOrderItems\", \"status\": 503}");
        ConnectorException unavailable = catchThrowableOfType(ConnectorException.class, () -> sandbox.invoke(
                connection, "getOrderItems", Map.of("AmazonOrderId", "111-4830211-0000108")));

        assertThat(throttled.retryable()).isTrue();
        assertThat(throttled.errorClass()).isEqualTo("RateLimited");
        assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(throttled.waitReason()).as("a 429 with Retry-After asks to wait: no failed attempt")
                .contains(ConnectorException.WaitReason.REMOTE_RATE_LIMIT);
        assertThat(throttled.getMessage()).contains("QuotaExceeded");
        assertThat(unavailable.retryable()).isTrue();
        assertThat(unavailable.waitReason()).isEmpty();
        assertThat(unavailable.getMessage()).contains("ServiceUnavailable");
    }
}
