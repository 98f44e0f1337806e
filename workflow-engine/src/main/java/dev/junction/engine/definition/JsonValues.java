package dev.junction.engine.definition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Config values are plain JSON values: {@code String}, {@code Integer}/{@code Long}/{@code Double}/{@code
 * BigInteger}/{@code BigDecimal}, {@code Boolean}, {@code null}, {@code List} and {@code Map<String, Object>}.
 * This makes deep, unmodifiable, order-keeping copies of them (null values allowed).
 */
final class JsonValues {

    private JsonValues() {
    }

    static Map<String, Object> immutableObject(Map<String, ?> object) {
        if (object == null) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        object.forEach((key, value) -> copy.put(key, immutable(value)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object immutable(Object value) {
        if (value instanceof Map<?, ?> map) {
            return immutableObject((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(immutable(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
