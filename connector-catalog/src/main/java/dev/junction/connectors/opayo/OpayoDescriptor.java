package dev.junction.connectors.opayo;

import dev.junction.connectors.schema.VendorSchemas;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.connectors.SettingField;
import dev.junction.engine.schema.Schemas;

import java.util.List;
import java.util.Map;

import static dev.junction.engine.schema.Schemas.anyObject;
import static dev.junction.engine.schema.Schemas.bool;
import static dev.junction.engine.schema.Schemas.dateTime;
import static dev.junction.engine.schema.Schemas.integer;
import static dev.junction.engine.schema.Schemas.object;
import static dev.junction.engine.schema.Schemas.oneOf;
import static dev.junction.engine.schema.Schemas.pattern;
import static dev.junction.engine.schema.Schemas.string;

/**
 * What the catalog shows of the Opayo Pi connector: its connection form and its operations with their schemas. The
 * input schemas are what the central check holds every call to; the rules a schema cannot say stay in code
 * ({@link TransactionRules}, the instruction's amount) and are named in the schema's {@code x-check}.
 */
final class OpayoDescriptor {

    static final String ID = "opayo-pi";
    static final String CREATE_MERCHANT_SESSION_KEY = "createMerchantSessionKey";
    static final String CREATE_CARD_IDENTIFIER = "createCardIdentifier";
    static final String CREATE_TRANSACTION = "createTransaction";
    static final String GET_TRANSACTION = "getTransaction";
    static final String CREATE_INSTRUCTION = "createInstruction";
    static final String POLL_TRANSACTIONS = "pollTransactions";
    static final String POLL_BATCHES = "pollBatches";
    static final String FIND_TRANSACTION = "findTransactionByVendorTxCode";

    /** The card expiry month and year, as Opayo takes it: MMYY. */
    static final String EXPIRY_DATE = "^(0[1-9]|1[0-2])[0-9]{2}$";
    /** An Opayo transaction id as it may stand in a URL path. */
    static final String TRANSACTION_ID = "^[A-Za-z0-9{}-]{1,64}$";
    /** A sandbox card the simulator authorises. */
    private static final String EXAMPLE_CARD = "4929000000006";
    private static final String EXAMPLE_TRANSACTION = "0E7E5B7A-7E2C-4F8B-9C33-EXAMPLE00001";

    // UNCONFIRMED (api-contracts §2): Opayo documents no request quota for Pi, so no operation declares a rate limit.
    static final OperationDescriptor MERCHANT_SESSION_KEY = OperationDescriptor.action(CREATE_MERCHANT_SESSION_KEY,
                    "Create merchant session key",
                    "A key (valid 400 s) the browser uses to turn card details into a card identifier")
            .input(object().keyword("examples", List.of(Map.of())).build())
            .output(object()
                    .required("merchantSessionKey", string("the key"))
                    .required("expiry", dateTime("when it expires"))
                    .build())
            .build();

    static final OperationDescriptor CARD_IDENTIFIER = OperationDescriptor.action(CREATE_CARD_IDENTIFIER,
                    "Create card identifier", "Turns card details into a single-use card identifier (normally done in"
                            + " the browser; for the sandbox and telephone orders)")
            .input(object()
                    .optional("merchantSessionKey", string("a fresh one is created when empty"))
                    .required("cardholderName", Schemas.with(string("as on the card", 45), "minLength", 1))
                    .required("cardNumber", pattern("12 to 19 digits", "^[0-9]{12,19}$"))
                    .required("expiryDate", pattern("MMYY, e.g. 0429", EXPIRY_DATE))
                    .optional("securityCode", pattern("3 or 4 digits", "^[0-9]{3,4}$"))
                    .closed()
                    .keyword("examples", List.of(Map.of("cardholderName", "Ada Lovelace", "cardNumber", EXAMPLE_CARD,
                            "expiryDate", "1230", "securityCode", "123")))
                    .build())
            .output(object()
                    .optional("cardIdentifier", string("single-use card identifier"))
                    .optional("expiry", string("when it expires"))
                    .optional("cardType", string("Visa, MasterCard, …"))
                    .optional("merchantSessionKey", string("the key it was made under"))
                    .build())
            .build();

    static final OperationDescriptor TRANSACTION = OperationDescriptor.action(CREATE_TRANSACTION,
                    "Create transaction", "Payment, Deferred, Authenticate, Repeat, Refund or Authorise; amounts in "
                            + "minor units. A retry never charges twice: vendorTxCode is unique and a lost answer is "
                            + "looked up")
            .input(transactionInput())
            .output(VendorSchemas.of("opayo/TransactionResponse"))
            .idempotencyKey("vendorTxCode").build();

    static final OperationDescriptor TRANSACTION_BY_ID = OperationDescriptor.action(GET_TRANSACTION,
                    "Get transaction", "A transaction by its id")
            .input(object()
                    .required("transactionId", pattern("an Opayo transaction id (letters, digits, -)",
                            TRANSACTION_ID))
                    .keyword("examples", List.of(Map.of("transactionId", EXAMPLE_TRANSACTION)))
                    .build())
            .output(VendorSchemas.of("opayo/TransactionResponse"))
            .readOnly().build();

    static final OperationDescriptor INSTRUCTION = OperationDescriptor.action(CREATE_INSTRUCTION,
                    "Instruct on a transaction", "release (a deferred payment, at most its amount, once), abort (a "
                            + "deferred payment not released), void (a payment, refund or repeat on the day it was "
                            + "taken), cancel (an authentication)")
            .input(object()
                    .required("transactionId", pattern("an Opayo transaction id (letters, digits, -)",
                            TRANSACTION_ID))
                    .required("instructionType", oneOf("what to do", "release", "abort", "void", "cancel"))
                    .optional("amount", integer("minor units; a release only", 1, Long.MAX_VALUE))
                    .keyword("x-check", "amount: required for a release, refused for the others")
                    .keyword("examples", List.of(
                            Map.of("transactionId", EXAMPLE_TRANSACTION, "instructionType", "release",
                                    "amount", 1250),
                            Map.of("transactionId", EXAMPLE_TRANSACTION, "instructionType", "void")))
                    .build())
            .output(object()
                    .optional("instructionType", string("the instruction"))
                    .optional("date", dateTime("when Opayo took it"))
                    .build())
            .build();

    static final OperationDescriptor TRANSACTION_BY_VENDOR_TX_CODE = OperationDescriptor.action(FIND_TRANSACTION,
                    "Find a transaction by vendorTxCode", "The Pi transaction id Opayo holds under a vendorTxCode "
                            + "(Reporting API getTransactionDetail; the connection needs a reporting user): e.g. "
                            + "the payment of an order whose id was its vendorTxCode, to refund or void it")
            .input(object()
                    .required("vendorTxCode", Schemas.with(Schemas.with(pattern("the vendorTxCode the transaction "
                            + "was taken under", "^[A-Za-z0-9._{}-]+$"), "maxLength", VendorTxCodes.MAX_LENGTH),
                            "minLength", 1))
                    .keyword("examples", List.of(Map.of("vendorTxCode", "JN-EXAMPLE-0001")))
                    .build())
            .output(object()
                    .required("found", bool("whether Opayo holds a transaction under it"))
                    .optional("transactionId", string("its Pi transaction id (VPSTxId without braces)"))
                    .optional("vendorTxCode", string("the vendorTxCode asked for"))
                    .build())
            .readOnly().build();

    static final OperationDescriptor TRANSACTIONS_POLL = OperationDescriptor.poll(POLL_TRANSACTIONS,
                    "Transactions for reconciliation", "Transactions Opayo recorded since the last poll (Reporting "
                            + "API getTransactionList), one record per transaction id; at most one day per poll, so "
                            + "an outage catches up over several polls")
            .input(pollInput())
            .output(pollOutput("the transaction id (VPSTxId)", transactionRow()))
            .build();

    static final OperationDescriptor BATCHES_POLL = OperationDescriptor.poll(POLL_BATCHES, "Settlement batches",
                    "Settlement batches closed since the last poll (Reporting API getBatchList), one record per "
                            + "batch id with totals per currency and card type")
            .input(pollInput())
            .output(pollOutput("the batch id", batchRow()))
            .build();

    private OpayoDescriptor() {
    }

    static ConnectorDescriptor descriptor(List<OperationDescriptor> operations) {
        return new ConnectorDescriptor(ID, "Opayo Pi", "1.0.0", "vaadin:credit-card",
                "Card payments with Opayo (Elavon) Pi: merchant session keys, transactions, deferred releases, "
                        + "refunds, voids.",
                ConnectorDescriptor.AuthKind.BASIC, settings(), operations);
    }

    private static List<SettingField> settings() {
        return List.of(
                SettingField.choice(OpayoSettings.ENVIRONMENT, "Environment",
                        "Test: " + OpayoSettings.TEST_BASE_URL + ", Live: " + OpayoSettings.LIVE_BASE_URL,
                        OpayoSettings.TEST, SettingField.Choice.of(OpayoSettings.TEST, "Test (no real payments)"),
                        SettingField.Choice.of(OpayoSettings.LIVE, "Live (real payments)")),
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

    private static Map<String, Object> pollInput() {
        return object()
                .optional("cursor", string("null on the first poll"))
                .keyword("x-check", "cursor: one this poll wrote")
                .keyword("examples", List.of(Map.of()))
                .build();
    }

    private static Map<String, Object> pollOutput(String key, Map<String, Object> data) {
        return object()
                .required("records", Schemas.array("new records", object()
                        .required("key", string(key))
                        .required("data", data)
                        .build()))
                .required("cursor", string("where the next poll goes on"))
                .build();
    }

    private static Map<String, Object> transactionRow() {
        return object()
                .required("transactionId", string(null))
                .optional("vendorTxCode", string(null))
                .optional("transactionType", string(null))
                .optional("status", string(null))
                .optional("amount", integer("minor units"))
                .optional("currency", string(null))
                .required("started", dateTime(null))
                .optional("batchId", string("once settled"))
                .optional("cardType", string(null))
                .build();
    }

    private static Map<String, Object> batchRow() {
        return object()
                .required("batchId", string(null))
                .required("batchDate", dateTime(null))
                .optional("transactionCount", integer(null))
                .optional("totals", Schemas.array("per currency and card type", object()
                        .optional("currency", string(null))
                        .optional("cardType", string(null))
                        .optional("count", integer(null))
                        .optional("amount", integer("net minor units (refunds subtracted)"))
                        .build()))
                .build();
    }

    private static Map<String, Object> transactionInput() {
        Map<String, Object> country = pattern("ISO 3166 alpha-2, e.g. GB", "^[A-Z]{2}$");
        return object()
                .required("transactionType", oneOf("what the transaction does", TransactionRules.TRANSACTION_TYPES))
                .required("vendorTxCode", Schemas.with(pattern("unique per transaction: letters, digits and "
                        + "- . _ { }; the step's key when empty", "^[A-Za-z0-9._{}-]*$"), "maxLength",
                        VendorTxCodes.MAX_LENGTH))
                .required("amount", integer("minor units (100 = 1.00)", 1, Long.MAX_VALUE))
                .optional("currency", pattern("ISO 4217, e.g. GBP", "^[A-Z]{3}$"))
                .required("description", Schemas.with(string("shown to the shopper", 100), "minLength", 1))
                .optional("customerFirstName", string("card transactions", 20))
                .optional("customerLastName", string("card transactions", 20))
                .optional("customerEmail", string("e-mail", 80))
                .optional("customerPhone", string("phone", 19))
                .optional("billingAddress", object()
                        .required("address1", Schemas.with(string("first line", 50), "minLength", 1))
                        .optional("address2", string("second line", 50))
                        .optional("address3", string("third line", 50))
                        .required("city", Schemas.with(string("city", 40), "minLength", 1))
                        .optional("postalCode", string("required except in IE", 10))
                        .required("country", country)
                        .optional("state", pattern("US state, 2 letters", "^[A-Z]{2}$"))
                        .build())
                .optional("paymentMethod", object()
                        .optional("card", object()
                                .optional("merchantSessionKey", string("the key the identifier was made under"))
                                .required("cardIdentifier", Schemas.with(string("from createCardIdentifier"),
                                        "minLength", 1))
                                .optional("save", bool("keep the card for repeat payments"))
                                .optional("reusable", bool("a card kept before"))
                                .build())
                        .build())
                .optional("referenceTransactionId", string("Repeat, Refund, Authorise: the earlier transaction", 64))
                .optional("entryMethod", oneOf("how the card was taken", "Ecommerce", "MailOrder", "TelephoneOrder"))
                .optional("apply3DSecure", oneOf("3-D Secure", TransactionRules.CHECK_SETTINGS))
                .optional("applyAvsCvcCheck", oneOf("AVS/CVC checks", TransactionRules.CHECK_SETTINGS))
                .optional("settlementReferenceText", string("on the statement", 30))
                .optional("cv2", pattern("Authorise only: 3 or 4 digits", "^[0-9]{3,4}$"))
                .optional("strongCustomerAuthentication", anyObject("3-D Secure 2 data"))
                .optional("credentialType", anyObject("stored credential use"))
                .optional("shippingDetails", anyObject("delivery address"))
                .keyword("x-check", TransactionRules.SUMMARY)
                .keyword("examples", List.of(Map.of(
                        "transactionType", "Payment",
                        "vendorTxCode", "JN-EXAMPLE-0001",
                        "amount", 1250,
                        "currency", "GBP",
                        "description", "Order JN-1001",
                        "customerFirstName", "Ada",
                        "customerLastName", "Lovelace",
                        "billingAddress", Map.of("address1", "1 High Street", "city", "London",
                                "postalCode", "SW1A 1AA", "country", "GB"),
                        "paymentMethod", Map.of("card", Map.of("merchantSessionKey", "M1E996F5-A9BC-41FE-B088-EXAMPLE",
                                "cardIdentifier", "C6F92981-8C2D-457A-AA1E-EXAMPLE")),
                        "entryMethod", "Ecommerce")))
                .build();
    }
}

