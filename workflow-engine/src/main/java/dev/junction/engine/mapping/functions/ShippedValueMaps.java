package dev.junction.engine.mapping.functions;

import dev.junction.engine.mapping.ValueMapCatalog;
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
            List.copyOf(maps.values()).forEach(this::addFieldMaps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A map whose values are all objects (e.g. {@code {statecode, statuscode}} pairs) also answers each field on its
     * own, as {@code <name>.<field>}: a rule fills one target field.
     */
    private void addFieldMaps(ValueMap map) {
        if (map.entries().isEmpty() || !map.entries().values().stream().allMatch(value -> value instanceof Map<?, ?>)) {
            return;
        }
        java.util.Set<String> fields = new java.util.TreeSet<>();
        map.entries().values().forEach(value -> ((Map<?, ?>) value).keySet().forEach(key -> fields.add((String) key)));
        for (String field : fields) {
            Map<String, Object> entries = new java.util.LinkedHashMap<>();
            map.entries().forEach((key, value) -> entries.put(key, ((Map<?, ?>) value).get(field)));
            maps.put(map.name() + "." + field, new ValueMap(map.name() + "." + field, entries, map.unmapped(),
                    map.defaultValue() instanceof Map<?, ?> fallback ? fallback.get(field) : null,
                    map.caseInsensitive(), map.description() == null ? null
                    : map.description() + " (its " + field + ")"));
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
