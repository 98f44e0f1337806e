package dev.junction.connectors.amazon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders of the JSON Schemas in the descriptor. */
final class Schemas {

    private Schemas() {
    }

    static Map<String, Object> object(List<String> required, Map<String, Object> properties) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    /** Properties by name, in order: {@code properties("a", string("…"), "b", integer("…"))}. */
    static Map<String, Object> properties(Object... namesAndSchemas) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            properties.put((String) namesAndSchemas[i], namesAndSchemas[i + 1]);
        }
        return properties;
    }

    static Map<String, Object> string(String description) {
        return Map.of("type", "string", "description", description);
    }

    static Map<String, Object> dateTime(String description) {
        return Map.of("type", "string", "format", "date-time", "description", description);
    }

    static Map<String, Object> integer(String description) {
        return Map.of("type", "integer", "description", description);
    }

    static Map<String, Object> bool(String description) {
        return Map.of("type", "boolean", "description", description);
    }

    static Map<String, Object> strings(String description) {
        return Map.of("type", "array", "items", Map.of("type", "string"), "description", description);
    }

    static Map<String, Object> objects(String description) {
        return Map.of("type", "array", "items", Map.of("type", "object"), "description", description);
    }

    static Map<String, Object> anyObject(String description) {
        return Map.of("type", "object", "description", description);
    }

    /** The output of a poll: records keyed by a business key, and the cursor to go on from. */
    static Map<String, Object> pollOutput(String keyDescription) {
        return object(List.of("records", "cursor"), properties(
                "records", Map.of("type", "array", "items", object(List.of("key", "data"), properties(
                        "key", string(keyDescription), "data", anyObject("the record")))),
                "cursor", string("where the next poll goes on")));
    }
}
