package dev.junction.connectors.opayo;

import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.connectors.OperationDescriptor.Kind;
import dev.junction.engine.connectors.SettingField;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the catalog shows of the Opayo Pi connector: its connection form and its operations with their schemas. */
final class OpayoDescriptor {

    static final String ID = "opayo-pi";
    static final String CREATE_MERCHANT_SESSION_KEY = "createMerchantSessionKey";
    static final String CREATE_CARD_IDENTIFIER = "createCardIdentifier";
    static final String CREATE_TRANSACTION = "createTransaction";
    static final String GET_TRANSACTION = "getTransaction";
    static final String CREATE_INSTRUCTION = "createInstruction";
    static final String POLL_TRANSACTIONS = "pollTransactions";
    static final String POLL_BATCHES = "pollBatches";

    private OpayoDescriptor() {
    }

    static ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(ID, "Opayo Pi", "1.0.0", "vaadin:credit-card",
                "Card payments with Opayo (Elavon) Pi: merchant session keys, transactions, deferred releases, "
                        + "refunds, voids.",
                ConnectorDescriptor.AuthKind.BASIC, settings(), operations());
    }

    private static List<SettingField> settings() {
        return List.of(
                SettingField.choice(OpayoSettings.ENVIRONMENT, "Environment",
                        "test: " + OpayoSettings.TEST_BASE_URL + ", live: " + OpayoSettings.LIVE_BASE_URL,
                        OpayoSettings.TEST, List.of(OpayoSettings.TEST, OpayoSettings.LIVE)),
                new SettingField(OpayoSettings.BASE_URL, "Base URL",
                        "Overrides the environment's Pi URL (ends in /api/v1), e.g. for the sandbox simulator",
                        SettingField.Type.URL, false, false, null, List.of()),
                SettingField.text(OpayoSettings.VENDOR_NAME, "Vendor name", "Your Opayo vendor name", true, null),
                SettingField.secret(OpayoSettings.INTEGRATION_KEY, "Integration key",
                        "From MyOpayo; keys are per environment", true),
                SettingField.secret(OpayoSettings.INTEGRATION_PASSWORD, "Integration password",
                        "From MyOpayo, generated with the integration key", true),
                SettingField.secret(OpayoSettings.SECURITY_KEY, "Server notification security key",
                        "Verifies the signature of Opayo Server notifications (optional)", false),
                new SettingField(OpayoSettings.REPORTING_URL, "Reporting API URL",
                        "Overrides the environment's Reporting API URL", SettingField.Type.URL, false, false, null,
                        List.of()),
                SettingField.text(OpayoSettings.REPORTING_USER, "Reporting user",
                        "A MyOpayo user allowed to use the Reporting API: lets a retry look up a payment whose "
                                + "answer was lost, and the reconciliation polls need it (optional)", false, null),
                SettingField.secret(OpayoSettings.REPORTING_PASSWORD, "Reporting password",
                        "The reporting user's password (optional; the reconciliation polls need it)", false),
                new SettingField(OpayoSettings.REPORTING_LOOKBACK_HOURS, "Reconciliation lookback (hours)",
                        "How far back the first pollTransactions / pollBatches looks (1 to 2160)",
                        SettingField.Type.NUMBER, false, false,
                        String.valueOf(OpayoSettings.DEFAULT_REPORTING_LOOKBACK_HOURS), List.of()));
    }

    // UNCONFIRMED (api-contracts §2): Opayo documents no request quota for Pi, so no operation declares a rate limit.
    private static List<OperationDescriptor> operations() {
        return List.of(
                new OperationDescriptor(CREATE_MERCHANT_SESSION_KEY, "Create merchant session key",
                        "A key (valid 400 s) the browser uses to turn card details into a card identifier",
                        Kind.ACTION, object(Map.of(), List.of()),
                        object(Map.of("merchantSessionKey", string(), "expiry", string()), List.of()), null, null),
                new OperationDescriptor(CREATE_CARD_IDENTIFIER, "Create card identifier",
                        "Turns card details into a single-use card identifier (normally done in the browser; for "
                                + "the sandbox and telephone orders)", Kind.ACTION,
                        object(Map.of("merchantSessionKey", string(), "cardholderName", maxLength(45),
                                "cardNumber", pattern("^[0-9]{12,19}$"), "expiryDate", pattern("^[0-9]{4}$"),
                                "securityCode", pattern("^[0-9]{3,4}$")),
                                List.of("cardholderName", "cardNumber", "expiryDate")),
                        object(Map.of("cardIdentifier", string(), "expiry", string(), "cardType", string(),
                                "merchantSessionKey", string()), List.of()), null, null),
                new OperationDescriptor(CREATE_TRANSACTION, "Create transaction",
                        "Payment, Deferred, Authenticate, Repeat, Refund or Authorise; amounts in minor units. A "
                                + "retry never charges twice: vendorTxCode is unique and a lost answer is looked up",
                        Kind.ACTION, transactionInput(), transactionOutput(), null, "vendorTxCode"),
                new OperationDescriptor(GET_TRANSACTION, "Get transaction", "A transaction by its id",
                        Kind.ACTION, object(Map.of("transactionId", string()), List.of("transactionId")),
                        transactionOutput(), null, null),
                new OperationDescriptor(CREATE_INSTRUCTION, "Instruct on a transaction",
                        "release (a deferred payment, at most its amount, once), abort (a deferred payment not "
                                + "released), void (a payment, refund or repeat on the day it was taken), cancel "
                                + "(an authentication)", Kind.ACTION,
                        object(Map.of("transactionId", string(),
                                "instructionType", Map.of("type", "string", "enum",
                                        List.of("release", "abort", "void", "cancel")),
                                "amount", Map.of("type", "integer", "minimum", 1)),
                                List.of("transactionId", "instructionType")),
                        object(Map.of("instructionType", string(), "date", string()), List.of()), null, null),
                new OperationDescriptor(POLL_TRANSACTIONS, "Transactions for reconciliation",
                        "Transactions Opayo recorded since the last poll (Reporting API getTransactionList), one "
                                + "record per transaction id; at most one day per poll, so an outage catches up "
                                + "over several polls", Kind.POLL, pollInput(),
                        pollOutput("the transaction id (VPSTxId)", transactionRow()), null, null),
                new OperationDescriptor(POLL_BATCHES, "Settlement batches",
                        "Settlement batches closed since the last poll (Reporting API getBatchList), one record "
                                + "per batch id with totals per currency and card type", Kind.POLL, pollInput(),
                        pollOutput("the batch id", batchRow()), null, null));
    }

    private static Map<String, Object> pollInput() {
        return object(Map.of("cursor", Map.of("type", "string", "description", "null on the first poll")),
                List.of());
    }

    private static Map<String, Object> pollOutput(String key, Map<String, Object> data) {
        return object(Map.of("records", Map.of("type", "array", "items",
                        object(Map.of("key", Map.of("type", "string", "description", key), "data", data),
                                List.of("key", "data"))),
                "cursor", Map.of("type", "string", "description", "where the next poll goes on")),
                List.of("records", "cursor"));
    }

    private static Map<String, Object> transactionRow() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("transactionId", string());
        properties.put("vendorTxCode", string());
        properties.put("transactionType", string());
        properties.put("status", string());
        properties.put("amount", Map.of("type", "integer", "description", "minor units"));
        properties.put("currency", string());
        properties.put("started", Map.of("type", "string", "format", "date-time"));
        properties.put("batchId", Map.of("type", "string", "description", "once settled"));
        properties.put("cardType", string());
        return object(properties, List.of("transactionId", "started"));
    }

    private static Map<String, Object> batchRow() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("batchId", string());
        properties.put("batchDate", Map.of("type", "string", "format", "date-time"));
        properties.put("transactionCount", integer());
        properties.put("totals", Map.of("type", "array", "items", object(Map.of("currency", string(),
                "cardType", string(), "count", integer(),
                "amount", Map.of("type", "integer", "description", "net minor units (refunds subtracted)")),
                List.of())));
        return object(properties, List.of("batchId", "batchDate"));
    }

    private static Map<String, Object> transactionInput() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("transactionType", Map.of("type", "string", "enum",
                List.of("Payment", "Deferred", "Authenticate", "Repeat", "Refund", "Authorise")));
        properties.put("vendorTxCode", Map.of("type", "string", "maxLength", 40, "pattern", "^[A-Za-z0-9._{}-]*$"));
        properties.put("amount", Map.of("type", "integer", "minimum", 1, "description", "minor units (100 = 1.00)"));
        properties.put("currency", pattern("^[A-Z]{3}$"));
        properties.put("description", maxLength(100));
        properties.put("customerFirstName", maxLength(20));
        properties.put("customerLastName", maxLength(20));
        properties.put("customerEmail", maxLength(80));
        properties.put("customerPhone", maxLength(19));
        properties.put("billingAddress", object(Map.of("address1", maxLength(50), "address2", maxLength(50),
                "city", maxLength(40), "postalCode", maxLength(10), "country", pattern("^[A-Z]{2}$"),
                "state", pattern("^[A-Z]{2}$")), List.of("address1", "city", "country")));
        properties.put("paymentMethod", object(Map.of("card", object(Map.of("merchantSessionKey", string(),
                "cardIdentifier", string(), "save", Map.of("type", "boolean"),
                "reusable", Map.of("type", "boolean")), List.of("cardIdentifier"))), List.of()));
        properties.put("referenceTransactionId", string());
        properties.put("entryMethod", Map.of("type", "string", "enum",
                List.of("Ecommerce", "MailOrder", "TelephoneOrder")));
        properties.put("apply3DSecure", string());
        properties.put("applyAvsCvcCheck", string());
        properties.put("settlementReferenceText", maxLength(30));
        properties.put("cv2", pattern("^[0-9]{3,4}$"));
        properties.put("strongCustomerAuthentication", Map.of("type", "object"));
        properties.put("credentialType", Map.of("type", "object"));
        properties.put("shippingDetails", Map.of("type", "object"));
        return object(properties, List.of("transactionType", "amount", "description"));
    }

    private static Map<String, Object> transactionOutput() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("transactionId", string());
        properties.put("transactionType", string());
        properties.put("status", string());
        properties.put("statusCode", string());
        properties.put("statusDetail", string());
        properties.put("retrievalReference", Map.of());
        properties.put("bankResponseCode", string());
        properties.put("bankAuthorisationCode", string());
        properties.put("amount", object(Map.of("totalAmount", integer(), "saleAmount", integer(),
                "surchargeAmount", integer()), List.of()));
        properties.put("currency", string());
        properties.put("paymentMethod", Map.of("type", "object"));
        properties.put("3DSecure", Map.of("type", "object"));
        properties.put("acsUrl", string());
        properties.put("cReq", string());
        return object(properties, List.of("transactionId", "status"));
    }

    private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        return Map.of("type", "object", "properties", properties, "required", required);
    }

    private static Map<String, Object> string() {
        return Map.of("type", "string");
    }

    private static Map<String, Object> integer() {
        return Map.of("type", "integer");
    }

    private static Map<String, Object> maxLength(int length) {
        return Map.of("type", "string", "maxLength", length);
    }

    private static Map<String, Object> pattern(String pattern) {
        return Map.of("type", "string", "pattern", pattern);
    }
}
