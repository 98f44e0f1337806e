package dev.junction.connectors.amazon.sandbox;

import dev.junction.connectors.amazon.sandbox.SpApiAnswers.InvalidInput;
import dev.junction.connectors.amazon.sandbox.SpApiAnswers.NotFound;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The sandbox seller's orders (Orders API v0): a realistic seed relative to the time of the last reset, filters
 * and {@code NextToken} paging with a small page size, and order changes a test can make.
 */
final class SandboxOrders {

    /** How many orders (and order items) a page holds at most, whatever {@code MaxResultsPerPage} asks. */
    static final int PAGE_SIZE = 3;
    static final int ITEMS_PAGE_SIZE = 2;
    /** SP-API answers nothing newer than two minutes before now. */
    static final Duration SETTLING_TIME = Duration.ofMinutes(2);

    private record Line(SandboxCatalog.Product product, int quantity, int shipped, String itemId) {
    }

    private static final class Order {
        final String id;
        final String marketplaceId;
        final String currency;
        final String channel;
        final Instant purchased;
        final List<Line> lines;
        final boolean prime;
        final Map<String, Object> shipTo;
        Instant lastUpdated;
        String status;

        Order(String id, String marketplaceId, String currency, String channel, Instant purchased,
              Instant lastUpdated, String status, boolean prime, Map<String, Object> shipTo, List<Line> lines) {
            this.id = id;
            this.marketplaceId = marketplaceId;
            this.currency = currency;
            this.channel = channel;
            this.purchased = purchased;
            this.lastUpdated = lastUpdated;
            this.status = status;
            this.prime = prime;
            this.shipTo = shipTo;
            this.lines = lines;
        }
    }

    /** A page chain in progress: the matching order ids and the echo of the upper bound. */
    private record Chain(List<String> orderIds, int offset, String boundName, String boundValue) {
    }

    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, Chain> chains = new ConcurrentHashMap<>();
    private final Map<String, Integer> itemPages = new ConcurrentHashMap<>();

    SandboxOrders(Instant now) {
        seed(now.truncatedTo(ChronoUnit.SECONDS));
    }

    private void seed(Instant now) {
        Map<String, Object> london = address("London", "Greater London", "EC1A 1BB", "GB");
        Map<String, Object> seattle = address("Seattle", "WA", "98109-5210", "US");
        Map<String, Object> austin = address("Austin", "TX", "78701", "US");
        Map<String, Object> berlin = address("Berlin", "Berlin", "10115", "DE");
        String us = SpApiSimulator.MARKETPLACE_US;
        String de = SpApiSimulator.MARKETPLACE_DE;
        add("111-4830211-0000101", us, "USD", "MFN", now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(4)),
                "Shipped", false, seattle, line("JN-MUG-001", 2, 2, "10000000000101"));
        add("111-4830211-0000102", us, "USD", "MFN", now.minus(Duration.ofHours(40)),
                now.minus(Duration.ofHours(30)), "Shipped", true, austin,
                line("JN-TEE-M", 1, 1, "10000000000201"), line("JN-CAP-01", 1, 1, "10000000000202"));
        add("111-4830211-0000103", us, "USD", "AFN", now.minus(Duration.ofHours(22)),
                now.minus(Duration.ofHours(20)), "Unshipped", true, seattle, line("JN-BAG-01", 3, 0, "10000000000301"));
        add("111-4830211-0000104", us, "USD", "MFN", now.minus(Duration.ofHours(12)),
                now.minus(Duration.ofHours(10)), "Canceled", false, austin, line("JN-MUG-001", 1, 0, "10000000000401"));
        add("111-4830211-0000105", us, "USD", "MFN", now.minus(Duration.ofHours(9)),
                now.minus(Duration.ofHours(8)), "PartiallyShipped", false, seattle,
                line("JN-MUG-001", 1, 1, "10000000000501"), line("JN-TEE-M", 2, 0, "10000000000502"));
        add("302-4830211-0000106", de, "EUR", "AFN", now.minus(Duration.ofHours(7)),
                now.minus(Duration.ofHours(6)), "Shipped", true, berlin, line("JN-CAP-01", 2, 2, "10000000000601"));
        add("111-4830211-0000107", us, "USD", "MFN", now.minus(Duration.ofHours(5)),
                now.minus(Duration.ofHours(5)), "Pending", false, seattle, line("JN-TEE-M", 1, 0, "10000000000701"));
        add("111-4830211-0000108", us, "USD", "MFN", now.minus(Duration.ofHours(4)),
                now.minus(Duration.ofHours(3)), "Unshipped", false, austin, line("JN-MUG-001", 1, 0, "10000000000801"),
                line("JN-TEE-M", 1, 0, "10000000000802"), line("JN-BAG-01", 2, 0, "10000000000803"));
        add("203-4830211-0000109", SpApiSimulator.MARKETPLACE_UK, "GBP", "MFN", now.minus(Duration.ofHours(2)),
                now.minus(Duration.ofHours(1)), "Shipped", false, london, line("JN-MUG-001", 4, 4, "10000000000901"));
        add("111-4830211-0000110", us, "USD", "AFN", now.minus(Duration.ofMinutes(50)),
                now.minus(Duration.ofMinutes(30)), "Unshipped", true, seattle, line("JN-CAP-01", 1, 0, "10000000001001"));
        add("111-4830211-0000111", us, "USD", "MFN", now.minus(Duration.ofMinutes(20)),
                now.minus(Duration.ofMinutes(10)), "Pending", false, austin, line("JN-BAG-01", 1, 0, "10000000001101"));
    }

    private static Line line(String sku, int quantity, int shipped, String itemId) {
        return new Line(SandboxCatalog.bySkuOrFail(sku), quantity, shipped, itemId);
    }

    private void add(String id, String marketplaceId, String currency, String channel, Instant purchased,
                     Instant updated, String status, boolean prime, Map<String, Object> shipTo, Line... lines) {
        orders.put(id, new Order(id, marketplaceId, currency, channel, purchased, updated, status, prime, shipTo,
                List.of(lines)));
    }

    private static Map<String, Object> address(String city, String region, String postalCode, String country) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("City", city);
        address.put("StateOrRegion", region);
        address.put("PostalCode", postalCode);
        address.put("CountryCode", country);
        address.put("AddressType", "Residential");
        return address;
    }

    /**
     * A new order of the sandbox catalog's SKUs ({@code sku → quantity}), purchased and updated at {@code at};
     * answers it as getOrder would.
     */
    synchronized Map<String, Object> place(String marketplaceId, String status, Map<String, Integer> skus, Instant at) {
        if (skus.isEmpty()) {
            throw new IllegalArgumentException("a new order needs at least one item");
        }
        String id = String.format("111-4830211-%07d", 200 + orders.size());
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> sku : skus.entrySet()) {
            SandboxCatalog.Product product = SandboxCatalog.bySku(sku.getKey()).orElseThrow(() ->
                    new IllegalArgumentException("no sandbox product " + sku.getKey() + "; the catalog has "
                            + SandboxCatalog.PRODUCTS.stream().map(SandboxCatalog.Product::sku).toList()));
            int shipped = status.equals("Shipped") ? sku.getValue() : 0;
            lines.add(new Line(product, sku.getValue(), shipped,
                    String.format("2%013d", 200L * 100 + orders.size() * 10L + lines.size())));
        }
        String currency = switch (marketplaceId) {
            case SpApiSimulator.MARKETPLACE_DE -> "EUR";
            case SpApiSimulator.MARKETPLACE_UK -> "GBP";
            default -> "USD";
        };
        Map<String, Object> shipTo = switch (marketplaceId) {
            case SpApiSimulator.MARKETPLACE_DE -> address("Berlin", "Berlin", "10115", "DE");
            case SpApiSimulator.MARKETPLACE_UK -> address("London", "Greater London", "EC1A 1BB", "GB");
            default -> address("Seattle", "WA", "98109-5210", "US");
        };
        Instant when = at.truncatedTo(ChronoUnit.SECONDS);
        orders.put(id, new Order(id, marketplaceId, currency, "MFN", when, when, status, false, shipTo, lines));
        return render(orders.get(id));
    }

    /** Changes an order's status as of {@code at} (its LastUpdateDate), as a buyer or the seller would. */
    synchronized void change(String orderId, String status, Instant at) {
        Order order = orders.get(orderId);
        if (order == null) {
            throw new IllegalArgumentException("no sandbox order " + orderId);
        }
        order.status = status;
        order.lastUpdated = at.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The shipped order lines as (order id, sku, quantity, price, currency, marketplace) for settlement data. */
    synchronized List<Map<String, String>> shippedLines() {
        List<Map<String, String>> lines = new ArrayList<>();
        for (Order order : orders.values()) {
            for (Line line : order.lines) {
                if (line.shipped() > 0) {
                    lines.add(Map.of("orderId", order.id, "sku", line.product().sku(),
                            "quantity", String.valueOf(line.shipped()), "itemId", line.itemId(),
                            "amount", money(line.product().price(), line.shipped()), "currency", order.currency,
                            "channel", order.channel, "marketplaceId", order.marketplaceId));
                }
            }
        }
        return lines;
    }

    /** GET /orders/v0/orders */
    synchronized Map<String, Object> search(Map<String, List<String>> query, Instant now) {
        List<String> marketplaces = csv(query, "MarketplaceIds");
        if (marketplaces.isEmpty()) {
            throw new InvalidInput("MarketplaceIds", "MarketplaceIds is required.");
        }
        Optional<String> nextToken = first(query, "NextToken");
        Chain chain;
        if (nextToken.isPresent()) {
            chain = chains.remove(nextToken.get());
            if (chain == null) {
                throw new InvalidInput("NextToken", "Invalid NextToken: " + nextToken.get());
            }
        } else {
            chain = newChain(query, marketplaces, now);
        }
        List<String> ids = chain.orderIds();
        int pageSize = Math.min(PAGE_SIZE, first(query, "MaxResultsPerPage").map(Integer::parseInt).orElse(100));
        int end = Math.min(ids.size(), chain.offset() + pageSize);
        List<Object> page = new ArrayList<>();
        for (String id : ids.subList(chain.offset(), end)) {
            page.add(render(orders.get(id)));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("Orders", page);
        if (end < ids.size()) {
            String token = UUID.randomUUID().toString().replace("-", "");
            chains.put(token, new Chain(ids, end, chain.boundName(), chain.boundValue()));
            payload.put("NextToken", token);
        }
        payload.put(chain.boundName(), chain.boundValue());
        return Map.of("payload", payload);
    }

    private Chain newChain(Map<String, List<String>> query, List<String> marketplaces, Instant now) {
        Optional<Instant> createdAfter = instant(query, "CreatedAfter");
        Optional<Instant> updatedAfter = instant(query, "LastUpdatedAfter");
        Optional<Instant> createdBefore = instant(query, "CreatedBefore");
        Optional<Instant> updatedBefore = instant(query, "LastUpdatedBefore");
        if (createdAfter.isEmpty() && updatedAfter.isEmpty()) {
            throw new InvalidInput("CreatedAfter", "Either CreatedAfter or LastUpdatedAfter must be specified.");
        }
        if (createdAfter.isPresent() && (updatedAfter.isPresent() || updatedBefore.isPresent())) {
            throw new InvalidInput("LastUpdatedAfter",
                    "CreatedAfter and LastUpdatedAfter/LastUpdatedBefore cannot both be specified.");
        }
        if (updatedAfter.isPresent() && createdBefore.isPresent()) {
            throw new InvalidInput("CreatedBefore", "LastUpdatedAfter and CreatedBefore cannot both be specified.");
        }
        boolean byCreation = createdAfter.isPresent();
        String afterName = byCreation ? "CreatedAfter" : "LastUpdatedAfter";
        String beforeName = byCreation ? "CreatedBefore" : "LastUpdatedBefore";
        Instant after = byCreation ? createdAfter.get() : updatedAfter.get();
        Instant latest = now.minus(SETTLING_TIME);
        Instant before = (byCreation ? createdBefore : updatedBefore).orElse(latest);
        if (before.isAfter(latest)) {
            throw new InvalidInput(beforeName, beforeName + " must be at least 2 minutes before the current time.");
        }
        if (after.isAfter(before)) {
            throw new InvalidInput(afterName, afterName + " must be before " + beforeName
                    + " (which is at most 2 minutes before the current time).");
        }
        List<String> statuses = csv(query, "OrderStatuses");
        List<String> channels = csv(query, "FulfillmentChannels");
        Function<Order, Instant> when = byCreation ? order -> order.purchased : order -> order.lastUpdated;
        List<String> ids = orders.values().stream()
                .filter(order -> marketplaces.contains(order.marketplaceId))
                .filter(order -> !when.apply(order).isBefore(after) && when.apply(order).isBefore(before))
                .filter(order -> statuses.isEmpty() || statuses.contains(order.status))
                .filter(order -> channels.isEmpty() || channels.contains(order.channel))
                .sorted(Comparator.comparing(when).thenComparing(order -> order.id))
                .map(order -> order.id)
                .toList();
        return new Chain(ids, 0, beforeName, before.toString());
    }

    /** GET /orders/v0/orders/{orderId} */
    synchronized Map<String, Object> get(String orderId) {
        return Map.of("payload", render(find(orderId)));
    }

    /** GET /orders/v0/orders/{orderId}/orderItems */
    synchronized Map<String, Object> items(String orderId, Optional<String> nextToken) {
        Order order = find(orderId);
        int offset = 0;
        if (nextToken.isPresent()) {
            Integer stored = itemPages.remove(nextToken.get());
            if (stored == null) {
                throw new InvalidInput("NextToken", "Invalid NextToken: " + nextToken.get());
            }
            offset = stored;
        }
        int end = Math.min(order.lines.size(), offset + ITEMS_PAGE_SIZE);
        List<Object> page = new ArrayList<>();
        for (Line line : order.lines.subList(offset, end)) {
            page.add(renderItem(order, line));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("AmazonOrderId", order.id);
        payload.put("OrderItems", page);
        if (end < order.lines.size()) {
            String token = UUID.randomUUID().toString().replace("-", "");
            itemPages.put(token, end);
            payload.put("NextToken", token);
        }
        return Map.of("payload", payload);
    }

    private Order find(String orderId) {
        Order order = orders.get(orderId);
        if (order == null) {
            throw new NotFound("Order " + orderId + " was not found.");
        }
        return order;
    }

    private static Map<String, Object> render(Order order) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("AmazonOrderId", order.id);
        json.put("PurchaseDate", order.purchased.toString());
        json.put("LastUpdateDate", order.lastUpdated.toString());
        json.put("OrderStatus", order.status);
        json.put("FulfillmentChannel", order.channel);
        json.put("SalesChannel", salesChannel(order.marketplaceId));
        json.put("ShipServiceLevel", "Std Domestic");
        if (!order.status.equals("Pending")) {
            BigDecimal total = order.lines.stream()
                    .map(line -> new BigDecimal(money(line.product().price(), line.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            json.put("OrderTotal", Map.of("CurrencyCode", order.currency, "Amount", total.toPlainString()));
        }
        json.put("NumberOfItemsShipped", (long) order.lines.stream().mapToInt(Line::shipped).sum());
        json.put("NumberOfItemsUnshipped", (long) order.lines.stream()
                .mapToInt(line -> order.status.equals("Canceled") ? 0 : line.quantity() - line.shipped()).sum());
        json.put("PaymentMethod", "Other");
        json.put("PaymentMethodDetails", List.of("Standard"));
        json.put("MarketplaceId", order.marketplaceId);
        json.put("ShipmentServiceLevelCategory", "Standard");
        json.put("OrderType", "StandardOrder");
        json.put("EarliestShipDate", order.purchased.plus(Duration.ofDays(1)).toString());
        json.put("LatestShipDate", order.purchased.plus(Duration.ofDays(3)).toString());
        json.put("IsBusinessOrder", false);
        json.put("IsPrime", order.prime);
        json.put("IsPremiumOrder", false);
        json.put("IsGlobalExpressEnabled", false);
        json.put("IsReplacementOrder", false);
        json.put("IsSoldByAB", false);
        json.put("IsISPU", false);
        if (Set.of("Unshipped", "PartiallyShipped", "Shipped", "InvoiceUnconfirmed").contains(order.status)) {
            // name, address lines and phone need a Restricted Data Token; without one they are left out
            json.put("ShippingAddress", order.shipTo);
        }
        return json;
    }

    private static Map<String, Object> renderItem(Order order, Line line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ASIN", line.product().asin());
        json.put("SellerSKU", line.product().sku());
        json.put("OrderItemId", line.itemId());
        json.put("Title", line.product().title());
        json.put("QuantityOrdered", (long) line.quantity());
        json.put("QuantityShipped", (long) line.shipped());
        json.put("ProductInfo", Map.of("NumberOfItems", "1"));
        if (!order.status.equals("Pending")) {
            json.put("ItemPrice", Map.of("CurrencyCode", order.currency,
                    "Amount", money(line.product().price(), line.quantity())));
            json.put("ItemTax", Map.of("CurrencyCode", order.currency, "Amount", "0.00"));
            json.put("ShippingPrice", Map.of("CurrencyCode", order.currency, "Amount", "0.00"));
            json.put("PromotionDiscount", Map.of("CurrencyCode", order.currency, "Amount", "0.00"));
            json.put("IsGift", "false");
        }
        json.put("ConditionId", "New");
        json.put("ConditionSubtypeId", "New");
        json.put("IsTransparency", false);
        json.put("SerialNumberRequired", false);
        return json;
    }

    private static String salesChannel(String marketplaceId) {
        return switch (marketplaceId) {
            case SpApiSimulator.MARKETPLACE_DE -> "Amazon.de";
            case SpApiSimulator.MARKETPLACE_UK -> "Amazon.co.uk";
            default -> "Amazon.com";
        };
    }

    static String money(String unitPrice, int quantity) {
        return new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity)).setScale(2).toPlainString();
    }

    static List<String> csv(Map<String, List<String>> query, String name) {
        return first(query, name).map(value -> Arrays.stream(value.split(","))
                .map(String::trim).filter(part -> !part.isEmpty()).toList()).orElse(List.of());
    }

    static Optional<String> first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.getFirst().isBlank() ? Optional.empty()
                : Optional.of(values.getFirst());
    }

    static Optional<Instant> instant(Map<String, List<String>> query, String name) {
        try {
            return first(query, name).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "Invalid " + name + ": expected an ISO 8601 date-time.");
        }
    }
}
