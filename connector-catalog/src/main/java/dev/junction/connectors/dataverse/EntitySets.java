package dev.junction.connectors.dataverse;

import dev.junction.engine.connectors.ConnectorException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The entity sets the record operations may address (those of api-contracts §3.3) with their primary keys, and
 * the check that a record body only names columns, lookups to bind ({@code x@odata.bind: "/set(id)"}) and
 * navigation properties for deep insert.
 */
final class EntitySets {

    static final Map<String, String> PRIMARY_KEYS = primaryKeys();

    private static final Pattern BIND_VALUE = Pattern.compile("/?[a-z_]+\\(.+\\)");

    private EntitySets() {
    }

    private static Map<String, String> primaryKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("salesorders", "salesorderid");
        keys.put("salesorderdetails", "salesorderdetailid");
        keys.put("contacts", "contactid");
        keys.put("accounts", "accountid");
        keys.put("products", "productid");
        return keys;
    }

    static List<String> names() {
        return List.copyOf(PRIMARY_KEYS.keySet());
    }

    /** The entity set named by the input field, one of {@link #names()}. */
    static String entitySet(Inputs input, String field) throws ConnectorException {
        String name = input.requiredText(field);
        if (!PRIMARY_KEYS.containsKey(name)) {
            throw Inputs.invalid(field, "names the entity set '" + name + "', which is not one of " + names());
        }
        return name;
    }

    /** Checks a record body's field names (and bind values) so that nothing but columns reaches the API. */
    static Map<String, Object> record(Map<String, Object> record, String field) throws ConnectorException {
        if (record.isEmpty()) {
            throw Inputs.invalid(field, "has no columns");
        }
        for (Map.Entry<String, Object> entry : record.entrySet()) {
            String name = entry.getKey();
            if (name.endsWith("@odata.bind")) {
                OData.identifier(field, name.substring(0, name.length() - "@odata.bind".length()));
                if (entry.getValue() != null && !(entry.getValue() instanceof String bind
                        && BIND_VALUE.matcher(bind).matches())) {
                    throw Inputs.invalid(field, "binds '" + name + "' to something other than '/<entityset>(<id>)'");
                }
            } else if (!name.equals("@odata.type")) {
                OData.identifier(field, name);
            }
        }
        return record;
    }
}
