package dev.junction.engine.mapping.functions;

import dev.junction.engine.mapping.ValueMapCatalog;
import dev.junction.engine.runs.PayloadJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The status maps Junction ships ({@code junction/value-maps.json}): Amazon order, FBA fulfillment and shipment and
 * Opayo statuses to the canonical vocabulary ({@code PENDING, AUTHORISED, PAID, PROCESSING, PARTIALLY_SHIPPED,
 * SHIPPED, DELIVERED, CANCELLED, FAILED, REFUNDED, ON_HOLD}), and Amazon statuses to Dataverse salesorder
 * {@code {statecode, statuscode}} pairs. Every one fails on a status it does not list, naming it.
 */
public final class ShippedValueMaps implements ValueMapCatalog {

    public static final List<String> CANONICAL_STATUSES = List.of("PENDING", "AUTHORISED", "PAID", "PROCESSING",
            "PARTIALLY_SHIPPED", "SHIPPED", "DELIVERED", "CANCELLED", "FAILED", "REFUNDED", "ON_HOLD");
    private static final ShippedValueMaps INSTANCE = new ShippedValueMaps();

    private final Map<String, ValueMap> maps = new TreeMap<>();

    private ShippedValueMaps() {
        try (InputStream in = ShippedValueMaps.class.getResourceAsStream("/junction/value-maps.json")) {
            if (in == null) {
                throw new IllegalStateException("junction/value-maps.json is missing from the classpath");
            }
            Map<?, ?> all = (Map<?, ?>) PayloadJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            all.forEach((name, json) -> maps.put((String) name, ValueMap.fromJson((String) name, (Map<?, ?>) json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ShippedValueMaps instance() {
        return INSTANCE;
    }

    @Override
    public Optional<ValueMap> find(String name) {
        return Optional.ofNullable(maps.get(name));
    }

    @Override
    public List<ValueMap> all() {
        return List.copyOf(maps.values());
    }
}
