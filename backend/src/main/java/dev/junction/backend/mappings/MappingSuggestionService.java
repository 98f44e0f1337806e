package dev.junction.backend.mappings;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.engine.schema.JsonSchema;
import dev.junction.engine.mapping.SchemaCatalog;
import dev.junction.engine.mapping.functions.ShippedValueMaps;
import dev.junction.engine.mapping.suggest.MappingSuggester;
import dev.junction.engine.mapping.suggest.Suggestion;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Auto-map suggestions between two schemas (a shipped schema's id or a JSON Schema of type object), learning from the
 * mappings saved in this instance; the same as mapping rules. A schema that is neither is refused naming the side.
 */
@Service
public class MappingSuggestionService {

    private final MappingSuggester suggester;
    private final SchemaCatalog schemas;
    private final MappingService mappings;

    MappingSuggestionService(MappingService mappings, SchemaCatalog schemas) {
        this.schemas = schemas;
        this.suggester = new MappingSuggester(schemas, ShippedValueMaps.instance());
        this.mappings = mappings;
    }

    /** The suggestions and the same as rules. */
    public record Suggestions(List<Suggestion> suggestions, List<Map<String, Object>> rules) {
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'DESIGNER')")
    public Suggestions suggest(Object sourceSchema, Object targetSchema) {
        List<InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        Map<String, ?> source = schema(sourceSchema, "source", problems);
        Map<String, ?> target = schema(targetSchema, "target", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Suggestion> suggestions = suggester.suggest(source, target, mappings.savedDefinitions());
        return new Suggestions(suggestions, MappingSuggester.toRules(suggestions));
    }

    @SuppressWarnings("unchecked")
    private Map<String, ?> schema(Object value, String name, List<InvalidInputException.FieldProblem> problems) {
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
