package dev.junction.connectors.amazon;

import dev.junction.connectors.idempotency.RequestComparison;
import dev.junction.engine.connectors.ConnectorException;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Fulfillment Outbound 2020-07-01 (Multi-Channel Fulfillment). createFulfillmentOrder is made safe to retry: the
 * {@code sellerFulfillmentOrderId} is the step's idempotency key when the input has none; an order that already
 * exists under it is answered instead of created again only when it is this step's own — the call may be a repeat
 * (a retry, a re-claimed step, a replay) and the order shows this very request — and is otherwise refused as
 * {@code DuplicateSellerFulfillmentOrderId}; when the create's outcome is unknown (a timeout, a reset, a 5xx) the
 * connector looks the order up before it reports the failure.
 */
final class FulfillmentOperations {

    static final String ORDERS = "/fba/outbound/2020-07-01/fulfillmentOrders";
    static final String TRACKING = "/fba/outbound/2020-07-01/tracking";
    /** What a look-up after an unknown outcome needs at least. */
    private static final Duration LOOKUP_TIME = Duration.ofMillis(500);

    private final SpApiClient client;

    FulfillmentOperations(SpApiClient client) {
        this.client = client;
    }

    Map<String, Object> create(Input input, String idempotencyKey) throws ConnectorException {
        Map<String, Object> body = new LinkedHashMap<>(input.values());
        String id = input.text("sellerFulfillmentOrderId")
                .orElseGet(() -> SellerFulfillmentOrderIds.from(idempotencyKey));
        body.put("sellerFulfillmentOrderId", id);
        // a retry (or a step claimed again after a crash) finds the order an earlier attempt created
        Optional<Map<String, Object>> existing = find(id);
        if (existing.isPresent()) {
            if (!client.call().possibleRepeat()) {
                throw duplicate(id, "this step had never sent it, so another request made it", existing.get());
            }
            return ownOrder(id, body, "ALREADY_EXISTED", existing.get());
        }
        try {
            client.send("createFulfillmentOrder", "POST", ORDERS, body);
        } catch (ConnectorException failure) {
            if (!outcomeUnknown(failure) || client.call().remaining().compareTo(LOOKUP_TIME) < 0) {
                throw failure;
            }
            Optional<Map<String, Object>> created;
            try {
                created = find(id);
            } catch (ConnectorException lookupFailed) {
                throw failure;
            }
            if (created.isEmpty()) {
                throw failure;
            }
            return ownOrder(id, body, "CREATED", created.get());
        }
        return answer(id, "CREATED", null);
    }

    /**
     * The order found under the id, answered as this step's when it is this request (its header fields, address
     * and lines); one that differs was made by another request that reused the id.
     */
    private static Map<String, Object> ownOrder(String id, Map<String, Object> body, String outcome,
                                                Map<String, Object> payload) throws ConnectorException {
        RequestComparison comparison = compare(body, payload);
        if (!comparison.same()) {
            throw duplicate(id, comparison.describe(), payload);
        }
        return answer(id, outcome, payload);
    }

    private static ConnectorException duplicate(String id, String why, Map<String, Object> payload) {
        return ConnectorException.permanentFailure("DuplicateSellerFulfillmentOrderId", "createFulfillmentOrder: a"
                + " fulfillment order " + id + " exists already (displayableOrderId "
                + header(payload).get("displayableOrderId") + ") and is not this step's — " + why
                + " — so nothing was created and it is not answered as this order: give each order its own"
                + " sellerFulfillmentOrderId", null, null);
    }

    /**
     * What getFulfillmentOrder shows compared with the create request: the displayable id, date and comment, the
     * shipping speed, the destination address and the lines (by item id: SKU and quantity).
     */
    static RequestComparison compare(Map<String, Object> body, Map<String, Object> payload) {
        Map<?, ?> header = header(payload);
        RequestComparison comparison = new RequestComparison();
        for (String field : List.of("displayableOrderId", "displayableOrderComment", "shippingSpeedCategory",
                "destinationAddress")) {
            comparison.field(field, body.get(field), header.get(field));
        }
        comparison.field("displayableOrderDate", instant(body.get("displayableOrderDate")),
                instant(header.get("displayableOrderDate")));
        Map<String, Object> requestedLines = lines(body.get("items"));
        Map<String, Object> foundLines = lines(payload.get("fulfillmentOrderItems"));
        comparison.field("items.sellerFulfillmentOrderItemId", List.copyOf(requestedLines.keySet()),
                List.copyOf(foundLines.keySet()));
        comparison.field("items", requestedLines, foundLines);
        return comparison;
    }

    /** The lines by item id, each as {sellerSku, quantity}, sorted by id. */
    private static Map<String, Object> lines(Object items) {
        Map<String, Object> lines = new TreeMap<>();
        if (items instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> line) {
                    Map<String, Object> kept = new LinkedHashMap<>();
                    kept.put("sellerSku", line.get("sellerSku"));
                    kept.put("quantity", line.get("quantity"));
                    lines.put(String.valueOf(line.get("sellerFulfillmentOrderItemId")), kept);
                }
            }
        }
        return lines;
    }

    /** A date-time as an instant, so that {@code 10:15:00Z} and {@code 10:15:00.000Z} are the same; else as given. */
    private static Object instant(Object value) {
        if (value instanceof String text) {
            try {
                return OffsetDateTime.parse(text).toInstant().toString();
            } catch (DateTimeException notADate) {
                return text;
            }
        }
        return value;
    }

    /**
     * A timeout, a broken connection or a 5xx of SP-API: the order may have been created or not. (A refused
     * connection, a 429 or LWA being unavailable sent nothing that could have created it.)
     */
    private static boolean outcomeUnknown(ConnectorException failure) {
        return Set.of("Timeout", "ConnectionReset", "RemoteUnavailable").contains(failure.errorClass());
    }

    private static Map<String, Object> answer(String id, String outcome, Map<String, Object> payload) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sellerFulfillmentOrderId", id);
        answer.put("outcome", outcome);
        answer.put("fulfillmentOrderStatus", payload == null ? null : header(payload).get("fulfillmentOrderStatus"));
        return answer;
    }

    private static Map<?, ?> header(Map<String, Object> payload) {
        return payload.get("fulfillmentOrder") instanceof Map<?, ?> header ? header : Map.of();
    }

    private Optional<Map<String, Object>> find(String id) throws ConnectorException {
        try {
            return Optional.of(OrdersOperations.payload("getFulfillmentOrder",
                    client.send("getFulfillmentOrder", "GET", ORDERS + "/" + SpApiClient.encode(id), null)));
        } catch (ConnectorException failure) {
            if (Integer.valueOf(404).equals(failure.remoteStatus())) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    Map<String, Object> get(Input input) throws ConnectorException {
        String id = input.requiredText("sellerFulfillmentOrderId");
        return OrdersOperations.payload("getFulfillmentOrder",
                client.send("getFulfillmentOrder", "GET", ORDERS + "/" + SpApiClient.encode(id), null));
    }

    Map<String, Object> cancel(Input input) throws ConnectorException {
        String id = input.requiredText("sellerFulfillmentOrderId");
        client.send("cancelFulfillmentOrder", "PUT", ORDERS + "/" + SpApiClient.encode(id) + "/cancel", null);
        return Map.of("sellerFulfillmentOrderId", id, "cancelled", true);
    }

    Map<String, Object> tracking(Input input) throws ConnectorException {
        long packageNumber = input.whole("packageNumber").orElseThrow();
        return OrdersOperations.payload("getPackageTrackingDetails", client.get("getPackageTrackingDetails",
                TRACKING, Map.of("packageNumber", packageNumber)));
    }
}
