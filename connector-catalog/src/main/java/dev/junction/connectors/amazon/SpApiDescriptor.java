package dev.junction.connectors.amazon;

import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.OperationDescriptor.Kind;
import dev.junction.engine.connectors.OperationDescriptor.RateLimit;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.connectors.SettingField;

import java.util.List;
import java.util.Map;

import static dev.junction.connectors.amazon.Schemas.anyObject;
import static dev.junction.connectors.amazon.Schemas.bool;
import static dev.junction.connectors.amazon.Schemas.dateTime;
import static dev.junction.connectors.amazon.Schemas.integer;
import static dev.junction.connectors.amazon.Schemas.object;
import static dev.junction.connectors.amazon.Schemas.objects;
import static dev.junction.connectors.amazon.Schemas.pollOutput;
import static dev.junction.connectors.amazon.Schemas.properties;
import static dev.junction.connectors.amazon.Schemas.string;
import static dev.junction.connectors.amazon.Schemas.strings;

/**
 * What the catalog shows of the Amazon SP-API connector: its connection form and its operations, each with the
 * default usage plan of the SP-API operation it calls as its rate limit (api-contracts §1.3).
 */
final class SpApiDescriptor {

    static final String ID = "amazon-sp-api";

    // default usage plans (requests per second, burst) from api-contracts §1.3
    static final RateLimit GET_ORDERS = new RateLimit(0.0167, 20);
    static final RateLimit ORDER = new RateLimit(0.5, 30);
    static final RateLimit FULFILLMENT = new RateLimit(2, 30);
    static final RateLimit CREATE_REPORT = new RateLimit(0.0167, 15);
    static final RateLimit GET_REPORT = new RateLimit(2, 15);
    static final RateLimit GET_REPORTS = new RateLimit(0.0222, 10);
    static final RateLimit GET_REPORT_DOCUMENT = new RateLimit(0.0167, 15);

    private SpApiDescriptor() {
    }

    static ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(ID, "Amazon Selling Partner API", "1.0.0", "vaadin:cart",
                "Orders, Multi-Channel Fulfillment and reports (settlements, inventory) of an Amazon seller account.",
                ConnectorDescriptor.AuthKind.LWA_REFRESH_TOKEN, settings(), operations());
    }

    private static List<SettingField> settings() {
        return List.of(
                SettingField.choice(SpApiSettings.REGION, "Region", "The SP-API region of the seller's "
                        + "marketplaces: na (US, CA, MX, BR), eu (UK, DE, FR, IT, ES, …), fe (JP, AU, SG)", "eu",
                        List.of("na", "eu", "fe")),
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

    private static List<OperationDescriptor> operations() {
        Map<String, Object> orderFilters = properties(
                "MarketplaceIds", strings("marketplaces (the connection's when empty)"),
                "CreatedAfter", dateTime("orders created at or after; at least 2 minutes before now"),
                "CreatedBefore", dateTime("orders created before; clamped to 2 minutes before now"),
                "LastUpdatedAfter", dateTime("orders changed at or after (instead of CreatedAfter)"),
                "LastUpdatedBefore", dateTime("orders changed before; clamped to 2 minutes before now"),
                "OrderStatuses", strings("Pending, Unshipped, PartiallyShipped, Shipped, Canceled, Unfulfillable, …"),
                "FulfillmentChannels", strings("AFN (Amazon) or MFN (merchant)"),
                "PaymentMethods", strings("COD, CVS, Other"),
                "AmazonOrderIds", strings("at most 50 order ids"),
                "BuyerEmail", string("buyer e-mail"),
                "SellerOrderId", string("the seller's order id"),
                "MaxResultsPerPage", integer("1–100, default 100"),
                "NextToken", string("go on with a chain an earlier call cut short"),
                "maxPages", integer("pages to follow at most, 1–50, default 10"));
        Map<String, Object> fulfillmentOrderId = object(List.of("sellerFulfillmentOrderId"),
                properties("sellerFulfillmentOrderId", string("the seller's fulfillment order id")));
        return List.of(
                new OperationDescriptor("getOrders", "Get orders",
                        "Orders created or changed in a period, following NextToken pages", Kind.ACTION,
                        object(List.of(), orderFilters),
                        object(List.of("orders", "complete"), properties("orders", objects("Order objects"),
                                "complete", bool("false when pages were left (see nextToken)"),
                                "nextToken", string("where to go on when not complete"),
                                "pages", integer("pages read"),
                                "createdBefore", dateTime("upper bound SP-API used"),
                                "lastUpdatedBefore", dateTime("upper bound SP-API used"))),
                        GET_ORDERS, null),
                new OperationDescriptor("pollOrders", "New and changed orders",
                        "Orders changed since the last poll, keyed by AmazonOrderId", Kind.POLL,
                        object(List.of(), properties("cursor", string("null on the first poll"),
                                "MarketplaceIds", strings("marketplaces (the connection's when empty)"),
                                "OrderStatuses", strings("only orders in these statuses"),
                                "FulfillmentChannels", strings("AFN or MFN"))),
                        pollOutput("AmazonOrderId"), GET_ORDERS, null),
                new OperationDescriptor("getOrder", "Get an order", "One order by its AmazonOrderId", Kind.ACTION,
                        object(List.of("AmazonOrderId"), properties("AmazonOrderId", string("3-7-7 order id"))),
                        anyObject("the Order object"), ORDER, null),
                new OperationDescriptor("getOrderItems", "Get order items", "An order's items, all pages",
                        Kind.ACTION,
                        object(List.of("AmazonOrderId"), properties("AmazonOrderId", string("3-7-7 order id"))),
                        object(List.of("amazonOrderId", "orderItems"), properties("amazonOrderId", string("order id"),
                                "orderItems", objects("OrderItem objects"),
                                "complete", bool("false when pages were left"))), ORDER, null),
                new OperationDescriptor("createFulfillmentOrder", "Create a fulfillment order",
                        "A Multi-Channel Fulfillment order; safe to retry: an order that exists already under the "
                                + "sellerFulfillmentOrderId is answered instead of created twice", Kind.ACTION,
                        object(List.of("displayableOrderId", "displayableOrderDate", "displayableOrderComment",
                                "shippingSpeedCategory", "destinationAddress", "items"), properties(
                                "sellerFulfillmentOrderId", string("≤ 40 chars; derived from the step when empty"),
                                "marketplaceId", string("marketplace"),
                                "displayableOrderId", string("≤ 40 chars, on the packing slip"),
                                "displayableOrderDate", dateTime("order date on the packing slip"),
                                "displayableOrderComment", string("≤ 750 chars"),
                                "shippingSpeedCategory", string("Standard, Expedited, Priority, ScheduledDelivery"),
                                "destinationAddress", anyObject("name, addressLine1, city, postalCode, countryCode, …"),
                                "fulfillmentAction", string("Ship or Hold"),
                                "fulfillmentPolicy", string("FillOrKill, FillAll, FillAllAvailable"),
                                "notificationEmails", strings("e-mails to notify"),
                                "items", objects("sellerSku, sellerFulfillmentOrderItemId, quantity, …"))),
                        object(List.of("sellerFulfillmentOrderId", "outcome"), properties(
                                "sellerFulfillmentOrderId", string("the order's id"),
                                "outcome", string("CREATED or ALREADY_EXISTED"),
                                "fulfillmentOrderStatus", string("status when read back"))),
                        FULFILLMENT, "sellerFulfillmentOrderId"),
                new OperationDescriptor("getFulfillmentOrder", "Get a fulfillment order",
                        "A fulfillment order with its items, shipments, packages and tracking numbers", Kind.ACTION,
                        fulfillmentOrderId, object(List.of("fulfillmentOrder", "fulfillmentOrderItems"), properties(
                                "fulfillmentOrder", anyObject("the order and its fulfillmentOrderStatus"),
                                "fulfillmentOrderItems", objects("items"),
                                "fulfillmentShipments", objects("shipments with fulfillmentShipmentPackage"))),
                        FULFILLMENT, null),
                new OperationDescriptor("cancelFulfillmentOrder", "Cancel a fulfillment order",
                        "Possible while the order is Received or Planning", Kind.ACTION, fulfillmentOrderId,
                        object(List.of(), properties("sellerFulfillmentOrderId", string("id"),
                                "cancelled", bool("true"))), FULFILLMENT, null),
                new OperationDescriptor("getPackageTrackingDetails", "Track a package",
                        "Tracking of a shipped package by its packageNumber", Kind.ACTION,
                        object(List.of("packageNumber"), properties("packageNumber", integer("from a shipment"))),
                        anyObject("trackingNumber, carrierCode, currentStatus, trackingEvents, …"), FULFILLMENT, null),
                new OperationDescriptor("createReport", "Request a report",
                        "Asks Amazon to produce a report (settlement reports cannot be requested)", Kind.ACTION,
                        object(List.of("reportType"), properties("reportType", string("e.g. GET_MERCHANT_LISTINGS_ALL_DATA"),
                                "marketplaceIds", strings("the connection's when empty"),
                                "dataStartTime", dateTime("start of the data"),
                                "dataEndTime", dateTime("end of the data"),
                                "reportOptions", anyObject("type-specific options (text values)"))),
                        object(List.of("reportId"), properties("reportId", string("the report's id"))),
                        CREATE_REPORT, null),
                new OperationDescriptor("getReport", "Get a report",
                        "A report's processing status; FATAL and CANCELLED fail the step", Kind.ACTION,
                        object(List.of("reportId"), properties("reportId", string("from createReport"),
                                "requireDone", bool("fail retryably (ReportNotReady) until the report is DONE"))),
                        anyObject("reportId, reportType, processingStatus, reportDocumentId, …"), GET_REPORT, null),
                new OperationDescriptor("getReports", "Find reports",
                        "Reports by type and status, e.g. settlement reports Amazon published", Kind.ACTION,
                        object(List.of(), properties("reportTypes", strings("1–10 report types"),
                                "processingStatuses", strings("IN_QUEUE, IN_PROGRESS, DONE, FATAL, CANCELLED"),
                                "marketplaceIds", strings("marketplaces"),
                                "createdSince", dateTime("default 90 days ago"),
                                "createdUntil", dateTime("default now"),
                                "pageSize", integer("1–100"),
                                "nextToken", string("go on with a chain an earlier call cut short"),
                                "maxPages", integer("pages to follow, default 5"))),
                        object(List.of("reports"), properties("reports", objects("Report objects"),
                                "complete", bool("false when pages were left"), "nextToken", string("to go on"))),
                        GET_REPORTS, null),
                new OperationDescriptor("getReportDocument", "Read a report document",
                        "Downloads a report document (gunzipped) and reads its tab-separated rows by header",
                        Kind.ACTION, object(List.of("reportDocumentId"),
                        properties("reportDocumentId", string("from a DONE report"))),
                        object(List.of("columns", "rows"), properties("reportDocumentId", string("id"),
                                "columns", strings("header row"), "rows", objects("column → value"),
                                "rowCount", integer("rows"))), GET_REPORT_DOCUMENT, null),
                new OperationDescriptor("getSettlementReport", "Read a settlement report",
                        "A GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2 report as one settlement with its transactions",
                        Kind.ACTION, object(List.of(), properties("reportId", string("a settlement report"),
                        "reportDocumentId", string("or its document"))), settlementSchema(), GET_REPORT_DOCUMENT, null),
                new OperationDescriptor("pollSettlementReports", "New settlement reports",
                        "Settlement reports Amazon published since the last poll, one record per settlement",
                        Kind.POLL, object(List.of(), properties("cursor", string("null on the first poll"))),
                        pollOutput("settlement-id"), GET_REPORTS, null));
    }

    private static Map<String, Object> settlementSchema() {
        return object(List.of("settlementId", "transactions"), properties(
                "reportId", string("report"), "reportDocumentId", string("document"),
                "settlementId", string("settlement-id"), "settlementStartDate", string("period start"),
                "settlementEndDate", string("period end"), "depositDate", string("deposit date"),
                "totalAmount", string("plain decimal, e.g. 1234.56"), "currency", string("ISO 4217"),
                "transactions", objects("detail rows, camelCase columns; amount as plain decimal text")));
    }
}
