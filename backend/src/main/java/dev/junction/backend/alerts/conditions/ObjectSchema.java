package dev.junction.backend.alerts.conditions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a closed object schema with its properties in order (the order the rule form shows them in). */
final class ObjectSchema {

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required;

    private ObjectSchema(List<String> required) {
        this.required = required;
    }

    static ObjectSchema requiring(String... required) {
        return new ObjectSchema(List.of(required));
    }

    ObjectSchema property(String name, Map<String, Object> schema) {
        properties.put(name, schema);
        return this;
    }

    Map<String, Object> build() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", new LinkedHashMap<>(properties));
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }
}
