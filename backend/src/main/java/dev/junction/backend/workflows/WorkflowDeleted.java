package dev.junction.backend.workflows;

import java.util.UUID;

/** A workflow was deleted or archived; its triggers stop. */
public record WorkflowDeleted(UUID workflowId) {
}
