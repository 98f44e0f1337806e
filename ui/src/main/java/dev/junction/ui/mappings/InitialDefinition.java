package dev.junction.ui.mappings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first version of a new mapping: no rules yet, and the schemas of its sides when known — a shipped schema's id
 * ({@code sp-api/Order}) or a JSON Schema inline. A side without a schema is left out (any shape; docs/mappings.md).
 */
public final class InitialDefinition {

    private InitialDefinition() {
    }

    /** {@code {schemaVersion: 1, source: {schema}, target: {schema}, rules: []}}; a null schema leaves its side out. */
    public static Map<String, Object> of(Object sourceSchema, Object targetSchema) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("schemaVersion", 1);
        if (sourceSchema != null) {
            definition.put("source", Map.of("schema", sourceSchema));
        }
        if (targetSchema != null) {
            definition.put("target", Map.of("schema", targetSchema));
        }
        definition.put("rules", List.of());
        return definition;
    }
}
