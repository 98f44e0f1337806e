package dev.junction.engine.mapping.functions;

import java.util.Map;
import java.util.Objects;

/**
 * A value map for status harmonization (Amazon {@code Canceled} → canonical {@code CANCELLED}): entries, and an
 * explicit policy for values it does not list. Keys are compared as strings (numbers and booleans by their JSON
 * text), case-insensitively when {@code caseInsensitive}.
 *
 * <p>{@link #apply(Object)} answers the mapped value; an unlisted value under {@link Unmapped#ERROR} throws {@link FunctionException} with code {@code Unmapped} naming the
 * value and the map; {@link Unmapped#DEFAULT} answers {@code defaultValue}; {@link Unmapped#PASS_THROUGH} answers the
 * value unchanged. A null input answers null (the rule's {@code default} handles absence).
 */
public record ValueMap(String name, Map<String, Object> entries, Unmapped unmapped, Object defaultValue,
                       boolean caseInsensitive, String description) {

    public ValueMap {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unmapped, "unmapped");
        entries = entries.values().stream().anyMatch(java.util.Objects::isNull)
                ? java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries)) : Map.copyOf(entries);
    }

    public enum Unmapped {
        ERROR, DEFAULT, PASS_THROUGH;

        /** The JSON spelling: {@code error}, {@code default}, {@code passThrough}. */
        public String jsonName() {
            return switch (this) {
                case ERROR -> "error";
                case DEFAULT -> "default";
                case PASS_THROUGH -> "passThrough";
            };
        }
    }

    public Object apply(Object value) {
        if (value == null) {
            return null;
        }
        String key = key(value);
        Object mapped = lookup(key);
        if (mapped != null || entries.containsKey(key)) {
            return mapped;
        }
        return switch (unmapped) {
            case DEFAULT -> defaultValue;
            case PASS_THROUGH -> value;
            case ERROR -> throw new FunctionException("Unmapped", "the value " + Values.describe(value)
                    + " is not in value map '" + name + "'" + (entries.size() <= 12 ? " (it maps "
                    + String.join(", ", new java.util.TreeSet<>(entries.keySet())) + ")" : ""));
        };
    }

    private Object lookup(String key) {
        Object mapped = entries.get(key);
        if (mapped != null || !caseInsensitive) {
            return mapped;
        }
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String key(Object value) {
        return value instanceof java.math.BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString()
                : String.valueOf(value).strip();
    }

    /**
     * A value map from its JSON form {@code {"entries": {…}, "unmapped": "error"|"default"|"passThrough",
     * "default": …, "caseInsensitive": true, "description": "…"}}.
     *
     * @throws IllegalArgumentException naming the field that is wrong and what it must be
     */
    public static ValueMap fromJson(String name, Map<?, ?> json) {
        for (Object field : json.keySet()) {
            if (!java.util.Set.of("entries", "unmapped", "default", "caseInsensitive", "name", "description")
                    .contains(field)) {
                throw new IllegalArgumentException("unknown field '" + field + "': a value map has entries, unmapped,"
                        + " default, caseInsensitive");
            }
        }
        if (!(json.get("entries") instanceof Map<?, ?> entries) || entries.isEmpty()) {
            throw new IllegalArgumentException("entries must be an object of at least one value → value");
        }
        Object policy = json.get("unmapped") == null ? "error" : json.get("unmapped");
        Unmapped unmapped = java.util.Arrays.stream(Unmapped.values()).filter(u -> u.jsonName().equals(policy))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unmapped must be error, default or"
                        + " passThrough, not '" + policy + "'"));
        if (unmapped == Unmapped.DEFAULT && !json.containsKey("default")) {
            throw new IllegalArgumentException("default is required when unmapped is 'default'");
        }
        Object caseInsensitive = json.get("caseInsensitive");
        if (caseInsensitive != null && !(caseInsensitive instanceof Boolean)) {
            throw new IllegalArgumentException("caseInsensitive must be true or false");
        }
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        entries.forEach((key, value) -> copy.put(String.valueOf(key), value));
        if (json.get("description") != null && !(json.get("description") instanceof String)) {
            throw new IllegalArgumentException("description must be text");
        }
        return new ValueMap(name, java.util.Collections.unmodifiableMap(copy), unmapped, json.get("default"),
                Boolean.TRUE.equals(caseInsensitive), (String) json.get("description"));
    }
}
