package dev.junction.connectors.amazon;

import dev.junction.connectors.schema.VendorSchemas;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.connectors.OperationDescriptor.RateLimit;
import dev.junction.engine.connectors.SettingField;
import dev.junction.engine.schema.Schemas;

import java.util.List;
import java.util.Map;

import static dev.junction.engine.schema.Schemas.anyObject;
import static dev.junction.engine.schema.Schemas.bool;
import static dev.junction.engine.schema.Schemas.dateTime;
import static dev.junction.engine.schema.Schemas.integer;
import static dev.junction.engine.schema.Schemas.object;
import static dev.junction.engine.schema.Schemas.objects;
import static dev.junction.engine.schema.Schemas.string;
import static dev.junction.engine.schema.Schemas.strings;

/**
 * What the catalog shows of the Amazon SP-API connector: its connection form and its operations, each with the
 * default usage plan of the SP-API operation it calls as its rate limit (api-contracts §1.3). The input schemas are
 * what the central check holds every call to; the rules a schema cannot say stay in the operations' code and are
 * named in the schema's {@code x-check}.
 */
final class SpApiDescriptor {

    static final String ID = "amazon-sp-api";

    // default usage plans (requests per second, burst) from api-contracts §1.3
    static final RateLimit GET_ORDERS_PLAN = new RateLimit(0.0167, 20);
    static final RateLimit ORDER_PLAN = new RateLimit(0.5, 30);
    static final RateLimit FULFILLMENT_PLAN = new RateLimit(2, 30);
    static final RateLimit CREATE_REPORT_PLAN = new RateLimit(0.0167, 15);
    static final RateLimit GET_REPORT_PLAN = new RateLimit(2, 15);
    static final RateLimit GET_REPORTS_PLAN = new RateLimit(0.0222, 10);
    static final RateLimit GET_REPORT_DOCUMENT_PLAN = new RateLimit(0.0167, 15);

    /** A seeded order of the sandbox seller, used by the examples. */
    private static final String EXAMPLE_ORDER = "111-4830211-0000101";
    /** A seeded settlement report of the sandbox seller. */
    private static final String EXAMPLE_REPORT = "50001";

    static final OperationDescriptor GET_ORDERS = OperationDescriptor.action("getOrders", "Get orders",
                    "Orders created or changed in a period, following NextToken pages")
            .input(object()
                    .optional("MarketplaceIds", textList("marketplaces (the connection's when empty)", 50))
                    .optional("CreatedAfter", dateTime("orders created at or after; at least 2 minutes before now"))
                    .optional("CreatedBefore", dateTime("orders created before; clamped to 2 minutes before now"))
                    .optional("LastUpdatedAfter", dateTime("orders changed at or after (instead of CreatedAfter)"))
                    .optional("LastUpdatedBefore", dateTime("orders changed before; clamped to 2 minutes before now"))
                    .optional("OrderStatuses", textList("Pending, Unshipped, PartiallyShipped, Shipped, Canceled, "
                            + "Unfulfillable, …", null))
                    .optional("FulfillmentChannels", textList("AFN (Amazon) or MFN (merchant)", null))
                    .optional("PaymentMethods", textList("COD, CVS, Other", null))
                    .optional("AmazonOrderIds", textList("at most 50 order ids", 50))
                    .optional("BuyerEmail", string("buyer e-mail"))
                    .optional("SellerOrderId", string("the seller's order id"))
                    .optional("MaxResultsPerPage", integer("1–100, default 100", 1, 100))
                    .optional("NextToken", string("go on with a chain an earlier call cut short"))
                    .optional("maxPages", integer("pages to follow at most, 1–50, default 10", 1, 50))
                    .keyword("x-check", "exactly one of CreatedAfter and LastUpdatedAfter unless NextToken is "
                            + "given; CreatedAfter/LastUpdatedAfter at least 2 minutes before now; CreatedBefore "
                            + "only with CreatedAfter, LastUpdatedBefore only with LastUpdatedAfter; marketplaces "
                            + "from the connection when the input names none")
                    .keyword("examples", List.of(
                            Map.of("CreatedAfter", "2026-11-01T00:00:00Z", "maxPages", 1),
                            Map.of("LastUpdatedAfter", "2026-11-01T00:00:00Z", "OrderStatuses",
                                    List.of("Unshipped", "PartiallyShipped"), "FulfillmentChannels", "MFN")))
                    .build())
            .output(object()
                    .required("orders", Schemas.array("Order objects", VendorSchemas.of("sp-api/Order")))
                    .required("complete", bool("false when pages were left (see nextToken)"))
                    .optional("nextToken", string("where to go on when not complete"))
                    .optional("pages", integer("pages read"))
                    .optional("createdBefore", dateTime("upper bound SP-API used"))
                    .optional("lastUpdatedBefore", dateTime("upper bound SP-API used"))
                    .build())
            .rateLimit(GET_ORDERS_PLAN).readOnly().build();

    static final OperationDescriptor POLL_ORDERS = OperationDescriptor.poll("pollOrders", "New and changed orders",
                    "Orders changed since the last poll, keyed by AmazonOrderId")
            .input(object()
                    .optional("cursor", string("null on the first poll"))
                    .optional("MarketplaceIds", textList("marketplaces (the connection's when empty)", 50))
                    .optional("OrderStatuses", textList("only orders in these statuses", null))
                    .optional("FulfillmentChannels", textList("AFN or MFN", null))
                    .keyword("x-check", "cursor: one pollOrders wrote")
                    .keyword("examples", List.of(Map.of(), Map.of("OrderStatuses", List.of("Unshipped"))))
                    .build())
            .output(pollOutput("AmazonOrderId", VendorSchemas.of("sp-api/Order")))
            .rateLimit(GET_ORDERS_PLAN).build();

    static final OperationDescriptor GET_ORDER = OperationDescriptor.action("getOrder", "Get an order",
                    "One order by its AmazonOrderId")
            .input(orderIdInput())
            .output(VendorSchemas.of("sp-api/Order"))
            .rateLimit(ORDER_PLAN).readOnly().build();

    static final OperationDescriptor GET_ORDER_ITEMS = OperationDescriptor.action("getOrderItems",
                    "Get order items", "An order's items, all pages")
            .input(orderIdInput())
            .output(object()
                    .required("amazonOrderId", string("order id"))
                    .required("orderItems", Schemas.array("OrderItem objects", VendorSchemas.of("sp-api/OrderItem")))
                    .optional("complete", bool("false when pages were left"))
                    .build())
            .rateLimit(ORDER_PLAN).readOnly().build();

    static final OperationDescriptor CREATE_FULFILLMENT_ORDER = OperationDescriptor.action("createFulfillmentOrder",
                    "Create a fulfillment order", "A Multi-Channel Fulfillment order; safe to retry: an order that "
                            + "exists already under the sellerFulfillmentOrderId is answered instead of created twice")
            .input(object()
                    .optional("sellerFulfillmentOrderId", Schemas.with(Schemas.pattern(
                            "≤ 40 letters, digits, - and _; derived from the step when empty", "^[A-Za-z0-9_-]*$"),
                            "maxLength", 40))
                    .optional("marketplaceId", string("marketplace"))
                    .required("displayableOrderId", Schemas.with(nonBlank("on the packing slip"), "maxLength", 40))
                    .required("displayableOrderDate", dateTime("order date on the packing slip"))
                    .required("displayableOrderComment", Schemas.with(nonBlank("on the packing slip"),
                            "maxLength", 750))
                    .required("shippingSpeedCategory", Schemas.oneOf("how fast Amazon ships", "Standard",
                            "Expedited", "Priority", "ScheduledDelivery"))
                    .required("destinationAddress", object()
                            .required("name", string("recipient", 250))
                            .required("addressLine1", string("first line", 250))
                            .optional("addressLine2", string("second line", 250))
                            .optional("addressLine3", string("third line", 250))
                            .optional("city", string("city (required except in JP)", 150))
                            .optional("districtOrCounty", string("district or county", 150))
                            .optional("stateOrRegion", string("state or region", 150))
                            .required("postalCode", string("postal code", 250))
                            .required("countryCode", Schemas.pattern("ISO 3166 alpha-2, e.g. GB", "^[A-Z]{2}$"))
                            .optional("phone", string("phone", 20))
                            .build())
                    .optional("fulfillmentAction", Schemas.oneOf("ship now or hold", "Ship", "Hold"))
                    .optional("fulfillmentPolicy", Schemas.oneOf("what to do with missing stock", "FillOrKill",
                            "FillAll", "FillAllAvailable"))
                    .optional("notificationEmails", strings("e-mails to notify"))
                    .required("items", Schemas.with(Schemas.with(Schemas.array("1–100 lines", object()
                            .required("sellerSku", string("the seller's SKU", 50))
                            .required("sellerFulfillmentOrderItemId", string("unique within the order", 50))
                            .required("quantity", integer("units", 1, 10_000))
                            .optional("perUnitDeclaredValue", anyObject("currencyCode and value"))
                            .build()), "minItems", 1), "maxItems", 100))
                    .keyword("x-check", "destinationAddress.city unless countryCode is JP (checked by Amazon)")
                    .keyword("examples", List.of(fulfillmentOrderExample()))
                    .build())
            .output(object()
                    .required("sellerFulfillmentOrderId", string("the order's id"))
                    .required("outcome", Schemas.oneOf("whether this call created it", "CREATED", "ALREADY_EXISTED"))
                    .optional("fulfillmentOrderStatus", string("status when read back"))
                    .build())
            .rateLimit(FULFILLMENT_PLAN).idempotencyKey("sellerFulfillmentOrderId").build();

    static final OperationDescriptor GET_FULFILLMENT_ORDER = OperationDescriptor.action("getFulfillmentOrder",
                    "Get a fulfillment order",
                    "A fulfillment order with its items, shipments, packages and tracking numbers")
            .input(fulfillmentOrderIdInput())
            .output(VendorSchemas.of("sp-api/FulfillmentOrder"))
            .rateLimit(FULFILLMENT_PLAN).readOnly().build();

    static final OperationDescriptor CANCEL_FULFILLMENT_ORDER = OperationDescriptor.action("cancelFulfillmentOrder",
                    "Cancel a fulfillment order", "Possible while the order is Received or Planning")
            .input(fulfillmentOrderIdInput())
            .output(object()
                    .optional("sellerFulfillmentOrderId", string("id"))
                    .optional("cancelled", bool("true"))
                    .build())
            .rateLimit(FULFILLMENT_PLAN).build();

    static final OperationDescriptor GET_PACKAGE_TRACKING_DETAILS = OperationDescriptor.action(
                    "getPackageTrackingDetails", "Track a package", "Tracking of a shipped package by its packageNumber")
            .input(object()
                    .required("packageNumber", integer("from a shipment of getFulfillmentOrder", 1, Integer.MAX_VALUE))
                    .keyword("examples", List.of(Map.of("packageNumber", 1)))
                    .build())
            .output(anyObject("trackingNumber, carrierCode, currentStatus, trackingEvents, …"))
            .rateLimit(FULFILLMENT_PLAN).readOnly().build();

    static final OperationDescriptor CREATE_REPORT = OperationDescriptor.action("createReport", "Request a report",
                    "Asks Amazon to produce a report (settlement reports cannot be requested)")
            .input(object()
                    .required("reportType", nonBlank("e.g. GET_MERCHANT_LISTINGS_ALL_DATA"))
                    .optional("marketplaceIds", textList("the connection's when empty", null))
                    .optional("dataStartTime", dateTime("start of the data"))
                    .optional("dataEndTime", dateTime("end of the data"))
                    .optional("reportOptions", anyObject("type-specific options (text values)"))
                    .keyword("x-check", "marketplaces from the connection when the input names none")
                    .keyword("examples", List.of(Map.of("reportType", "GET_MERCHANT_LISTINGS_ALL_DATA")))
                    .build())
            .output(object().required("reportId", string("the report's id")).build())
            .rateLimit(CREATE_REPORT_PLAN).build();

    static final OperationDescriptor GET_REPORT = OperationDescriptor.action("getReport", "Get a report",
                    "A report's processing status; FATAL and CANCELLED fail the step")
            .input(object()
                    .required("reportId", nonBlank("from createReport"))
                    .optional("requireDone", bool("fail retryably (ReportNotReady) until the report is DONE"))
                    .keyword("examples", List.of(Map.of("reportId", EXAMPLE_REPORT)))
                    .build())
            .output(anyObject("reportId, reportType, processingStatus, reportDocumentId, …"))
            .rateLimit(GET_REPORT_PLAN).readOnly().build();

    static final OperationDescriptor GET_REPORTS = OperationDescriptor.action("getReports", "Find reports",
                    "Reports by type and status, e.g. settlement reports Amazon published")
            .input(object()
                    .optional("reportTypes", textList("1–10 report types", 10))
                    .optional("processingStatuses", textList("IN_QUEUE, IN_PROGRESS, DONE, FATAL, CANCELLED", null))
                    .optional("marketplaceIds", textList("marketplaces", null))
                    .optional("createdSince", dateTime("default 90 days ago"))
                    .optional("createdUntil", dateTime("default now"))
                    .optional("pageSize", integer("1–100, default 100", 1, 100))
                    .optional("nextToken", string("go on with a chain an earlier call cut short"))
                    .optional("maxPages", integer("pages to follow, 1–20, default 5", 1, 20))
                    .keyword("examples", List.of(Map.of("reportTypes",
                            List.of("GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2"), "pageSize", 10)))
                    .build())
            .output(object()
                    .required("reports", objects("Report objects"))
                    .optional("complete", bool("false when pages were left"))
                    .optional("nextToken", string("to go on"))
                    .build())
            .rateLimit(GET_REPORTS_PLAN).readOnly().build();

    static final OperationDescriptor GET_REPORT_DOCUMENT = OperationDescriptor.action("getReportDocument",
                    "Read a report document",
                    "Downloads a report document (gunzipped) and reads its tab-separated rows by header")
            .input(object()
                    .required("reportDocumentId", nonBlank("from a DONE report"))
                    .keyword("examples", List.of(Map.of("reportDocumentId", "amzn1.spdoc.1.4.na.example")))
                    .build())
            .output(object()
                    .optional("reportDocumentId", string("id"))
                    .required("columns", strings("header row"))
                    .required("rows", objects("column → value"))
                    .optional("rowCount", integer("rows"))
                    .build())
            .rateLimit(GET_REPORT_DOCUMENT_PLAN).readOnly().build();

    static final OperationDescriptor GET_SETTLEMENT_REPORT = OperationDescriptor.action("getSettlementReport",
                    "Read a settlement report",
                    "A GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2 report as one settlement with its transactions")
            .input(object()
                    .optional("reportId", string("a settlement report"))
                    .optional("reportDocumentId", string("or its document"))
                    .keyword("x-check", "reportId or reportDocumentId is required; a reportId must name a "
                            + "settlement report")
                    .keyword("examples", List.of(Map.of("reportId", EXAMPLE_REPORT)))
                    .build())
            .output(settlementSchema())
            .rateLimit(GET_REPORT_DOCUMENT_PLAN).readOnly().build();

    static final OperationDescriptor POLL_SETTLEMENT_REPORTS = OperationDescriptor.poll("pollSettlementReports",
                    "New settlement reports",
                    "Settlement reports Amazon published since the last poll, one record per settlement")
            .input(object()
                    .optional("cursor", string("null on the first poll"))
                    .keyword("x-check", "cursor: one pollSettlementReports wrote")
                    .keyword("examples", List.of(Map.of()))
                    .build())
            .output(pollOutput("settlement-id", settlementSchema()))
            .rateLimit(GET_REPORTS_PLAN).build();

    private SpApiDescriptor() {
    }

    static ConnectorDescriptor descriptor(List<OperationDescriptor> operations) {
        return new ConnectorDescriptor(ID, "Amazon Selling Partner API", "1.0.0", "vaadin:cart",
                "Orders, Multi-Channel Fulfillment and reports (settlements, inventory) of an Amazon seller account.",
                ConnectorDescriptor.AuthKind.LWA_REFRESH_TOKEN, settings(), operations);
    }

    private static List<SettingField> settings() {
        return List.of(
                SettingField.choice(SpApiSettings.REGION, "Region", "The SP-API region of the seller's "
                        + "marketplaces", "eu",
                        SettingField.Choice.of("na", "North America (US, CA, MX, BR)"),
                        SettingField.Choice.of("eu", "Europe (UK, DE, FR, IT, ES, IN, AE, …)"),
                        SettingField.Choice.of("fe", "Far East (JP, AU, SG)")),
                new SettingField(SpApiSettings.ENDPOINT, "Endpoint URL", "Overrides the region's endpoint "
                        + "(the sandbox, a proxy)", SettingField.Type.URL, false, false, null, List.of()),
                SettingField.url(SpApiSettings.LWA_TOKEN_URL, "LWA token URL", "Login with Amazon's token endpoint",
                        SpApiSettings.DEFAULT_TOKEN_URL),
                SettingField.text(SpApiSettings.LWA_CLIENT_ID, "LWA client id",
                        "The application's Login with Amazon client id (amzn1.application-oa2-client.…)", true, null),
                SettingField.secret(SpApiSettings.LWA_CLIENT_SECRET, "LWA client secret",
                        "The application's Login with Amazon client secret", true),
                SettingField.secret(SpApiSettings.REFRESH_TOKEN, "Refresh token",
                        "The seller's LWA refresh token (Atzr|…) from authorising the application", true),
                SettingField.text(SpApiSettings.MARKETPLACE_IDS, "Marketplace ids",
                        "Comma-separated, e.g. A1F83G8C2ARO7P,A1PA6795UKMFR9; operations use them when their input "
                                + "names none", true, null),
                new SettingField(SpApiSettings.ORDER_LOOKBACK_HOURS, "Order poll lookback (hours)",
                        "How far back the first pollOrders looks", SettingField.Type.NUMBER, false, false, "24",
                        List.of()),
                new SettingField(SpApiSettings.SETTLEMENT_LOOKBACK_DAYS, "Settlement poll lookback (days)",
                        "How far back the first pollSettlementReports looks (at most 90)", SettingField.Type.NUMBER,
                        false, false, "30", List.of()));
    }

    /** Text that is not blank (a required id: white space alone is no id). */
    private static Map<String, Object> nonBlank(String description) {
        return Schemas.pattern(description, "\\S");
    }

    /** A list of texts, given as a JSON array or as comma-separated text; at most {@code maxItems} when given. */
    private static Map<String, Object> textList(String description, Integer maxItems) {
        Map<String, Object> schema = Schemas.with(strings(description + "; a list or comma-separated text"),
                "type", List.of("array", "string"));
        return maxItems == null ? schema : Schemas.with(schema, "maxItems", maxItems);
    }

    private static Map<String, Object> orderIdInput() {
        return object()
                .required("AmazonOrderId", Schemas.pattern("3-7-7 order id", "^[0-9]{3}-[0-9]{7}-[0-9]{7}$"))
                .keyword("examples", List.of(Map.of("AmazonOrderId", EXAMPLE_ORDER)))
                .build();
    }

    private static Map<String, Object> fulfillmentOrderIdInput() {
        return object()
                .required("sellerFulfillmentOrderId", Schemas.with(nonBlank("the seller's fulfillment order id"),
                        "maxLength", 40))
                .keyword("examples", List.of(Map.of("sellerFulfillmentOrderId",
                        fulfillmentOrderExample().get("sellerFulfillmentOrderId"))))
                .build();
    }

    /** A fulfillment order of sandbox SKUs to a UK address. */
    private static Map<String, Object> fulfillmentOrderExample() {
        return Map.of(
                "sellerFulfillmentOrderId", "JN-EXAMPLE-1001",
                "displayableOrderId", "JN-1001",
                "displayableOrderDate", "2026-11-20T10:15:00Z",
                "displayableOrderComment", "Thank you for your order",
                "shippingSpeedCategory", "Standard",
                "destinationAddress", Map.of("name", "Jane Doe", "addressLine1", "1 High Street",
                        "city", "London", "postalCode", "SW1A 1AA", "countryCode", "GB"),
                "items", List.of(Map.of("sellerSku", "JN-MUG-001", "sellerFulfillmentOrderItemId", "1",
                        "quantity", 2)));
    }

    /** The output of a poll: records keyed by a business key, and the cursor to go on from. */
    private static Map<String, Object> pollOutput(String keyDescription, Map<String, Object> record) {
        return object()
                .required("records", Schemas.array("new and changed records", object()
                        .required("key", string(keyDescription))
                        .required("data", record)
                        .build()))
                .required("cursor", string("where the next poll goes on"))
                .build();
    }

    private static Map<String, Object> settlementSchema() {
        return object()
                .optional("reportId", string("report"))
                .optional("reportDocumentId", string("document"))
                .required("settlementId", string("settlement-id"))
                .optional("settlementStartDate", string("period start"))
                .optional("settlementEndDate", string("period end"))
                .optional("depositDate", string("deposit date"))
                .optional("totalAmount", string("plain decimal, e.g. 1234.56"))
                .optional("currency", string("ISO 4217"))
                .required("transactions", objects("detail rows, camelCase columns; amount as plain decimal text"))
                .build();
    }
}
