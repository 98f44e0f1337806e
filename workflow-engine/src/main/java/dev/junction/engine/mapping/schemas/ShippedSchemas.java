package dev.junction.engine.mapping.schemas;

import dev.junction.engine.mapping.SchemaCatalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical model the engine ships for mappings ({@code junction/schemas/canonical/<Name>.schema.json}), by id
 * ({@code canonical/Order}). The remote shapes (SP-API, Opayo, Dataverse) ship with the connectors that speak them;
 * a catalog of both is {@link SchemaCatalog#of(SchemaCatalog...)}.
 */
public final class ShippedSchemas implements SchemaCatalog {

    /** Every shipped schema's id; each is a file under junction/schemas/. */
    public static final List<String> IDS = List.of("canonical/Order", "canonical/PaymentTransaction",
            "canonical/Refund", "canonical/SettlementLine", "canonical/Shipment");
    private static final ShippedSchemas INSTANCE = new ShippedSchemas();

    private final ResourceSchemas schemas = ResourceSchemas.of(ShippedSchemas.class.getClassLoader(), IDS);

    private ShippedSchemas() {
    }

    public static ShippedSchemas instance() {
        return INSTANCE;
    }

    @Override
    public Optional<Map<String, Object>> find(String id) {
        return schemas.find(id);
    }

    @Override
    public List<String> ids() {
        return schemas.ids();
    }
}
