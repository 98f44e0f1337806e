package dev.junction.connectors.opayo.sandbox;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The field rules of {@code POST /transactions} (api-contracts §2.5) as Opayo applies them: the simulator answers
 * what it finds as a 422 list of errors. Written from the contract, apart from the connector's own input schema and
 * checks (it imports none of them), so that the simulator catches a request the connector should have refused.
 */
public final class TransactionContract {

    /** One thing wrong with a request, named by its dotted property path ({@code billingAddress.city}). */
    public record Problem(String property, String message) {

        @Override
        public String toString() {
            return property + ": " + message;
        }
    }

    public static final Set<String> TRANSACTION_TYPES =
            Set.of("Payment", "Deferred", "Authenticate", "Repeat", "Refund", "Authorise");
    /** Types that take a card, the customer's name and a billing address. */
    public static final Set<String> CARD_TYPES = Set.of("Payment", "Deferred", "Authenticate");
    /** Types that refer to an earlier transaction. */
    public static final Set<String> REFERENCE_TYPES = Set.of("Repeat", "Refund", "Authorise");
    private static final Set<String> ENTRY_METHODS = Set.of("Ecommerce", "MailOrder", "TelephoneOrder");
    private static final Set<String> CHECK_SETTINGS = Set.of("UseMSPSetting", "Force", "Disable", "ForceIgnoringRules");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** api-contracts §2.5: vendorTxCode is at most 40 characters. */
    static final int VENDOR_TX_CODE_MAX_LENGTH = 40;
    // UNCONFIRMED (api-contracts §2.5): Pi keeps the legacy gateway's characters for vendorTxCode — letters, digits,
    // '-', '.', '_', '{' and '}' — and refuses any other.
    private static final Pattern VENDOR_TX_CODE = Pattern.compile("[A-Za-z0-9._{}-]+");

    private final List<Problem> problems = new ArrayList<>();

    private TransactionContract() {
    }

    /** Every problem of a transaction request; empty when Opayo's documented limits are met. */
    public static List<Problem> check(Map<String, Object> request) {
        TransactionContract rules = new TransactionContract();
        rules.checkRequest(request);
        return List.copyOf(rules.problems);
    }

    private void checkRequest(Map<String, Object> request) {
        Object type = request.get("transactionType");
        if (!(type instanceof String transactionType) || !TRANSACTION_TYPES.contains(transactionType)) {
            problem("transactionType", "must be one of " + String.join(", ", TRANSACTION_TYPES.stream().sorted().toList())
                    + (type == null ? "" : " (was '" + type + "')"));
            return;
        }
        Object vendorTxCode = request.get("vendorTxCode");
        if (!(vendorTxCode instanceof String code) || code.isEmpty()) {
            problem("vendorTxCode", "is required");
        } else if (code.length() > VENDOR_TX_CODE_MAX_LENGTH) {
            problem("vendorTxCode", "is " + code.length() + " characters long; Opayo allows at most "
                    + VENDOR_TX_CODE_MAX_LENGTH);
        } else if (!VENDOR_TX_CODE.matcher(code).matches()) {
            problem("vendorTxCode", "may contain only letters, digits and - . _ { }");
        }
        checkAmount(request.get("amount"));
        text(request, "", "description", true, 100);
        boolean card = CARD_TYPES.contains(transactionType);
        if (!transactionType.equals("Refund") && !transactionType.equals("Authorise")) {
            currency(request.get("currency"));
        } else if (request.get("currency") != null) {
            currency(request.get("currency"));
        }
        if (card) {
            text(request, "", "customerFirstName", true, 20);
            text(request, "", "customerLastName", true, 20);
            billingAddress(request.get("billingAddress"));
            paymentCard(request.get("paymentMethod"));
            oneOf(request, "entryMethod", ENTRY_METHODS);
            oneOf(request, "apply3DSecure", CHECK_SETTINGS);
            oneOf(request, "applyAvsCvcCheck", CHECK_SETTINGS);
        }
        if (REFERENCE_TYPES.contains(transactionType)) {
            text(request, "", "referenceTransactionId", true, 64);
        }
        text(request, "", "customerEmail", false, 80);
        text(request, "", "customerPhone", false, 19);
        text(request, "", "settlementReferenceText", false, 30);
        Object cv2 = request.get("cv2");
        if (cv2 != null) {
            if (!transactionType.equals("Authorise")) {
                problem("cv2", "applies to Authorise transactions only");
            } else if (!(cv2 instanceof String digits) || !digits.matches("[0-9]{3,4}")) {
                problem("cv2", "must be 3 or 4 digits");
            }
        }
    }

    private void checkAmount(Object amount) {
        if (amount == null) {
            problem("amount", "is required (a whole number of minor units, 100 = 1.00)");
        } else if (!(amount instanceof Long || amount instanceof Integer)) {
            problem("amount", "must be a whole number of minor units (100 = 1.00), not " + describe(amount));
        } else if (((Number) amount).longValue() <= 0) {
            problem("amount", "must be greater than 0 (was " + amount + ")");
        }
    }

    private void currency(Object currency) {
        if (!(currency instanceof String code) || code.isEmpty()) {
            problem("currency", "is required (ISO 4217, e.g. GBP)");
            return;
        }
        boolean known;
        try {
            known = code.matches("[A-Z]{3}") && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException unknown) {
            known = false;
        }
        if (!known) {
            problem("currency", "'" + code + "' is not an ISO 4217 currency code");
        }
    }

    private void billingAddress(Object value) {
        if (!(value instanceof Map<?, ?> address)) {
            problem("billingAddress", "is required (address1, city, postalCode, country)");
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) address;
        text(fields, "billingAddress.", "address1", true, 50);
        text(fields, "billingAddress.", "address2", false, 50);
        text(fields, "billingAddress.", "address3", false, 50);
        text(fields, "billingAddress.", "city", true, 40);
        Object country = fields.get("country");
        boolean countryKnown = country instanceof String code && COUNTRIES.contains(code);
        if (!countryKnown) {
            problem("billingAddress.country", country == null ? "is required (ISO 3166 alpha-2, e.g. GB)"
                    : "'" + country + "' is not an ISO 3166 alpha-2 country code");
        }
        text(fields, "billingAddress.", "postalCode", !"IE".equals(country), 10);
        if ("US".equals(country)) {
            Object state = fields.get("state");
            if (!(state instanceof String code) || !code.matches("[A-Z]{2}")) {
                problem("billingAddress.state", "is required for US addresses (2 letters)");
            }
        }
    }

    private void paymentCard(Object value) {
        Object card = value instanceof Map<?, ?> method ? method.get("card") : null;
        if (!(card instanceof Map<?, ?> fields)) {
            problem("paymentMethod.card", "is required ({merchantSessionKey, cardIdentifier})");
            return;
        }
        if (!(fields.get("cardIdentifier") instanceof String id) || id.isEmpty()) {
            problem("paymentMethod.card.cardIdentifier", "is required");
        }
        boolean reusable = Boolean.TRUE.equals(fields.get("reusable"));
        if (!reusable && (!(fields.get("merchantSessionKey") instanceof String key) || key.isEmpty())) {
            problem("paymentMethod.card.merchantSessionKey", "is required unless the card is reusable");
        }
    }

    private void text(Map<String, Object> fields, String prefix, String name, boolean required, int maxLength) {
        Object value = fields.get(name);
        if (value == null || (value instanceof String text && text.isEmpty())) {
            if (required) {
                problem(prefix + name, "is required");
            }
        } else if (!(value instanceof String text)) {
            problem(prefix + name, "must be text, not " + describe(value));
        } else if (text.length() > maxLength) {
            problem(prefix + name, "is " + text.length() + " characters long; Opayo allows at most " + maxLength);
        }
    }

    private void oneOf(Map<String, Object> fields, String name, Set<String> allowed) {
        Object value = fields.get(name);
        if (value != null && !allowed.contains(value)) {
            problem(name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
    }

    private static String describe(Object value) {
        return value instanceof String ? "text" : value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private void problem(String property, String message) {
        problems.add(new Problem(property, message));
    }
}
