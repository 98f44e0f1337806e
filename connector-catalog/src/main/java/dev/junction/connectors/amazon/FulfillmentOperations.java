package dev.junction.connectors.amazon;

import dev.junction.engine.connectors.ConnectorException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Fulfillment Outbound 2020-07-01 (Multi-Channel Fulfillment). createFulfillmentOrder is made safe to retry: the
 * {@code sellerFulfillmentOrderId} is the step's idempotency key when the input has none, an order that already
 * exists under it is answered instead of created again, and when the create's outcome is unknown (a timeout, a
 * reset, a 5xx) the connector looks the order up before it reports the failure.
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
        if (id.length() > 40) {
            throw input.invalid("sellerFulfillmentOrderId", "may have at most 40 characters");
        }
        body.put("sellerFulfillmentOrderId", id);
        // a retry (or a run resumed after a crash) finds the order an earlier attempt created
        Optional<Map<String, Object>> existing = find(id);
        if (existing.isPresent()) {
            return existing(id, body, existing.get());
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
            return answer(id, "CREATED", created.get());
        }
        return answer(id, "CREATED", null);
    }

    private static Map<String, Object> existing(String id, Map<String, Object> body, Map<String, Object> payload)
            throws ConnectorException {
        Object displayed = header(payload).get("displayableOrderId");
        if (body.get("displayableOrderId") != null && displayed != null
                && !Objects.equals(String.valueOf(body.get("displayableOrderId")), String.valueOf(displayed))) {
            throw ConnectorException.permanentFailure("DuplicateSellerFulfillmentOrderId",
                    "createFulfillmentOrder: a fulfillment order " + id + " exists already for displayableOrderId "
                            + displayed + ", not " + body.get("displayableOrderId"), null, null);
        }
        return answer(id, "ALREADY_EXISTED", payload);
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
        long packageNumber = input.whole("packageNumber").orElseThrow(() -> input.invalid("packageNumber",
                "is required"));
        return OrdersOperations.payload("getPackageTrackingDetails", client.get("getPackageTrackingDetails",
                TRACKING, Map.of("packageNumber", packageNumber)));
    }
}
