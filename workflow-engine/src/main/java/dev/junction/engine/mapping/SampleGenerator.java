package dev.junction.engine.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sample record made from a JSON Schema, to preview a mapping before any real record is at hand: every property
 * (required or not) with a plausible value of its type — the schema's {@code const}, {@code default}, first
 * {@code examples} entry or first {@code enum} value when it has one; else a value fitting its {@code format}
 * (date-time, date, email, uri, uuid), its bounds ({@code minimum}/{@code maximum}, {@code minLength}/
 * {@code maxLength}, {@code minItems}) and, for text, its name (a currency, a country, an e-mail address, a
 * postcode …). {@code $ref}s to the schema's own {@code #/$defs} (or {@code #/definitions}) are followed; a
 * recursive one ends in {@code null} after {@value #MAX_DEPTH} levels. Arrays get one element (or
 * {@code minItems}, up to three).
 */
public final class SampleGenerator {

    static final int MAX_DEPTH = 12;

    private final Map<String, Object> root;

    private SampleGenerator(Map<String, Object> root) {
        this.root = root;
    }

    /** A sample value of the schema. */
    public static Object generate(Map<String, Object> schema) {
        return new SampleGenerator(schema).value(schema, "", 0);
    }

    private Object value(Map<String, Object> schema, String name, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (schema.get("$ref") instanceof String ref) {
            Map<String, Object> target = resolve(ref);
            return target == null ? null : value(target, name, depth + 1);
        }
        if (schema.containsKey("const")) {
            return schema.get("const");
        }
        if (schema.containsKey("default")) {
            return schema.get("default");
        }
        if (schema.get("examples") instanceof List<?> examples && !examples.isEmpty()) {
            return examples.getFirst();
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.getFirst();
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.get(choice) instanceof List<?> options && !options.isEmpty()) {
                Map<String, Object> first = firstNotNull(options);
                if (first != null) {
                    return value(first, name, depth + 1);
                }
            }
        }
        if (schema.get("allOf") instanceof List<?> parts && !parts.isEmpty()) {
            return value(mergedAllOf(schema, parts), name, depth + 1);
        }
        return switch (typeOf(schema)) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, name, depth);
            case "integer" -> integer(schema);
            case "number" -> number(schema);
            case "boolean" -> true;
            case "null" -> null;
            case "string" -> text(schema, name);
            default -> null;
        };
    }

    private Map<String, Object> object(Map<String, Object> schema, int depth) {
        Map<String, Object> record = new LinkedHashMap<>();
        map(schema.get("properties")).forEach((property, propertySchema) ->
                record.put(property, value(map(propertySchema), property, depth + 1)));
        return record;
    }

    private List<Object> array(Map<String, Object> schema, String name, int depth) {
        int count = schema.get("minItems") instanceof Number min ? Math.max(1, Math.min(3, min.intValue())) : 1;
        Map<String, Object> items = map(schema.get("items"));
        List<Object> elements = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            elements.add(value(items, singular(name), depth + 1));
        }
        return elements;
    }

    private static long integer(Map<String, Object> schema) {
        long value = 1;
        if (schema.get("minimum") instanceof Number min) {
            value = Math.max(value, (long) Math.ceil(min.doubleValue()));
        }
        if (schema.get("exclusiveMinimum") instanceof Number min) {
            value = Math.max(value, (long) Math.floor(min.doubleValue()) + 1);
        }
        if (schema.get("maximum") instanceof Number max) {
            value = Math.min(value, (long) Math.floor(max.doubleValue()));
        }
        return value;
    }

    private static double number(Map<String, Object> schema) {
        double value = 12.34;
        if (schema.get("minimum") instanceof Number min && value < min.doubleValue()) {
            value = min.doubleValue();
        }
        if (schema.get("maximum") instanceof Number max && value > max.doubleValue()) {
            value = max.doubleValue();
        }
        return value;
    }

    private static String text(Map<String, Object> schema, String name) {
        String text = switch (String.valueOf(schema.get("format"))) {
            case "date-time" -> "2026-01-15T09:30:00Z";
            case "date" -> "2026-01-15";
            case "time" -> "09:30:00";
            case "email" -> "jane@example.com";
            case "uri", "url" -> "https://example.com/";
            case "uuid" -> "3f2a6c1e-8b4d-4e2f-9a7c-1d5e8f0b2c4a";
            default -> byName(name);
        };
        if (schema.get("maxLength") instanceof Number max && text.length() > max.intValue()) {
            text = text.substring(0, Math.max(0, max.intValue()));
        }
        if (schema.get("minLength") instanceof Number min && text.length() < min.intValue()) {
            text = text + "x".repeat(min.intValue() - text.length());
        }
        return text;
    }

    /** A plausible text for a field of that name. */
    private static String byName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("currency")) {
            return "GBP";
        }
        if (lower.contains("country")) {
            return "GB";
        }
        if (lower.contains("email")) {
            return "jane@example.com";
        }
        if (lower.contains("postcode") || lower.contains("postalcode") || lower.contains("postal_code")
                || lower.contains("zip")) {
            return "LS1 1AA";
        }
        if (lower.contains("phone") || lower.contains("telephone")) {
            return "+44 113 496 0000";
        }
        if (lower.contains("city")) {
            return "Leeds";
        }
        if (lower.contains("date") || name.endsWith("At")) {
            return "2026-01-15T09:30:00Z";
        }
        if (lower.equals("id") || lower.endsWith("id")) {
            return name.isEmpty() ? "1" : name + "-1";
        }
        if (lower.contains("amount") || lower.contains("price") || lower.contains("total")) {
            return "12.34";
        }
        if (lower.contains("name")) {
            return "Jane Example";
        }
        return name.isEmpty() ? "text" : name + " text";
    }

    private static String singular(String name) {
        return name.endsWith("s") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }

    private static String typeOf(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof String text) {
            return text;
        }
        if (type instanceof List<?> types) {
            return types.stream().filter(each -> !"null".equals(each)).map(String::valueOf).findFirst()
                    .orElse("null");
        }
        if (schema.containsKey("properties")) {
            return "object";
        }
        if (schema.containsKey("items")) {
            return "array";
        }
        return "";
    }

    private Map<String, Object> resolve(String ref) {
        for (String prefix : List.of("#/$defs/", "#/definitions/")) {
            if (ref.startsWith(prefix)) {
                Object defs = root.get(prefix.substring(2, prefix.length() - 1));
                Object target = map(defs).get(ref.substring(prefix.length()));
                return target instanceof Map<?, ?> ? map(target) : null;
            }
        }
        return "#".equals(ref) ? root : null;
    }

    private static Map<String, Object> firstNotNull(List<?> options) {
        return options.stream().map(SampleGenerator::map)
                .filter(option -> !"null".equals(option.get("type")))
                .findFirst().orElse(null);
    }

    private Map<String, Object> mergedAllOf(Map<String, Object> schema, List<?> parts) {
        Map<String, Object> merged = new LinkedHashMap<>(schema);
        merged.remove("allOf");
        Map<String, Object> properties = new LinkedHashMap<>(map(schema.get("properties")));
        for (Object part : parts) {
            Map<String, Object> partSchema = map(part).get("$ref") instanceof String ref && resolve(ref) != null
                    ? resolve(ref) : map(part);
            partSchema.forEach((key, value) -> {
                if (!"properties".equals(key)) {
                    merged.putIfAbsent(key, value);
                }
            });
            properties.putAll(map(partSchema.get("properties")));
        }
        if (!properties.isEmpty()) {
            merged.put("properties", properties);
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
