package dev.junction.connectors.amazon;

import dev.junction.engine.connectors.ConnectorException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders API v0: getOrders (following NextToken), pollOrders, getOrder and getOrderItems. */
final class OrdersOperations {

    static final String ORDERS = "/orders/v0/orders";
    /** SP-API answers nothing newer than two minutes before now; a few seconds more allow for clock skew. */
    static final Duration SETTLING_TIME = Duration.ofMinutes(2).plusSeconds(5);
    /** The time a page chain leaves for its last page before the deadline. */
    static final Duration PAGE_MARGIN = Duration.ofMillis(1500);

    private final SpApiClient client;

    OrdersOperations(SpApiClient client) {
        this.client = client;
    }

    /** The orders of a page chain and, when it was cut short, the NextToken to go on with. */
    private record Pages(List<Map<String, Object>> orders, String nextToken, Map<String, Object> lastPayload,
                         int count) {
        boolean complete() {
            return nextToken == null;
        }
    }

    Map<String, Object> getOrders(Input input) throws ConnectorException {
        List<String> marketplaces = marketplaces(input);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("MarketplaceIds", marketplaces);
        String nextToken = input.text("NextToken").orElse(null);
        if (nextToken == null) {
            boolean byCreation = input.text("CreatedAfter").isPresent();
            boolean byUpdate = input.text("LastUpdatedAfter").isPresent();
            if (byCreation == byUpdate) {
                throw input.invalid(byCreation ? "LastUpdatedAfter" : "CreatedAfter", byCreation
                        ? "cannot be given with CreatedAfter (SP-API filters by one of them)"
                        : "or LastUpdatedAfter is required");
            }
            if (byCreation && (input.text("LastUpdatedBefore").isPresent())) {
                throw input.invalid("LastUpdatedBefore", "cannot be given with CreatedAfter");
            }
            if (byUpdate && input.text("CreatedBefore").isPresent()) {
                throw input.invalid("CreatedBefore", "cannot be given with LastUpdatedAfter");
            }
            String after = byCreation ? "CreatedAfter" : "LastUpdatedAfter";
            String before = byCreation ? "CreatedBefore" : "LastUpdatedBefore";
            Instant latest = Instant.now().minus(SETTLING_TIME).truncatedTo(ChronoUnit.SECONDS);
            Instant afterValue = input.instant(after).orElseThrow();
            if (afterValue.isAfter(latest)) {
                throw input.invalid(after, "must be at least 2 minutes before now (SP-API lists no newer orders)");
            }
            query.put(after, afterValue.toString());
            // a bound later than SP-API allows is clamped to two minutes before now: the answer echoes the bound
            // used, and asking "up to now" cannot mean more than that
            input.instant(before).ifPresent(value -> query.put(before, (value.isAfter(latest) ? latest : value)
                    .toString()));
            query.put("OrderStatuses", input.list("OrderStatuses"));
            query.put("FulfillmentChannels", input.list("FulfillmentChannels"));
            query.put("PaymentMethods", input.list("PaymentMethods"));
            query.put("AmazonOrderIds", input.list("AmazonOrderIds"));
            input.text("BuyerEmail").ifPresent(email -> query.put("BuyerEmail", email));
            input.text("SellerOrderId").ifPresent(id -> query.put("SellerOrderId", id));
            query.put("MaxResultsPerPage", input.whole("MaxResultsPerPage", 100));
        } else {
            query.put("NextToken", nextToken);
        }
        Pages pages = follow("getOrders", query, marketplaces, (int) input.whole("maxPages", 10));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("orders", new ArrayList<Object>(pages.orders()));
        answer.put("complete", pages.complete());
        answer.put("nextToken", pages.nextToken());
        answer.put("pages", (long) pages.count());
        for (String bound : List.of("CreatedBefore", "LastUpdatedBefore")) {
            if (pages.lastPayload().get(bound) instanceof String value) {
                answer.put(Character.toLowerCase(bound.charAt(0)) + bound.substring(1), value);
            }
        }
        return answer;
    }

    Map<String, Object> pollOrders(Input input) throws ConnectorException {
        List<String> marketplaces = marketplaces(input);
        Instant latest = Instant.now().minus(SETTLING_TIME).truncatedTo(ChronoUnit.SECONDS);
        PollCursor cursor;
        if (input.text("cursor").isPresent()) {
            cursor = PollCursor.parse(input.text("cursor").get())
                    .orElseThrow(() -> input.invalid("cursor", "is not a cursor pollOrders wrote"));
        } else {
            Instant start = Instant.now().minus(client.settings().orderLookback()).truncatedTo(ChronoUnit.SECONDS);
            cursor = new PollCursor(start, Set.of());
        }
        Instant after = cursor.after().isAfter(latest) ? latest : cursor.after();
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("MarketplaceIds", marketplaces);
        query.put("LastUpdatedAfter", after.toString());
        query.put("OrderStatuses", input.list("OrderStatuses"));
        query.put("FulfillmentChannels", input.list("FulfillmentChannels"));
        query.put("MaxResultsPerPage", 100L);
        Pages pages = follow("pollOrders", query, marketplaces, 20);
        List<Object> records = new ArrayList<>();
        PollCursor next = cursor;
        // UNCONFIRMED (api-contracts §1.4): pages come in ascending LastUpdateDate; a chain cut short (page limit,
        // deadline) then resumes at the newest date seen without skipping older orders
        for (Map<String, Object> order : pages.orders()) {
            String id = String.valueOf(order.get("AmazonOrderId"));
            Instant updated = lastUpdate(order);
            if (cursor.seen(id, updated)) {
                continue;
            }
            records.add(Map.of("key", id, "data", order));
            next = next.advance(id, updated);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("records", records);
        answer.put("cursor", next.write());
        return answer;
    }

    Object getOrder(Input input) throws ConnectorException {
        String orderId = input.requiredText("AmazonOrderId");
        return payload("getOrder", client.get("getOrder", ORDERS + "/" + SpApiClient.encode(orderId), Map.of()));
    }

    Map<String, Object> getOrderItems(Input input) throws ConnectorException {
        String orderId = input.requiredText("AmazonOrderId");
        String path = ORDERS + "/" + SpApiClient.encode(orderId) + "/orderItems";
        List<Object> items = new ArrayList<>();
        String nextToken = null;
        int pages = 0;
        do {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("NextToken", nextToken);
            Map<String, Object> payload = payload("getOrderItems", client.get("getOrderItems", path, query));
            if (payload.get("OrderItems") instanceof List<?> page) {
                items.addAll(page);
            }
            nextToken = payload.get("NextToken") instanceof String token && !token.isBlank() ? token : null;
            pages++;
        } while (nextToken != null && pages < 20 && client.call().remaining().compareTo(PAGE_MARGIN) > 0);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("amazonOrderId", orderId);
        answer.put("orderItems", items);
        answer.put("complete", nextToken == null);
        return answer;
    }

    private Pages follow(String operation, Map<String, Object> firstQuery, List<String> marketplaces, int maxPages)
            throws ConnectorException {
        List<Map<String, Object>> orders = new ArrayList<>();
        Map<String, Object> query = firstQuery;
        Map<String, Object> payload;
        int count = 0;
        String nextToken;
        do {
            payload = payload(operation, client.get(operation, ORDERS, query));
            if (payload.get("Orders") instanceof List<?> page) {
                for (Object order : page) {
                    if (order instanceof Map<?, ?> map) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> typed = (Map<String, Object>) map;
                        orders.add(typed);
                    }
                }
            }
            count++;
            nextToken = payload.get("NextToken") instanceof String token && !token.isBlank() ? token : null;
            query = new LinkedHashMap<>();
            query.put("MarketplaceIds", marketplaces);
            query.put("NextToken", nextToken);
        } while (nextToken != null && count < maxPages && client.call().remaining().compareTo(PAGE_MARGIN) > 0);
        return new Pages(orders, nextToken, payload, count);
    }

    private List<String> marketplaces(Input input) throws ConnectorException {
        List<String> given = input.list("MarketplaceIds");
        List<String> marketplaces = given.isEmpty() ? client.settings().marketplaceIds() : given;
        if (marketplaces.isEmpty()) {
            throw input.invalid("MarketplaceIds", "is required when the connection names no marketplace ids");
        }
        if (marketplaces.size() > 50) { // comma-separated text the schema's maxItems does not count
            throw input.invalid("MarketplaceIds", "may name at most 50 marketplaces");
        }
        return marketplaces;
    }

    private static Instant lastUpdate(Map<String, Object> order) throws ConnectorException {
        try {
            return Instant.parse(String.valueOf(order.get("LastUpdateDate")));
        } catch (DateTimeParseException e) {
            throw ConnectorException.permanentFailure("RemoteError", "pollOrders: order " + order.get("AmazonOrderId")
                    + " has no readable LastUpdateDate", null, null);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> payload(String operation, Object answer) throws ConnectorException {
        if (answer instanceof Map<?, ?> map && map.get("payload") instanceof Map<?, ?> payload) {
            return (Map<String, Object>) payload;
        }
        throw ConnectorException.permanentFailure("RemoteError", operation + " answered without a payload object",
                null, null);
    }
}
