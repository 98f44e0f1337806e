package dev.junction.backend.templates;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * What a workflow installed from a template remembers: the template id and version, the connections and parameter
 * values chosen, and the definition as installed ({@code baseDefinition}: the base of a later upgrade's merge).
 */
public record Installation(UUID workflowId, String templateId, int templateVersion, Map<String, String> connections,
                           Map<String, Object> parameters, Map<String, Object> baseDefinition,
                           OffsetDateTime installedAt, String installedBy) {
}
