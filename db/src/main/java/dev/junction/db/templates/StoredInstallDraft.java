package dev.junction.db.templates;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The setup wizard's resumable state (JSON columns as text; {@code testInputJson} null: the template's sample). */
public record StoredInstallDraft(UUID id, String templateId, int templateVersion, String step, String workflowName,
                                 String connectionsJson, String parametersJson, String testInputJson, UUID workflowId,
                                 String createdBy, OffsetDateTime updatedAt) {
}
