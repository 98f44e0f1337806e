package dev.junction.connectors.dataverse;

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
import static dev.junction.engine.schema.Schemas.string;

/**
 * What the catalog shows of the Dataverse connector: its connection form and its operations with their schemas. The
 * input schemas are what the central check holds every call to; the rules a schema cannot say stay in the
 * operations' code and are named in the schema's {@code x-check}.
 */
final class DataverseDescriptor {

    /**
     * The service protection limits of api-contracts §3.10 as a token bucket per connection: 6000 requests in a
     * 300-second window is 20 per second on average; the burst is the 52 concurrent requests the service allows
     * at once. (The execution-time limit cannot be expressed as a rate.)
     */
    static final RateLimit SERVICE_PROTECTION = new RateLimit(20.0, 52);

    private DataverseDescriptor() {
    }

    /** A GUID as Dataverse writes record ids. */
    private static final String GUID = "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$";
    /** A column or navigation-property name. */
    private static final String COLUMN = "^[a-z_][a-z0-9_]{0,99}$";
    /** A non-negative decimal amount in major units. */
    private static final String DECIMAL = "^[0-9]{1,15}(\\.[0-9]{1,4})?$";
    /** Seeded records of the sandbox environment, used by the examples. */
    private static final String EXAMPLE_CONTACT = "2d0f3b55-4d9e-ef11-8a69-000d3a4b2c11";
    private static final String EXAMPLE_ORDER_NUMBER = "ORD-01048-G7M9N5";

    static final OperationDescriptor QUERY_SALES_ORDERS = OperationDescriptor.action("querySalesOrders",
                    "Query sales orders", "Sales orders matching state, status, modification time, order number or "
                            + "customer, oldest change first, with lines and products; follows the next-page links "
                            + "up to maxPages within the step's deadline")
            .input(object()
                    .optional("statecode", Schemas.named(List.of("Active", "Submitted", "Canceled", "Fulfilled",
                            "Invoiced"), Schemas.with(integer("0 Active, 1 Submitted, 2 Canceled, 3 Fulfilled, "
                            + "4 Invoiced"), "enum", List.of(0, 1, 2, 3, 4))))
                    .optional("statuscode", integer("a status reason of the state"))
                    .optional("modifiedAfter", dateOrTime("changed after"))
                    .optional("modifiedBefore", dateOrTime("changed before"))
                    .optional("ordernumber", string("the order number"))
                    .optional("customerId", guid("the customer account or contact"))
                    .optional("select", columns("columns to read (default: the salesorder schema's)"))
                    .optional("includeDetails", bool("with lines and products (default true)"))
                    .optional("pageSize", integer("1–5000, default 100", 1, 5000))
                    .optional("maxPages", integer("1–100, default 10", 1, 100))
                    .keyword("examples", List.of(Map.of("statecode", 0, "maxPages", 1),
                            Map.of("ordernumber", EXAMPLE_ORDER_NUMBER, "includeDetails", false)))
                    .build())
            .output(object()
                    .required("orders", Schemas.array("sales orders", salesOrder()))
                    .required("complete", bool("false when pages were left"))
                    .optional("nextLink", string("where to go on"))
                    .build())
            .rateLimit(SERVICE_PROTECTION).readOnly().build();

    static final OperationDescriptor POLL_SALES_ORDERS = OperationDescriptor.poll("pollSalesOrders",
                    "New and changed sales orders", "Change tracking on salesorders: the first poll answers every "
                            + "order and the delta link; later polls answer what changed since, deletions as records "
                            + "with deleted: true")
            .input(object()
                    .optional("cursor", Schemas.with(string("the delta link of the last poll (null on the first)"),
                            "type", List.of("string", "null")))
                    .optional("statecode", integer("only orders in this state"))
                    .optional("select", columns("columns to read"))
                    .optional("includeDetails", bool("with lines and products (default true)"))
                    .optional("pageSize", integer("1–5000, default 100", 1, 5000))
                    .optional("maxPages", integer("1–100, default 20", 1, 100))
                    .keyword("examples", List.of(Map.of(), Map.of("statecode", 0, "includeDetails", false)))
                    .build())
            .output(object()
                    .required("records", Schemas.array("new, changed and deleted orders", object()
                            .required("key", string("salesorderid"))
                            .required("data", salesOrder())
                            .build()))
                    .required("cursor", string("the delta link"))
                    .build())
            .rateLimit(SERVICE_PROTECTION).build();

    static final OperationDescriptor GET_RECORD = OperationDescriptor.action("getRecord", "Get a record",
                    "One record of an entity set by its id")
            .input(object()
                    .required("entitySet", entitySet())
                    .required("id", guid("the record's id"))
                    .optional("select", columns("columns to read"))
                    .optional("expand", columns("navigation properties to read along"))
                    .keyword("examples", List.of(Map.of("entitySet", "contacts", "id", EXAMPLE_CONTACT,
                            "select", List.of("firstname", "lastname", "emailaddress1"))))
                    .build())
            .output(record())
            .rateLimit(SERVICE_PROTECTION).readOnly().build();

    static final OperationDescriptor CREATE_RECORD = OperationDescriptor.action("createRecord", "Create a record",
                    "Creates a record (not idempotent: use upsertByAlternateKey when a retry must not create a "
                            + "second one)")
            .input(object()
                    .required("entitySet", entitySet())
                    .required("record", columnValues())
                    .keyword("x-check", "record: column names (a-z, 0-9, _), binds as '/<entityset>(<id>)'")
                    .keyword("examples", List.of(Map.of("entitySet", "contacts", "record", Map.of(
                            "firstname", "Ada", "lastname", "Lovelace", "emailaddress1", "ada@example.com"))))
                    .build())
            .output(record())
            .rateLimit(SERVICE_PROTECTION).build();

    static final OperationDescriptor UPDATE_RECORD = OperationDescriptor.action("updateRecord", "Update a record",
                    "Changes the given columns; with an etag only if the record was not changed since (412 → "
                            + "Conflict)")
            .input(object()
                    .required("entitySet", entitySet())
                    .required("id", guid("the record's id"))
                    .required("record", columnValues())
                    .optional("etag", string("W/\"<version>\" as read in @odata.etag"))
                    .keyword("x-check", "record: column names (a-z, 0-9, _), binds as '/<entityset>(<id>)'")
                    .keyword("examples", List.of(Map.of("entitySet", "contacts", "id", EXAMPLE_CONTACT,
                            "record", Map.of("telephone1", "+44 113 496 0000"))))
                    .build())
            .output(record())
            .rateLimit(SERVICE_PROTECTION).build();

    static final OperationDescriptor UPSERT_BY_ALTERNATE_KEY = OperationDescriptor.action("upsertByAlternateKey",
                    "Create or update by alternate key", "PATCH on entityset(key='value'): creates the record or "
                            + "updates it, so a retry writes the same record; the key must be defined as an "
                            + "alternate key in the environment")
            .input(object()
                    .required("entitySet", entitySet())
                    .required("keyField", Schemas.pattern("the alternate key's column", COLUMN))
                    .required("keyValue", string("filled with the step's idempotency key when empty"))
                    .required("record", columnValues())
                    .optional("mode", Schemas.oneOf("upsert (default), updateOnly or createOnly", "upsert",
                            "updateOnly", "createOnly"))
                    .keyword("x-check", "record: column names (a-z, 0-9, _), binds as '/<entityset>(<id>)'")
                    .keyword("examples", List.of(Map.of("entitySet", "products", "keyField", "productnumber",
                            "keyValue", "GF-LOUNGER-190", "record", Map.of("name", "Sun lounger 1.9 m"))))
                    .build())
            .output(object()
                    .required("created", bool("whether the record was created"))
                    .required("record", record())
                    .build())
            .rateLimit(SERVICE_PROTECTION).idempotencyKey("keyValue").build();

    static final OperationDescriptor FIND_OR_CREATE_CONTACT = OperationDescriptor.action("findOrCreateContact",
                    "Find or create a contact", "The contact with this e-mail address, created when there is none "
                            + "(a retry finds the one created before)")
            .input(object()
                    .required("emailaddress1", Schemas.with(string("the contact's e-mail address", 100), "format",
                            "email"))
                    .optional("firstname", string("first name"))
                    .optional("lastname", string("last name"))
                    .optional("telephone1", string("phone"))
                    .optional("address1_line1", string("street"))
                    .optional("address1_city", string("city"))
                    .optional("address1_postalcode", string("postal code"))
                    .optional("address1_country", string("country"))
                    .keyword("examples", List.of(Map.of("emailaddress1", "ada@example.com", "firstname", "Ada",
                            "lastname", "Lovelace")))
                    .build())
            .output(object()
                    .required("created", bool("whether the contact was created"))
                    .required("contact", VendorSchemas.of("dataverse/contact"))
                    .build())
            .rateLimit(SERVICE_PROTECTION).build();

    static final OperationDescriptor FIND_PRODUCT_BY_NUMBER = OperationDescriptor.action("findProductByNumber",
                    "Find a product by number", "The product with this product number (the SKU mapping's natural "
                            + "key)")
            .input(object()
                    .required("productnumber", Schemas.with(Schemas.pattern("the product number", "\\S"),
                            "maxLength", 100))
                    .keyword("examples", List.of(Map.of("productnumber", "GF-BENCH-150")))
                    .build())
            .output(object()
                    .required("found", bool("whether there is one"))
                    .optional("product", record())
                    .build())
            .rateLimit(SERVICE_PROTECTION).readOnly().build();

    static final OperationDescriptor FULFILL_SALES_ORDER = OperationDescriptor.action("fulfillSalesOrder",
                    "Fulfil a sales order", "FulfillSalesOrder: closes the order as Fulfilled (status 100001 "
                            + "Complete or 100002 Partial); an order fulfilled already answers alreadyDone")
            .input(orderAction(Schemas.named(List.of("Complete", "Partial"), Schemas.with(
                    integer("100001 Complete (default) or 100002 Partial"), "enum", List.of(100001, 100002))),
                    "ORD-01043-B2K8M1"))
            .output(closed())
            .rateLimit(SERVICE_PROTECTION).build();

    static final OperationDescriptor CANCEL_SALES_ORDER = OperationDescriptor.action("cancelSalesOrder",
                    "Cancel a sales order", "CancelSalesOrder: closes the order as Canceled (status 4 No Money); an "
                            + "order cancelled already answers alreadyDone")
            .input(orderAction(Schemas.named(List.of("No Money"), Schemas.with(
                    integer("4 No Money, the only Canceled status"), "enum", List.of(4))), "ORD-01044-C9D3E7"))
            .output(closed())
            .rateLimit(SERVICE_PROTECTION).build();

    static final OperationDescriptor WRITE_SHIPMENT_TRACKING = OperationDescriptor.action("writeShipmentTracking",
                    "Write shipment tracking", "Writes the shipping date to datefulfilled and appends the carrier and "
                            + "tracking numbers to the order's description, once (a retry changes nothing)")
            .input(object()
                    .optional("salesorderid", guid("the order's id"))
                    .optional("ordernumber", string("or its number"))
                    .required("trackingNumbers", Schemas.with(Schemas.with(Schemas.strings(
                            "one tracking number or a list"), "type", List.of("array", "string")), "minItems", 1))
                    .optional("carrier", string("the carrier"))
                    .optional("shippedAt", dateOrTime("when it was shipped"))
                    .keyword("x-check", "salesorderid or ordernumber is required; trackingNumbers not empty")
                    .keyword("examples", List.of(Map.of("ordernumber", EXAMPLE_ORDER_NUMBER, "trackingNumbers",
                            List.of("1Z999AA10123456784"), "carrier", "UPS", "shippedAt", "2026-11-24T09:30:00Z")))
                    .build())
            .output(object()
                    .required("salesorderid", guid("the order's id"))
                    .optional("ordernumber", string("its number"))
                    .required("changed", bool("false when the tracking was written before"))
                    .optional("description", string("the order's description now"))
                    .optional("datefulfilled", dateTime("the shipping date"))
                    .build())
            .rateLimit(SERVICE_PROTECTION).build();

    /**
     * UNCONFIRMED (api-contracts §3): Dataverse has no standard general-ledger entity; the {@code jnc_journallines}
     * table is a Junction choice (see {@link JournalLines}).
     */
    static final OperationDescriptor WRITE_JOURNAL_LINES = OperationDescriptor.action("writeJournalLines",
                    "Write journal lines", "Writes balanced journal lines (e.g. a settlement reconciliation's) to a "
                            + "journal-line table, each upserted by its line reference, so writing the same journal "
                            + "again changes the same records. The table jnc_journallines is a Junction choice: "
                            + "Dataverse has no standard general-ledger entity")
            .input(object()
                    .optional("entitySet", Schemas.pattern("the journal-line entity set (default jnc_journallines)",
                            COLUMN))
                    .required("lines", Schemas.with(Schemas.array("the journal lines", object()
                            .required("lineRef", string("the line's unique reference (the alternate key)", 100))
                            .required("journal", string("the journal, e.g. the settlement id", 100))
                            .optional("entryRef", string("the journal entry the line belongs to", 100))
                            .required("account", string("the general-ledger account", 100))
                            .optional("accountName", string("the account's name", 200))
                            .required("debit", Schemas.pattern("debit in major units, e.g. 12.50", DECIMAL))
                            .required("credit", Schemas.pattern("credit in major units, e.g. 0.00", DECIMAL))
                            .required("currency", Schemas.pattern("ISO 4217 code", "^[A-Z]{3}$"))
                            .required("postingDate", dateOrTime("the posting date"))
                            .optional("description", string("what the line is", 500))
                            .build()), "minItems", 1))
                    .keyword("x-check", "lines[].postingDate is a date or date-time; debit and credit not negative")
                    .keyword("examples", List.of(Map.of("lines", List.of(
                            Map.of("lineRef", "24288000001-1-1", "journal", "24288000001", "account", "1200",
                                    "debit", "95.00", "credit", "0.00", "currency", "GBP",
                                    "postingDate", "2026-11-24"),
                            Map.of("lineRef", "24288000001-1-2", "journal", "24288000001", "account", "4000",
                                    "debit", "0.00", "credit", "95.00", "currency", "GBP",
                                    "postingDate", "2026-11-24")))))
                    .build())
            .output(object()
                    .required("entitySet", string("where the lines were written"))
                    .required("written", integer("lines written"))
                    .required("created", integer("lines created"))
                    .required("updated", integer("lines that existed and were updated"))
                    .required("lines", Schemas.array("per line", object()
                            .required("lineRef", string("the line's reference"))
                            .optional("id", string("the record's id"))
                            .required("created", bool("whether it was created"))
                            .build()))
                    .build())
            .rateLimit(SERVICE_PROTECTION).build();

    static ConnectorDescriptor descriptor(List<OperationDescriptor> operations) {
        return new ConnectorDescriptor("dataverse", "Dynamics 365 / Dataverse", "1.0.0", "vaadin:building",
                "Sales orders, contacts and products in a Dynamics 365 environment through the Dataverse Web API"
                        + " v9.2, signed in as an application user (OAuth 2.0 client credentials).",
                ConnectorDescriptor.AuthKind.OAUTH2_CLIENT_CREDENTIALS, settings(), operations);
    }

    private static List<SettingField> settings() {
        return List.of(
                SettingField.url(DataverseSettings.ORGANIZATION_URL, "Organisation URL",
                        "The environment's URL, e.g. https://contoso.crm4.dynamics.com", null),
                SettingField.url(DataverseSettings.AUTHORITY_URL, "Authority URL",
                        "The Microsoft identity platform; change only for a national cloud",
                        DataverseSettings.DEFAULT_AUTHORITY),
                SettingField.text(DataverseSettings.TENANT_ID, "Tenant (directory) id",
                        "The Entra ID tenant of the app registration: a GUID or a domain", true, null),
                SettingField.text(DataverseSettings.CLIENT_ID, "Client (application) id",
                        "The app registration's id; it must be an application user of the environment with a"
                                + " security role", true, null),
                SettingField.secret(DataverseSettings.CLIENT_SECRET, "Client secret",
                        "A client secret value of the app registration (not its secret id)", true));
    }

    private static Map<String, Object> orderAction(Map<String, Object> status, String exampleOrderNumber) {
        return object()
                .optional("salesorderid", guid("the order's id"))
                .optional("ordernumber", string("or its number"))
                .optional("status", status)
                .optional("subject", string("the closing activity's subject"))
                .optional("description", string("the closing activity's description"))
                .keyword("x-check", "salesorderid or ordernumber is required")
                .keyword("examples", List.of(Map.of("ordernumber", exampleOrderNumber)))
                .build();
    }

    /**
     * An ISO 8601 date-time, or a date (midnight UTC): what the operations' OData literals are made of. (The
     * descriptor said {@code format: date-time} while the code took dates too.)
     */
    private static Map<String, Object> dateOrTime(String description) {
        return Schemas.pattern(description + ": an ISO 8601 date-time such as 2026-11-23T16:42:07Z, or a date",
                "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2}))?$");
    }

    private static Map<String, Object> salesOrder() {
        return VendorSchemas.of("dataverse/salesorder");
    }

    private static Map<String, Object> record() {
        return anyObject("The record's columns as the Web API answers them, with @odata.etag");
    }

    private static Map<String, Object> columnValues() {
        return anyObject("Columns to write (at least one); lookups as '<navigation>@odata.bind': "
                + "'/<entityset>(<id>)'");
    }

    private static Map<String, Object> entitySet() {
        return Schemas.oneOf("the entity set", EntitySets.names());
    }

    private static Map<String, Object> guid(String description) {
        return Schemas.with(Schemas.pattern(description + " (a GUID)", GUID), "format", "uuid");
    }

    /** Column names, as a list or one name. */
    private static Map<String, Object> columns(String description) {
        return Schemas.with(Schemas.with(Schemas.array(description + "; a list or one name",
                Schemas.pattern("a column", COLUMN)), "type", List.of("array", "string")), "pattern", COLUMN);
    }

    private static Map<String, Object> closed() {
        return object()
                .required("salesorderid", string("the order's id"))
                .optional("ordernumber", string("its number"))
                .required("alreadyDone", bool("true when it was closed before"))
                .required("statecode", integer("its state now"))
                .required("statuscode", integer("its status now"))
                .build();
    }
}
