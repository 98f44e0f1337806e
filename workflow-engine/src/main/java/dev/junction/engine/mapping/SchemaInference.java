package dev.junction.engine.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON Schema inferred from a sample record, for a mapping's source or target when no schema is at hand: objects
 * with their properties in the sample's order, arrays with one item schema merged from all their elements (an
 * element missing a field makes it optional, whole numbers and decimals make {@code number}), text as
 * {@code string} (with {@code format} {@code date-time} or {@code date} when every value is one), a {@code null}
 * as any value. Fields present in every element of an array (or in the one record) are {@code required}.
 */
public final class SchemaInference {

    private SchemaInference() {
    }

    /** The schema of one sample value (usually a record: an object). */
    public static Map<String, Object> infer(Object sample) {
        return schemaOf(sample);
    }

    private static Map<String, Object> schemaOf(Object value) {
        Map<String, Object> schema = new LinkedHashMap<>();
        switch (value) {
            case null -> {
                // a null says nothing about the type: any value
            }
            case Map<?, ?> map -> {
                schema.put("type", "object");
                Map<String, Object> properties = new LinkedHashMap<>();
                map.forEach((key, field) -> properties.put(String.valueOf(key), schemaOf(field)));
                schema.put("properties", properties);
                List<String> required = map.entrySet().stream().filter(entry -> entry.getValue() != null)
                        .map(entry -> String.valueOf(entry.getKey())).toList();
                if (!required.isEmpty()) {
                    schema.put("required", required);
                }
            }
            case List<?> list -> {
                schema.put("type", "array");
                Map<String, Object> items = null;
                for (Object element : list) {
                    Map<String, Object> elementSchema = schemaOf(element);
                    items = items == null ? elementSchema : merge(items, elementSchema);
                }
                schema.put("items", items == null ? Map.of() : items);
            }
            case Boolean bool -> schema.put("type", "boolean");
            case Long number -> schema.put("type", "integer");
            case Integer number -> schema.put("type", "integer");
            case Short number -> schema.put("type", "integer");
            case java.math.BigInteger number -> schema.put("type", "integer");
            case Number number -> schema.put("type", "number");
            case String text -> {
                schema.put("type", "string");
                String format = formatOf(text);
                if (format != null) {
                    schema.put("format", format);
                }
            }
            default -> schema.put("type", "string");
        }
        return schema;
    }

    private static String formatOf(String text) {
        if (text.length() >= 16 && text.length() <= 40 && Character.isDigit(text.charAt(0))) {
            try {
                OffsetDateTime.parse(text);
                return "date-time";
            } catch (DateTimeParseException e) {
                // not a date-time
            }
        }
        if (text.length() == 10 && Character.isDigit(text.charAt(0))) {
            try {
                LocalDate.parse(text);
                return "date";
            } catch (DateTimeParseException e) {
                // not a date
            }
        }
        return null;
    }

    /** One schema for two values at the same place (two elements of an array). */
    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        Object typeA = a.get("type");
        Object typeB = b.get("type");
        if ("object".equals(typeA) && "object".equals(typeB)) {
            return mergeObjects(a, b);
        }
        if ("array".equals(typeA) && "array".equals(typeB)) {
            Map<String, Object> merged = new LinkedHashMap<>(a);
            merged.put("items", merge(cast(a.get("items")), cast(b.get("items"))));
            return merged;
        }
        if (typeA != null && typeA.equals(typeB)) {
            Map<String, Object> merged = new LinkedHashMap<>(a);
            if (a.containsKey("format") && !a.get("format").equals(b.get("format"))) {
                merged.remove("format");
            }
            return merged;
        }
        Set<Object> types = new LinkedHashSet<>(List.of(typeA, typeB));
        if (types.equals(Set.of("integer", "number"))) {
            return new LinkedHashMap<>(Map.of("type", "number"));
        }
        return new LinkedHashMap<>();
    }

    private static Map<String, Object> mergeObjects(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> propertiesA = cast(a.get("properties"));
        Map<String, Object> propertiesB = cast(b.get("properties"));
        Map<String, Object> properties = new LinkedHashMap<>(propertiesA);
        propertiesB.forEach((name, schema) -> properties.merge(name, schema,
                (left, right) -> merge(cast(left), cast(right))));
        List<Object> required = new ArrayList<>(requiredOf(a));
        required.retainAll(requiredOf(b));
        Map<String, Object> merged = new LinkedHashMap<>();
        merged.put("type", "object");
        merged.put("properties", properties);
        if (!required.isEmpty()) {
            merged.put("required", required);
        }
        return merged;
    }

    private static List<?> requiredOf(Map<String, Object> schema) {
        return schema.get("required") instanceof List<?> list ? list : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
