package dev.junction.connectors.dataverse;

import dev.junction.connectors.dataverse.DataverseApi.Request;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.connectors.idempotency.RequestComparison;
import dev.junction.engine.connectors.ConnectorException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Single records (api-contracts §3.7, §3.8): read, create, update with optimistic concurrency, upsert by alternate
 * key, and the two look-ups workflows need most — a contact by e-mail address (created when missing) and a
 * product by its product number.
 */
final class RecordOperations {

    static final List<String> CONTACT_COLUMNS = List.of("contactid", "firstname", "lastname", "fullname",
            "emailaddress1", "telephone1", "address1_line1", "address1_city", "address1_postalcode",
            "address1_country", "createdon");
    static final List<String> PRODUCT_COLUMNS = List.of("productid", "name", "productnumber", "statecode",
            "_defaultuomid_value", "_pricelevelid_value");
    private static final List<String> CONTACT_INPUTS = List.of("firstname", "lastname", "telephone1",
            "address1_line1", "address1_city", "address1_postalcode", "address1_country");

    private RecordOperations() {
    }

    static Map<String, Object> get(DataverseApi api, Inputs input) throws ConnectorException {
        String entitySet = EntitySets.entitySet(input, "entitySet");
        String id = OData.guid("id", input.requiredText("id"));
        StringBuilder target = new StringBuilder(entitySet).append('(').append(id).append(')');
        List<String> select = OData.identifiers("select", input.texts("select"));
        List<String> expand = OData.identifiers("expand", input.texts("expand"));
        String separator = "?";
        if (!select.isEmpty()) {
            target.append(separator).append("$select=").append(String.join(",", select));
            separator = "&";
        }
        if (!expand.isEmpty()) {
            target.append(separator).append("$expand=").append(String.join(",", expand));
        }
        return withoutContext(api.json(Request.get(target.toString())));
    }

    static Map<String, Object> create(DataverseApi api, Inputs input) throws ConnectorException {
        String entitySet = EntitySets.entitySet(input, "entitySet");
        Map<String, Object> record = EntitySets.record(input.object("record"), "record");
        Request request = DataverseApi.write("POST", entitySet, record, "return=representation");
        return withoutContext(api.json(request));
    }

    static Map<String, Object> update(DataverseApi api, Inputs input) throws ConnectorException {
        String entitySet = EntitySets.entitySet(input, "entitySet");
        String id = OData.guid("id", input.requiredText("id"));
        Map<String, Object> record = EntitySets.record(input.object("record"), "record");
        // If-Match: * when no etag is given: an update never creates the record by accident (api-contracts §3.8)
        String etag = input.text("etag").orElse("*");
        Request request = DataverseApi.write("PATCH", entitySet + "(" + id + ")", record, "return=representation")
                .with("If-Match", etag);
        RemoteResponse response = api.sendOnce(request);
        if (response.status() == 412) {
            throw conflict(response, request, entitySet, id, etag);
        }
        if (!response.ok()) {
            throw DataverseErrors.failure(response, request.describe());
        }
        return withoutContext(DataverseApi.json(response, request));
    }

    /**
     * PATCH on {@code entityset(key='value')}: creates or updates, so a retry writes the same record again. In
     * {@code createOnly} mode a record that exists already is another request's — unless the call may be a repeat
     * of this step ({@code possibleRepeat}) and the record holds exactly the columns this request writes: then it is
     * the one an earlier attempt created, and is answered as created.
     */
    static Map<String, Object> upsert(DataverseApi api, Inputs input, boolean possibleRepeat)
            throws ConnectorException {
        String entitySet = EntitySets.entitySet(input, "entitySet");
        String keyField = OData.identifier("keyField", input.requiredText("keyField"));
        String keyValue = input.requiredText("keyValue");
        Map<String, Object> record = EntitySets.record(input.object("record"), "record");
        String mode = input.text("mode").orElse("upsert");
        String target = entitySet + "(" + OData.alternateKey(keyField, keyValue) + ")";
        Request request = DataverseApi.write("PATCH", target, record, "return=representation");
        request = switch (mode) {
            case "upsert" -> request;
            case "updateOnly" -> request.with("If-Match", "*");
            case "createOnly" -> request.with("If-None-Match", "*");
            default -> throw new IllegalStateException("mode " + mode + " passed the input check");
        };
        RemoteResponse response = api.sendOnce(request);
        if (response.status() == 412 && mode.equals("createOnly")) {
            String exists = entitySet + " with " + keyField + " '" + keyValue + "' exists already (createOnly)";
            if (!possibleRepeat) {
                throw ConnectorException.permanentFailure("Conflict", exists + " and this step had never written"
                        + " it, so another request created it: " + DataverseErrors.error(response).describe(),
                        response.status(), response.body());
            }
            Map<String, Object> found = withoutContext(api.json(Request.get(target)));
            RequestComparison comparison = new RequestComparison();
            // a lookup bound with @odata.bind reads back as another column (_x_value): not compared
            record.forEach((column, value) -> {
                if (!column.contains("@")) {
                    comparison.field(column, value, found.get(column));
                }
            });
            if (!comparison.same()) {
                throw ConnectorException.permanentFailure("Conflict", exists + " and is not what this step writes,"
                        + " so another request created it — " + comparison.describe(), response.status(), null);
            }
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("created", true);
            output.put("record", found);
            return output;
        }
        if (!response.ok()) {
            throw DataverseErrors.failure(response, request.describe());
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("created", response.status() == 201);
        output.put("record", withoutContext(DataverseApi.json(response, request)));
        return output;
    }

    /** The contact with this e-mail address (the oldest when several), created from the input when there is none. */
    static Map<String, Object> findOrCreateContact(DataverseApi api, Inputs input) throws ConnectorException {
        String email = input.requiredText("emailaddress1");
        Map<String, Object> found = findContact(api, email);
        Map<String, Object> output = new LinkedHashMap<>();
        if (found != null) {
            output.put("created", false);
            output.put("contact", found);
            return output;
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("emailaddress1", email);
        for (String column : CONTACT_INPUTS) {
            input.text(column).ifPresent(value -> record.put(column, value));
        }
        Request create = DataverseApi.write("POST", "contacts?$select=" + String.join(",", CONTACT_COLUMNS), record,
                "return=representation");
        output.put("created", true);
        output.put("contact", withoutContext(api.json(create)));
        return output;
    }

    private static Map<String, Object> findContact(DataverseApi api, String email) throws ConnectorException {
        List<Object> contacts = SalesOrderQueries.values(api.json(Request.get("contacts?$select="
                + String.join(",", CONTACT_COLUMNS) + "&$filter=" + OData.queryEncode("emailaddress1 eq "
                + OData.text(email)) + "&$orderby=" + OData.queryEncode("createdon asc") + "&$top=1")));
        return contacts.isEmpty() ? null : plain(contacts.getFirst());
    }

    static Map<String, Object> findProductByNumber(DataverseApi api, Inputs input) throws ConnectorException {
        String productNumber = input.requiredText("productnumber");
        List<Object> products = SalesOrderQueries.values(api.json(Request.get("products?$select="
                + String.join(",", PRODUCT_COLUMNS) + "&$filter=" + OData.queryEncode("productnumber eq "
                + OData.text(productNumber)) + "&$top=2")));
        if (products.size() > 1) {
            throw ConnectorException.permanentFailure("Ambiguous", "more than one product has the product number '"
                    + productNumber + "'", null, null);
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("found", !products.isEmpty());
        output.put("product", products.isEmpty() ? null : plain(products.getFirst()));
        return output;
    }

    private static ConnectorException conflict(RemoteResponse response, Request request, String entitySet,
                                               String id, String etag) {
        return ConnectorException.permanentFailure("Conflict", request.describe() + ": the record " + entitySet + "("
                + id + ") no longer has the etag " + etag + " (it was changed since it was read): "
                + DataverseErrors.error(response).describe(), response.status(), response.body());
    }

    static Map<String, Object> withoutContext(Map<String, Object> record) {
        record.remove("@odata.context");
        return record;
    }

    private static Map<String, Object> plain(Object row) {
        Map<String, Object> record = new LinkedHashMap<>();
        if (row instanceof Map<?, ?> map) {
            map.forEach((key, value) -> record.put(String.valueOf(key), value));
        }
        return record;
    }
}
