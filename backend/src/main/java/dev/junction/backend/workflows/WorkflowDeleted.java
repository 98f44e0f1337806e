package dev.junction.backend.workflows;

import java.util.UUID;

/** A workflow was deleted; its triggers stop. */
public record WorkflowDeleted(UUID workflowId) {
}
