package dev.junction.db.templates;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What a workflow installed from a template remembers (JSON columns as text). */
public record StoredInstallation(UUID workflowId, String templateId, int templateVersion, String connectionsJson,
                                 String parametersJson, String baseDefinitionJson, String installedBy,
                                 OffsetDateTime installedAt) {
}
