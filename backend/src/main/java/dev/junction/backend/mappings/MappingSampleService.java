package dev.junction.backend.mappings;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.engine.mapping.SampleGenerator;
import dev.junction.engine.mapping.SampleParser;
import dev.junction.engine.mapping.SchemaCatalog;
import dev.junction.engine.mapping.SchemaInference;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.Map;

/**
 * Samples and schemas the mapping editor works with when no real record is at hand: a sample parsed from an
 * uploaded file (JSON, XML or CSV; at most 1 MiB, like a preview), a JSON Schema inferred from a sample, a sample
 * generated from a schema (a shipped schema's id or a JSON Schema). Nothing is stored and nothing leaves the process,
 * so every signed-in role may use them (VIEWER and OPERATOR preview with their own samples).
 */
@Service
public class MappingSampleService {

    private final SchemaCatalog schemas;

    MappingSampleService(SchemaCatalog schemas) {
        this.schemas = schemas;
    }

    /** The sample in a file's text, or why the text is not one (format, place, what is wrong). */
    @PreAuthorize("isAuthenticated()")
    public SampleParser.Parsed parse(String format, String text) {
        return SampleParser.parse(format, text);
    }

    @PreAuthorize("isAuthenticated()")
    public Map<String, Object> inferSchema(Object sample) {
        return SchemaInference.infer(sample);
    }

    /** A sample of a shipped schema (by id) or of a JSON Schema; refuses anything else naming {@code schema}. */
    @PreAuthorize("isAuthenticated()")
    @SuppressWarnings("unchecked")
    public Object generate(Object schema) {
        if (schema instanceof String id) {
            return SampleGenerator.generate(schemas.find(id).orElseThrow(() -> new InvalidInputException("schema",
                    "'" + id + "' is not a shipped schema; known: " + schemas.ids())));
        }
        if (schema instanceof Map<?, ?> jsonSchema) {
            return SampleGenerator.generate((Map<String, Object>) jsonSchema);
        }
        throw new InvalidInputException("schema", "is required: a schema id such as sp-api/Order, or a JSON Schema");
    }
}
