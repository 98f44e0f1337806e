package dev.junction.engine.mapping.bench;

import dev.junction.engine.json.PayloadJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SP-API-like orders with 5 items each, as the engine reads JSON (maps, lists, strings, numbers): different
 * ids, names, amounts and addresses in turn, so that no branch is always taken.
 * <p>
 * {@link #orders} gives them as the engine gets them from a connector: each order written as JSON and parsed by
 * {@link PayloadJson}, so every value is its own object, as it is in the {@code JsonNode}s JSLT is given (parsed
 * from the same text). {@link #order} builds one from Java literals, whose repeated values (names, lines, cities,
 * currency codes) are shared instances — smaller in memory than what a run holds, so not what benchmarks measure.
 */
public final class OrderSamples {

    private static final String[] NAMES = {"Jane Q. Public", "Dr Maximilian Alexander von Humboldt-Bergstrasse",
            "Ann Lee", "Siobhán Ní Bhriain", "Bob"};
    private static final String[] LINES = {"  10 Downing Street ", "Flat 3, 221B Baker Street, Marylebone, London",
            "1 High St", "Unit 7 The Long Industrial Estate Road Number Forty Two", "5 Elm Row"};
    private static final String[] COUNTRIES = {"GB", "IE", "DE", "FR", "GB"};
    private static final String[] CURRENCIES = {"GBP", "EUR", "EUR", "EUR", "GBP"};

    private OrderSamples() {
    }

    /** {@code count} orders, each parsed from its JSON (see above). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> orders(int count) {
        List<Map<String, Object>> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add((Map<String, Object>) PayloadJson.read(PayloadJson.write(order(i))));
        }
        return orders;
    }

    public static Map<String, Object> order(int i) {
        int k = i % NAMES.length;
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("AmazonOrderId", String.format("205-%07d-%07d", i % 10_000_000, (i * 7919L) % 10_000_000));
        order.put("PurchaseDate", "2026-11-2" + (i % 9) + "T10:1" + (i % 10) + ":00Z");
        order.put("OrderStatus", "Unshipped");
        order.put("OrderTotal", Map.of("CurrencyCode", CURRENCIES[k], "Amount", (100 + i % 900) + "." + (i % 100 < 10 ? "0" : "") + (i % 100)));
        order.put("MarketplaceId", "A1F83G8C2ARO7P");
        order.put("BuyerInfo", Map.of("BuyerEmail", "buyer" + i + "@marketplace.amazon.co.uk", "BuyerName", NAMES[k]));
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("Name", NAMES[k]);
        address.put("AddressLine1", LINES[k]);
        address.put("AddressLine2", i % 2 == 0 ? "Floor " + (i % 5) : null);
        address.put("City", "London");
        address.put("PostalCode", i % 3 == 0 ? "sw1a2aa" : "EC1A 1BB");
        address.put("CountryCode", COUNTRIES[k]);
        order.put("ShippingAddress", address);
        List<Object> items = new ArrayList<>();
        for (int line = 0; line < 5; line++) {
            items.add(Map.of("OrderItemId", "OI-" + i + "-" + line, "SellerSKU", "SKU-" + (i + line) % 250,
                    "QuantityOrdered", 1L + (i + line) % 3,
                    "ItemPrice", Map.of("CurrencyCode", CURRENCIES[k], "Amount", (10 + line) + ".99")));
        }
        order.put("OrderItems", items);
        return order;
    }
}
