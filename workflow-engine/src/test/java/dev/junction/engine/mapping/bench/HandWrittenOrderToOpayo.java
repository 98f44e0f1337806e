package dev.junction.engine.mapping.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a developer would write by hand for the shipped mapping {@code amazon-order-to-opayo-payment.json}: the same
 * fields, minor units by the currency's exponent, names and lines trimmed and cut to Opayo's limits, the country
 * checked against ISO 3166 — but no lineage, no warnings and no check of the output against the target schema.
 */
public final class HandWrittenOrderToOpayo {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private HandWrittenOrderToOpayo() {
    }

    public static Map<String, Object> map(Map<String, Object> order) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("transactionType", "Payment");
        String id = (String) order.get("AmazonOrderId");
        out.put("vendorTxCode", id);
        Map<?, ?> total = (Map<?, ?>) order.get("OrderTotal");
        String currency = ((String) total.get("CurrencyCode")).toUpperCase(Locale.ROOT);
        int exponent = Currency.getInstance(currency).getDefaultFractionDigits();
        out.put("amount", new BigDecimal(((String) total.get("Amount")).replace(',', '.')).movePointRight(exponent)
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        out.put("currency", currency);
        out.put("description", "Amazon order " + id);
        Map<?, ?> buyer = (Map<?, ?>) order.get("BuyerInfo");
        String[] names = ((String) buyer.get("BuyerName")).strip().split("\\s+");
        out.put("customerFirstName", cut(names[0], 20));
        out.put("customerLastName", cut(names[names.length - 1], 20));
        out.put("customerEmail", buyer.get("BuyerEmail"));
        Map<?, ?> shipping = (Map<?, ?>) order.get("ShippingAddress");
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("address1", cut(((String) shipping.get("AddressLine1")).strip(), 50));
        if (shipping.get("AddressLine2") instanceof String line2) {
            address.put("address2", cut(line2.strip(), 50));
        }
        address.put("city", cut((String) shipping.get("City"), 40));
        address.put("postalCode", ((String) shipping.get("PostalCode")).strip().toUpperCase(Locale.ROOT));
        String country = ((String) shipping.get("CountryCode")).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw new IllegalArgumentException("unknown country " + country);
        }
        address.put("country", country);
        out.put("billingAddress", address);
        out.put("entryMethod", "Ecommerce");
        return out;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
