package dev.junction.connectors.schema;

import dev.junction.engine.mapping.schemas.ShippedSchemas;
import dev.junction.engine.schema.Schemas;

import java.util.Map;

/**
 * The remote shapes the connectors answer (an SP-API {@code Order}, an Opayo transaction, a Dataverse salesorder), by
 * the id the mapping schema catalog knows them under ({@code sp-api/Order}): an operation's output schema is the
 * shape itself, marked with that id ({@code $id}), so the mapping editor can offer the previous step's fields.
 */
public final class VendorSchemas {

    private VendorSchemas() {
    }

    /** The shipped schema of that id, with {@code $id} set to it. */
    public static Map<String, Object> of(String id) {
        Map<String, Object> schema = ShippedSchemas.instance().find(id).orElseThrow(() ->
                new IllegalArgumentException("no shipped schema " + id));
        return Schemas.with(schema, "$id", id);
    }
}
