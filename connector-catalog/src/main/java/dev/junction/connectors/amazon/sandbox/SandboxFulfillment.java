package dev.junction.connectors.amazon.sandbox;

import dev.junction.connectors.amazon.sandbox.SpApiAnswers.InvalidInput;
import dev.junction.connectors.amazon.sandbox.SpApiAnswers.NotFound;
import dev.junction.connectors.sandbox.SimulatorCounters;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Multi-Channel Fulfillment orders (Fulfillment Outbound 2020-07-01): validation of new orders as the contract
 * describes, and a status machine that moves an order one step on each time it is read —
 * Received → Planning → Processing (a PENDING shipment) → Complete (a SHIPPED shipment with a package and its
 * tracking number) — so that a workflow polling getFulfillmentOrder sees it ship.
 */
final class SandboxFulfillment {

    // UNCONFIRMED (api-contracts §1.5): the characters a sellerFulfillmentOrderId may hold; the sandbox allows
    // letters, digits, '-' and '_' (what the connector derives ids from)
    static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final List<String> SPEEDS = List.of("Standard", "Expedited", "Priority", "ScheduledDelivery");
    private static final List<String> STEPS = List.of("Received", "Planning", "Processing", "Complete");

    private static final class FulfillmentOrder {
        final Map<String, Object> request;
        final String seller;
        final Instant received;
        String status = "Received";
        Instant statusUpdated;
        Integer packageNumber;

        FulfillmentOrder(Map<String, Object> request, String seller, Instant received) {
            this.request = request;
            this.seller = seller;
            this.received = received;
            this.statusUpdated = received;
        }
    }

    private final Map<String, FulfillmentOrder> orders = new LinkedHashMap<>();
    private final SimulatorCounters counters;
    private int nextPackageNumber = 1001;

    SandboxFulfillment(SimulatorCounters counters) {
        this.counters = counters;
    }

    synchronized int count() {
        return orders.size();
    }

    /** POST /fba/outbound/2020-07-01/fulfillmentOrders, by {@code seller} (whose token called). */
    synchronized void create(Object body, String seller) {
        if (!(body instanceof Map<?, ?> request)) {
            throw new InvalidInput("body", "The request body must be a JSON object.");
        }
        String id = text(request, "sellerFulfillmentOrderId", 40);
        if (!ORDER_ID.matcher(id).matches()) {
            throw SpApiAnswers.invalid("sellerFulfillmentOrderId",
                    "Member must have length less than or equal to 40 and contain only letters, digits, '-' and '_'");
        }
        text(request, "displayableOrderId", 40);
        dateTime(request, "displayableOrderDate");
        text(request, "displayableOrderComment", 750);
        String speed = text(request, "shippingSpeedCategory", 40);
        if (!SPEEDS.contains(speed)) {
            throw SpApiAnswers.invalid("shippingSpeedCategory", "Member must satisfy enum value set: " + SPEEDS);
        }
        if (!(request.get("destinationAddress") instanceof Map<?, ?> address)) {
            throw SpApiAnswers.invalid("destinationAddress", "Member must not be null");
        }
        for (String field : List.of("name", "addressLine1", "postalCode", "countryCode")) {
            text(address, field, 250, "destinationAddress." + field);
        }
        if (!"JP".equals(address.get("countryCode"))) {
            text(address, "city", 150, "destinationAddress.city");
        }
        validateItems(request.get("items"));
        if (orders.containsKey(id) && !orders.get(id).seller.equals(seller)) {
            // UNCONFIRMED (api-contracts §1.5): sellerFulfillmentOrderIds are unique per seller account; the
            // sandbox keeps one id space, so another seller's id is refused rather than shadowed
            throw new InvalidInput("sellerFulfillmentOrderId",
                    "A fulfillment order with sellerFulfillmentOrderId " + id + " exists in another seller account.");
        }
        if (orders.containsKey(id)) {
            // a valid order under an id already used: the second order a non-idempotent client asked for
            counters.duplicateSideEffect();
            // UNCONFIRMED (api-contracts §1.5): a duplicate sellerFulfillmentOrderId is answered 400 InvalidInput
            throw new InvalidInput("sellerFulfillmentOrderId",
                    "A fulfillment order with sellerFulfillmentOrderId " + id + " already exists.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) request);
        orders.put(id, new FulfillmentOrder(copy, seller, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    }

    private static void validateItems(Object value) {
        if (!(value instanceof List<?> items) || items.isEmpty()) {
            throw SpApiAnswers.invalid("items", "Member must not be null or empty");
        }
        if (items.size() > 100) {
            throw SpApiAnswers.invalid("items", "Member must have at most 100 elements");
        }
        Set<String> itemIds = new HashSet<>();
        long units = 0;
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                throw SpApiAnswers.invalid("items[" + i + "]", "Member must be an object");
            }
            String sku = text(item, "sellerSku", 50, "items[" + i + "].sellerSku");
            String itemId = text(item, "sellerFulfillmentOrderItemId", 50, "items[" + i + "].sellerFulfillmentOrderItemId");
            if (!(item.get("quantity") instanceof Number quantity) || quantity.longValue() < 1) {
                throw SpApiAnswers.invalid("items[" + i + "].quantity", "Member must be a positive integer");
            }
            if (!itemIds.add(itemId)) {
                throw SpApiAnswers.invalid("items[" + i + "].sellerFulfillmentOrderItemId",
                        "Member must be unique within the order");
            }
            if (SandboxCatalog.bySku(sku).isEmpty()) {
                throw new InvalidInput("items[" + i + "].sellerSku",
                        "The SellerSKU for Item Id: " + itemId + " is invalid.");
            }
            units += quantity.longValue();
        }
        if (units > 250) {
            throw SpApiAnswers.invalid("items", "An order may hold at most 250 units");
        }
    }

    /** GET …/fulfillmentOrders/{id} by {@code seller}: moves the order one step on, then answers it. */
    synchronized Map<String, Object> read(String id, String seller) {
        FulfillmentOrder order = find(id, seller);
        int step = STEPS.indexOf(order.status);
        if (step >= 0 && step < STEPS.size() - 1) {
            moveTo(order, STEPS.get(step + 1));
        }
        return Map.of("payload", render(id, order));
    }

    /** Ships the order at once (what several reads would do). */
    synchronized void ship(String id) {
        FulfillmentOrder order = find(id);
        if (!order.status.equals("Cancelled")) {
            moveTo(order, "Complete");
        }
    }

    private void moveTo(FulfillmentOrder order, String status) {
        order.status = status;
        order.statusUpdated = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (status.equals("Complete") && order.packageNumber == null) {
            order.packageNumber = nextPackageNumber++;
        }
    }

    /** PUT …/fulfillmentOrders/{id}/cancel by {@code seller}: only while Received or Planning. */
    synchronized void cancel(String id, String seller) {
        FulfillmentOrder order = find(id, seller);
        if (!order.status.equals("Received") && !order.status.equals("Planning")) {
            throw new InvalidInput("sellerFulfillmentOrderId", "The fulfillment order " + id
                    + " cannot be cancelled in status " + order.status + ".");
        }
        order.status = "Cancelled";
        order.statusUpdated = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** GET /fba/outbound/2020-07-01/tracking?packageNumber= */
    synchronized Map<String, Object> tracking(String packageNumberText) {
        int packageNumber;
        try {
            packageNumber = Integer.parseInt(packageNumberText);
        } catch (NumberFormatException e) {
            throw SpApiAnswers.invalid("packageNumber", "Member must be an integer");
        }
        for (FulfillmentOrder order : orders.values()) {
            if (order.packageNumber != null && order.packageNumber == packageNumber) {
                Map<String, Object> address = asMap(order.request.get("destinationAddress"));
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("packageNumber", (long) packageNumber);
                payload.put("trackingNumber", trackingNumber(packageNumber));
                payload.put("customerTrackingLink", "https://track.amazon.com/tracking/" + trackingNumber(packageNumber));
                payload.put("carrierCode", "AMZN_UK");
                payload.put("shipDate", order.statusUpdated.toString());
                payload.put("estimatedArrivalDate", order.statusUpdated.plus(Duration.ofDays(2)).toString());
                payload.put("shipToAddress", Map.of("city", String.valueOf(address.get("city")),
                        "state", String.valueOf(address.getOrDefault("stateOrRegion", "")),
                        "country", String.valueOf(address.get("countryCode"))));
                payload.put("currentStatus", "IN_TRANSIT");
                payload.put("currentStatusDescription", "Package has left the carrier facility");
                payload.put("trackingEvents", List.of(Map.of("eventDate", order.statusUpdated.toString(),
                        "eventAddress", Map.of("city", "Coventry", "country", "GB"),
                        "eventCode", "EVENT_101", "eventDescription", "Carrier notified to pick up package")));
                return Map.of("payload", payload);
            }
        }
        throw new NotFound("No package with packageNumber " + packageNumber + " was found.");
    }

    /** One seller's order: another seller's is not found, as in SP-API. */
    private FulfillmentOrder find(String id, String seller) {
        FulfillmentOrder order = find(id);
        if (!order.seller.equals(seller)) {
            throw new NotFound("The fulfillment order " + id + " was not found.");
        }
        return order;
    }

    /**
     * Who holds the order and where, for a person checking the sandbox ({@code GET /_sandbox/fulfillmentOrders/{id}}):
     * {@code sellerFulfillmentOrderId}, {@code seller}, {@code marketplaceId}, {@code status}; read without moving it
     * on.
     */
    synchronized Map<String, Object> holder(String id) {
        FulfillmentOrder order = find(id);
        Map<String, Object> holder = new LinkedHashMap<>();
        holder.put("sellerFulfillmentOrderId", id);
        holder.put("seller", order.seller);
        holder.put("marketplaceId", order.request.getOrDefault("marketplaceId", SpApiSimulator.MARKETPLACE_UK));
        holder.put("status", order.status);
        return holder;
    }

    private FulfillmentOrder find(String id) {
        FulfillmentOrder order = orders.get(id);
        if (order == null) {
            throw new NotFound("The fulfillment order " + id + " was not found.");
        }
        return order;
    }

    private static String trackingNumber(int packageNumber) {
        return "TBA0000" + packageNumber + "9";
    }

    private static Map<String, Object> render(String id, FulfillmentOrder order) {
        Map<String, Object> request = order.request;
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("sellerFulfillmentOrderId", id);
        header.put("marketplaceId", request.getOrDefault("marketplaceId", SpApiSimulator.MARKETPLACE_UK));
        for (String field : List.of("displayableOrderId", "displayableOrderDate", "displayableOrderComment",
                "shippingSpeedCategory", "destinationAddress", "notificationEmails")) {
            if (request.containsKey(field)) {
                header.put(field, request.get(field));
            }
        }
        header.put("fulfillmentAction", request.getOrDefault("fulfillmentAction", "Ship"));
        header.put("fulfillmentPolicy", request.getOrDefault("fulfillmentPolicy", "FillOrKill"));
        header.put("receivedDate", order.received.toString());
        header.put("fulfillmentOrderStatus", order.status);
        header.put("statusUpdatedDate", order.statusUpdated.toString());
        boolean cancelled = order.status.equals("Cancelled");
        List<Object> items = new ArrayList<>();
        List<Object> shipmentItems = new ArrayList<>();
        for (Object value : (List<?>) request.get("items")) {
            Map<String, Object> item = asMap(value);
            long quantity = ((Number) item.get("quantity")).longValue();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sellerSku", item.get("sellerSku"));
            line.put("sellerFulfillmentOrderItemId", item.get("sellerFulfillmentOrderItemId"));
            line.put("quantity", quantity);
            line.put("cancelledQuantity", cancelled ? quantity : 0L);
            line.put("unfulfillableQuantity", 0L);
            line.put("fulfillmentNetworkSku", SandboxCatalog.bySkuOrFail((String) item.get("sellerSku")).fnsku());
            line.put("estimatedShipDate", order.received.plus(Duration.ofDays(1)).toString());
            line.put("estimatedArrivalDate", order.received.plus(Duration.ofDays(3)).toString());
            items.add(line);
            Map<String, Object> shipped = new LinkedHashMap<>();
            shipped.put("sellerSku", item.get("sellerSku"));
            shipped.put("sellerFulfillmentOrderItemId", item.get("sellerFulfillmentOrderItemId"));
            shipped.put("quantity", quantity);
            if (order.packageNumber != null) {
                shipped.put("packageNumber", (long) order.packageNumber);
            }
            shipmentItems.add(shipped);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("fulfillmentOrder", header);
        payload.put("fulfillmentOrderItems", items);
        if (order.status.equals("Processing") || order.status.equals("Complete")) {
            Map<String, Object> shipment = new LinkedHashMap<>();
            shipment.put("amazonShipmentId", "DpQ" + Math.abs(id.hashCode()));
            shipment.put("fulfillmentCenterId", "LTN4");
            boolean shipped = order.status.equals("Complete");
            shipment.put("fulfillmentShipmentStatus", shipped ? "SHIPPED" : "PENDING");
            shipment.put("shippingDate", shipped ? order.statusUpdated.toString()
                    : order.received.plus(Duration.ofDays(1)).toString());
            shipment.put("estimatedArrivalDate", order.received.plus(Duration.ofDays(3)).toString());
            shipment.put("fulfillmentShipmentItem", shipmentItems);
            if (shipped) {
                shipment.put("fulfillmentShipmentPackage", List.of(Map.of("packageNumber", (long) order.packageNumber,
                        "carrierCode", "AMZN_UK", "trackingNumber", trackingNumber(order.packageNumber),
                        "estimatedArrivalDate", order.statusUpdated.plus(Duration.ofDays(2)).toString())));
            }
            payload.put("fulfillmentShipments", List.of(shipment));
        }
        payload.put("returnItems", List.of());
        payload.put("returnAuthorizations", List.of());
        return payload;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String text(Map<?, ?> object, String field, int maxLength) {
        return text(object, field, maxLength, field);
    }

    private static String text(Map<?, ?> object, String field, int maxLength, String path) {
        if (!(object.get(field) instanceof String value) || value.isBlank()) {
            throw SpApiAnswers.invalid(path, "Member must not be null");
        }
        if (value.length() > maxLength) {
            throw SpApiAnswers.invalid(path, "Member must have length less than or equal to " + maxLength);
        }
        return value;
    }

    private static void dateTime(Map<?, ?> object, String field) {
        String value = text(object, field, 40);
        try {
            Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw SpApiAnswers.invalid(field, "Member must be an ISO 8601 date-time");
        }
    }
}
