package dev.junction.connectors.opayo;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules of {@code POST /transactions} (api-contracts §2.5) that the input schema cannot say, because they depend
 * on the transaction type or on a list the schema does not carry; the central check has held the input to the schema
 * (types, required fields, lengths, patterns, enums) before these run. {@link #SUMMARY} names them in the schema.
 */
final class TransactionRules {

    static final List<String> TRANSACTION_TYPES =
            List.of("Payment", "Deferred", "Authenticate", "Repeat", "Refund", "Authorise");
    static final List<String> CHECK_SETTINGS = List.of("UseMSPSetting", "Force", "Disable", "ForceIgnoringRules");
    /** Types that take a card, the customer's name and a billing address. */
    private static final Set<String> CARD_TYPES = Set.of("Payment", "Deferred", "Authenticate");
    /** Types that refer to an earlier transaction. */
    private static final Set<String> REFERENCE_TYPES = Set.of("Repeat", "Refund", "Authorise");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    static final String SUMMARY = "Payment, Deferred and Authenticate need customerFirstName, customerLastName, "
            + "billingAddress and paymentMethod.card (with merchantSessionKey unless reusable); Repeat, Refund and "
            + "Authorise need referenceTransactionId; currency is required except for Refund and Authorise and must "
            + "be an ISO 4217 code; billingAddress.country must be an ISO 3166 code, postalCode is required except "
            + "in IE, state for US addresses; cv2 applies to Authorise only";

    private TransactionRules() {
    }

    /** The problems of a transaction request the schema let through, each as {@code input.<path>: <why>}. */
    static List<String> check(Map<String, Object> request) {
        List<String> problems = new ArrayList<>();
        String type = (String) request.get("transactionType");
        boolean card = CARD_TYPES.contains(type);
        if (card) {
            required(request, "customerFirstName", problems);
            required(request, "customerLastName", problems);
            if (!(request.get("billingAddress") instanceof Map<?, ?>)) {
                problems.add("input.billingAddress: is required for a " + type + " (address1, city, postalCode, "
                        + "country)");
            }
            Object method = request.get("paymentMethod");
            if (!(method instanceof Map<?, ?> methods) || !(methods.get("card") instanceof Map<?, ?> cardFields)) {
                problems.add("input.paymentMethod.card: is required for a " + type
                        + " ({merchantSessionKey, cardIdentifier})");
            } else if (!Boolean.TRUE.equals(cardFields.get("reusable"))
                    && !(cardFields.get("merchantSessionKey") instanceof String key && !key.isBlank())) {
                problems.add("input.paymentMethod.card.merchantSessionKey: is required unless the card is reusable");
            }
        }
        if (REFERENCE_TYPES.contains(type)) {
            required(request, "referenceTransactionId", problems);
        }
        Object currency = request.get("currency");
        if (currency == null && !"Refund".equals(type) && !"Authorise".equals(type)) {
            problems.add("input.currency: is required for a " + type + " (ISO 4217, e.g. GBP)");
        } else if (currency instanceof String code && !knownCurrency(code)) {
            problems.add("input.currency: '" + code + "' is not an ISO 4217 currency code");
        }
        if (request.get("billingAddress") instanceof Map<?, ?> address) {
            Object country = address.get("country");
            if (country instanceof String code && !COUNTRIES.contains(code)) {
                problems.add("input.billingAddress.country: '" + code + "' is not an ISO 3166 alpha-2 country code");
            }
            if (!"IE".equals(country) && !(address.get("postalCode") instanceof String postalCode
                    && !postalCode.isBlank())) {
                problems.add("input.billingAddress.postalCode: is required outside IE");
            }
            if ("US".equals(country) && address.get("state") == null) {
                problems.add("input.billingAddress.state: is required for US addresses (2 letters)");
            }
        }
        if (request.get("cv2") != null && !"Authorise".equals(type)) {
            problems.add("input.cv2: applies to Authorise transactions only");
        }
        return problems;
    }

    private static void required(Map<String, Object> request, String field, List<String> problems) {
        if (!(request.get(field) instanceof String text) || text.isBlank()) {
            problems.add("input." + field + ": is required for a " + request.get("transactionType"));
        }
    }

    private static boolean knownCurrency(String code) {
        try {
            return Currency.getInstance(code) != null;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
