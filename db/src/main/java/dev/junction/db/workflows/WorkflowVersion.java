package dev.junction.db.workflows;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One saved version of a workflow's definition ({@code definitionJson} in the engine's JSON format). */
public record WorkflowVersion(UUID workflowId, int version, String definitionJson, String comment, String createdBy,
                              OffsetDateTime createdAt) {
}
