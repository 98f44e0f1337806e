package dev.junction.backend.mappings;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.JsonBodies;
import dev.junction.engine.schema.JsonSchema;
import dev.junction.engine.mapping.SchemaCatalog;
import dev.junction.engine.mapping.functions.ShippedValueMaps;
import dev.junction.engine.mapping.suggest.MappingSuggester;
import dev.junction.engine.mapping.suggest.Suggestion;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Auto-map suggestions: {@code {"source": <schema id or JSON Schema>, "target": <schema id or JSON Schema>}} →
 * the proposed rules with their confidence and reasons, learning from the mappings saved in this instance, and the
 * same as mapping rules ready to paste.
 */
@RestController
class MappingSuggestionController {

    private final MappingSuggester suggester;
    private final SchemaCatalog schemas;
    private final MappingService mappings;

    MappingSuggestionController(MappingService mappings, SchemaCatalog schemas) {
        this.schemas = schemas;
        this.suggester = new MappingSuggester(schemas, ShippedValueMaps.instance());
        this.mappings = mappings;
    }

    /** The suggestions and the same as rules. */
    record Suggestions(List<Suggestion> suggestions, List<Map<String, Object>> rules) {
    }

    @PostMapping(value = "/api/v1/mappings/suggestions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'DESIGNER')")
    Suggestions suggest(@RequestBody String body) {
        Map<?, ?> fields = JsonBodies.object(body, "an object {\"source\": <schema>, \"target\": <schema>}",
                "source", "target");
        List<InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        Map<String, ?> source = schema(fields, "source", problems);
        Map<String, ?> target = schema(fields, "target", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Suggestion> suggestions = suggester.suggest(source, target, mappings.savedDefinitions());
        return new Suggestions(suggestions, MappingSuggester.toRules(suggestions));
    }

    @SuppressWarnings("unchecked")
    private Map<String, ?> schema(Map<?, ?> fields, String name, List<InvalidInputException.FieldProblem> problems) {
        Object value = fields.get(name);
        if (value instanceof String id) {
            Map<String, ?> found = schemas.find(id).orElse(null);
            if (found == null) {
                problems.add(new InvalidInputException.FieldProblem(name, "'" + id + "' is not a shipped schema;"
                        + " known: " + schemas.ids()));
            }
            return found;
        }
        if (value instanceof Map<?, ?> schema && "object".equals(schema.get("type"))) {
            Optional<String> unresolved = JsonSchema.unresolvedRef((Map<String, ?>) schema);
            if (unresolved.isPresent()) {
                problems.add(new InvalidInputException.FieldProblem(name, "$ref '" + unresolved.get()
                        + "' does not name an entry of this schema's #/$defs"));
                return null;
            }
            return (Map<String, ?>) schema;
        }
        problems.add(new InvalidInputException.FieldProblem(name, "is required: a schema id such as sp-api/Order,"
                + " or a JSON Schema of type object"));
        return null;
    }
}
