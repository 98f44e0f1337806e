package dev.junction.connectors.dataverse;

import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.connectors.OperationDescriptor.Kind;
import dev.junction.engine.connectors.OperationDescriptor.RateLimit;
import dev.junction.engine.connectors.SettingField;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the catalog shows of the Dataverse connector: its connection form and its operations with their schemas. */
final class DataverseDescriptor {

    /**
     * The service protection limits of api-contracts §3.10 as a token bucket per connection: 6000 requests in a
     * 300-second window is 20 per second on average; the burst is the 52 concurrent requests the service allows
     * at once. (The execution-time limit cannot be expressed as a rate.)
     */
    static final RateLimit SERVICE_PROTECTION = new RateLimit(20.0, 52);

    private DataverseDescriptor() {
    }

    static ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor("dataverse", "Dynamics 365 / Dataverse", "1.0.0", "vaadin:building",
                "Sales orders, contacts and products in a Dynamics 365 environment through the Dataverse Web API"
                        + " v9.2, signed in as an application user (OAuth 2.0 client credentials).",
                ConnectorDescriptor.AuthKind.OAUTH2_CLIENT_CREDENTIALS, settings(), operations());
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

    private static List<OperationDescriptor> operations() {
        Map<String, Object> order = object("A salesorder in the shape of the dataverse/salesorder schema, with"
                + " @odata.etag");
        Map<String, Object> record = object("The record's columns as the Web API answers them, with @odata.etag");
        Map<String, Object> columns = object("Columns to write; lookups as '<navigation>@odata.bind':"
                + " '/<entityset>(<id>)'");
        Map<String, Object> entitySet = Map.of("type", "string", "enum", EntitySets.names());
        Map<String, Object> guid = Map.of("type", "string", "format", "uuid");
        Map<String, Object> dateTime = Map.of("type", "string", "format", "date-time");
        Map<String, Object> names = Map.of("type", "array", "items", Map.of("type", "string",
                "pattern", "^[a-z_][a-z0-9_]*$"));
        Map<String, Object> orderRef = properties(List.of(), "salesorderid", guid, "ordernumber",
                Map.of("type", "string"));
        return List.of(
                action("querySalesOrders", "Query sales orders",
                        "Sales orders matching state, status, modification time, order number or customer, oldest"
                                + " change first, with lines and products; follows the next-page links up to"
                                + " maxPages within the step's deadline",
                        properties(List.of(), "statecode", Map.of("type", "integer", "enum", List.of(0, 1, 2, 3, 4)),
                                "statuscode", Map.of("type", "integer"), "modifiedAfter", dateTime,
                                "modifiedBefore", dateTime, "ordernumber", Map.of("type", "string"),
                                "customerId", guid, "select", names, "includeDetails", Map.of("type", "boolean"),
                                "pageSize", Map.of("type", "integer", "minimum", 1, "maximum", 5000),
                                "maxPages", Map.of("type", "integer", "minimum", 1, "maximum", 100)),
                        properties(List.of("orders", "complete"), "orders", Map.of("type", "array", "items", order),
                                "complete", Map.of("type", "boolean"), "nextLink", Map.of("type", "string")),
                        null),
                new OperationDescriptor("pollSalesOrders", "New and changed sales orders",
                        "Change tracking on salesorders: the first poll answers every order and the delta link;"
                                + " later polls answer what changed since, deletions as records with deleted: true",
                        Kind.POLL,
                        properties(List.of(), "cursor", Map.of("type", List.of("string", "null")),
                                "statecode", Map.of("type", "integer"), "select", names,
                                "includeDetails", Map.of("type", "boolean"),
                                "pageSize", Map.of("type", "integer", "minimum", 1, "maximum", 5000),
                                "maxPages", Map.of("type", "integer", "minimum", 1, "maximum", 100)),
                        properties(List.of("records", "cursor"), "records", Map.of("type", "array", "items",
                                properties(List.of("key", "data"), "key", Map.of("type", "string"), "data", order)),
                                "cursor", Map.of("type", "string")),
                        SERVICE_PROTECTION, null),
                action("getRecord", "Get a record", "One record of an entity set by its id",
                        properties(List.of("entitySet", "id"), "entitySet", entitySet, "id", guid, "select", names,
                                "expand", names),
                        record, null),
                action("createRecord", "Create a record", "Creates a record (not idempotent: use"
                                + " upsertByAlternateKey when a retry must not create a second one)",
                        properties(List.of("entitySet", "record"), "entitySet", entitySet, "record", columns),
                        record, null),
                action("updateRecord", "Update a record", "Changes the given columns; with an etag only if the"
                                + " record was not changed since (412 → Conflict)",
                        properties(List.of("entitySet", "id", "record"), "entitySet", entitySet, "id", guid,
                                "record", columns, "etag", Map.of("type", "string", "description",
                                        "W/\"<version>\" as read in @odata.etag")),
                        record, null),
                action("upsertByAlternateKey", "Create or update by alternate key",
                        "PATCH on entityset(key='value'): creates the record or updates it, so a retry writes the"
                                + " same record; the key must be defined as an alternate key in the environment",
                        properties(List.of("entitySet", "keyField", "record"), "entitySet", entitySet,
                                "keyField", Map.of("type", "string", "pattern", "^[a-z_][a-z0-9_]*$"),
                                "keyValue", Map.of("type", "string", "description",
                                        "filled with the step's idempotency key when empty"),
                                "record", columns, "mode", Map.of("type", "string", "enum",
                                        List.of("upsert", "updateOnly", "createOnly"))),
                        properties(List.of("created", "record"), "created", Map.of("type", "boolean"),
                                "record", record),
                        "keyValue"),
                action("findOrCreateContact", "Find or create a contact",
                        "The contact with this e-mail address, created when there is none (a retry finds the one"
                                + " created before)",
                        properties(List.of("emailaddress1"), "emailaddress1", Map.of("type", "string",
                                        "maxLength", 100), "firstname", Map.of("type", "string"),
                                "lastname", Map.of("type", "string"), "telephone1", Map.of("type", "string"),
                                "address1_line1", Map.of("type", "string"), "address1_city", Map.of("type", "string"),
                                "address1_postalcode", Map.of("type", "string"),
                                "address1_country", Map.of("type", "string")),
                        properties(List.of("created", "contact"), "created", Map.of("type", "boolean"),
                                "contact", record),
                        null),
                action("findProductByNumber", "Find a product by number",
                        "The product with this product number (the SKU mapping's natural key)",
                        properties(List.of("productnumber"), "productnumber", Map.of("type", "string",
                                "maxLength", 100)),
                        properties(List.of("found"), "found", Map.of("type", "boolean"), "product", record),
                        null),
                action("fulfillSalesOrder", "Fulfil a sales order",
                        "FulfillSalesOrder: closes the order as Fulfilled (status 100001 Complete or 100002"
                                + " Partial); an order fulfilled already answers alreadyDone",
                        withFields(orderRef, "status", Map.of("type", "integer", "enum", List.of(100001, 100002)),
                                "subject", Map.of("type", "string"), "description", Map.of("type", "string")),
                        closed(), null),
                action("cancelSalesOrder", "Cancel a sales order",
                        "CancelSalesOrder: closes the order as Canceled (status 4 No Money); an order cancelled"
                                + " already answers alreadyDone",
                        withFields(orderRef, "status", Map.of("type", "integer", "enum", List.of(4)),
                                "subject", Map.of("type", "string"), "description", Map.of("type", "string")),
                        closed(), null),
                action("writeShipmentTracking", "Write shipment tracking",
                        "Writes the shipping date to datefulfilled and appends the carrier and tracking numbers to"
                                + " the order's description, once (a retry changes nothing)",
                        withFields(orderRef, "trackingNumbers", Map.of("type", List.of("array", "string"),
                                        "items", Map.of("type", "string")), "carrier", Map.of("type", "string"),
                                "shippedAt", dateTime),
                        properties(List.of("salesorderid", "changed"), "salesorderid", guid,
                                "ordernumber", Map.of("type", "string"), "changed", Map.of("type", "boolean"),
                                "description", Map.of("type", "string"), "datefulfilled", dateTime),
                        null));
    }

    private static OperationDescriptor action(String id, String name, String description, Map<String, Object> input,
                                              Map<String, Object> output, String idempotencyKeyField) {
        return new OperationDescriptor(id, name, description, Kind.ACTION, input, output, SERVICE_PROTECTION,
                idempotencyKeyField);
    }

    private static Map<String, Object> closed() {
        return properties(List.of("salesorderid", "alreadyDone", "statecode", "statuscode"),
                "salesorderid", Map.of("type", "string"), "ordernumber", Map.of("type", "string"),
                "alreadyDone", Map.of("type", "boolean"), "statecode", Map.of("type", "integer"),
                "statuscode", Map.of("type", "integer"));
    }

    private static Map<String, Object> object(String description) {
        return Map.of("type", "object", "description", description);
    }

    private static Map<String, Object> properties(List<String> required, Object... nameSchemaPairs) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < nameSchemaPairs.length; i += 2) {
            properties.put((String) nameSchemaPairs[i], nameSchemaPairs[i + 1]);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withFields(Map<String, Object> schema, Object... nameSchemaPairs) {
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) schema.get("properties"));
        for (int i = 0; i < nameSchemaPairs.length; i += 2) {
            properties.put((String) nameSchemaPairs[i], nameSchemaPairs[i + 1]);
        }
        copy.put("properties", properties);
        return copy;
    }
}
