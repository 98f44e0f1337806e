package dev.junction.engine.mapping.model;

import dev.junction.engine.json.JsonValues;

import java.util.Map;
import java.util.Objects;

/** A mapping's source or target schema ({@code {"schema": …}}): a shipped schema's id, or a JSON Schema inline. */
public sealed interface SchemaReference {

    /** A schema of the catalog, e.g. {@code sp-api/Order} ({@code GET /api/v1/mappings/schemas}). */
    record ById(String id) implements SchemaReference {
        public ById {
            Objects.requireNonNull(id, "id");
        }
    }

    /** A JSON Schema written into the mapping. */
    record Inline(Map<String, Object> schema) implements SchemaReference {
        public Inline {
            schema = JsonValues.immutableObject(Objects.requireNonNull(schema, "schema"));
        }
    }
}
