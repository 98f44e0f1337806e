package dev.junction.connectors.schema;

import dev.junction.engine.mapping.SchemaCatalog;
import dev.junction.engine.mapping.schemas.ResourceSchemas;
import dev.junction.engine.schema.Schemas;

import java.util.Map;

/**
 * The remote shapes the connectors answer (an SP-API {@code Order}, an Opayo transaction, a Dataverse salesorder),
 * shipped here beside the connectors ({@code junction/schemas/<group>/<Name>.schema.json}), by
 * the id the mapping schema catalog knows them under ({@code sp-api/Order}): an operation's output schema is the
 * shape itself, marked with that id ({@code $id}), so the mapping editor can offer the previous step's fields.
 */
public final class VendorSchemas {

    /** Every remote shape the connectors ship: the files {@code junction/schemas/vendor-schemas.txt} lists. */
    private static final ResourceSchemas CATALOG = ResourceSchemas.indexed(VendorSchemas.class.getClassLoader(),
            "vendor-schemas.txt");

    private VendorSchemas() {
    }

    /** The remote shapes, for the mapping schema catalog (beside the engine's canonical ones). */
    public static SchemaCatalog catalog() {
        return CATALOG;
    }

    /** The shipped schema of that id, with {@code $id} set to it. */
    public static Map<String, Object> of(String id) {
        Map<String, Object> schema = CATALOG.find(id).orElseThrow(() ->
                new IllegalArgumentException("no shipped schema " + id));
        return Schemas.with(schema, "$id", id);
    }
}
