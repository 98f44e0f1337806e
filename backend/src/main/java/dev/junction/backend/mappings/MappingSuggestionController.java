package dev.junction.backend.mappings;

import dev.junction.backend.api.JsonBodies;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Auto-map suggestions: {@code {"source": <schema id or JSON Schema>, "target": <schema id or JSON Schema>}} →
 * the proposed rules with their confidence and reasons, learning from the mappings saved in this instance, and the
 * same as mapping rules ready to paste ({@link MappingSuggestionService}).
 */
@RestController
class MappingSuggestionController {

    private final MappingSuggestionService suggestions;

    MappingSuggestionController(MappingSuggestionService suggestions) {
        this.suggestions = suggestions;
    }

    @PostMapping(value = "/api/v1/mappings/suggestions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'DESIGNER')")
    MappingSuggestionService.Suggestions suggest(@RequestBody String body) {
        Map<?, ?> fields = JsonBodies.object(body, "an object {\"source\": <schema>, \"target\": <schema>}",
                "source", "target");
        return suggestions.suggest(fields.get("source"), fields.get("target"));
    }
}
