package dev.junction.engine.mapping.schemas;

import dev.junction.engine.mapping.SchemaCatalog;
import dev.junction.engine.json.PayloadJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON Schemas Junction ships for mappings ({@code junction/schemas/<group>/<Name>.schema.json}): the canonical
 * model and the remote shapes the connectors speak, by id ({@code sp-api/Order}).
 */
public final class ShippedSchemas implements SchemaCatalog {

    /** Every shipped schema's id; each is a file under junction/schemas/. */
    public static final List<String> IDS = List.of("canonical/Order", "canonical/PaymentTransaction",
            "canonical/Refund", "canonical/SettlementLine", "canonical/Shipment", "dataverse/contact",
            "dataverse/salesorder", "dataverse/salesorder-update", "dataverse/salesorderdetail",
            "opayo/TransactionRequest", "opayo/TransactionResponse", "sp-api/CreateFulfillmentOrderRequest",
            "sp-api/FulfillmentOrder", "sp-api/Order", "sp-api/OrderItem");
    private static final ShippedSchemas INSTANCE = new ShippedSchemas();

    private final Map<String, Map<String, Object>> schemas = new TreeMap<>();

    private ShippedSchemas() {
        for (String id : IDS) {
            String resource = "/junction/schemas/" + id + ".schema.json";
            try (InputStream in = ShippedSchemas.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the classpath");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> schema = (Map<String, Object>) PayloadJson.read(
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
                schemas.put(id, schema);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static ShippedSchemas instance() {
        return INSTANCE;
    }

    @Override
    public Optional<Map<String, Object>> find(String id) {
        return Optional.ofNullable(schemas.get(id));
    }

    @Override
    public List<String> ids() {
        return List.copyOf(schemas.keySet());
    }
}
