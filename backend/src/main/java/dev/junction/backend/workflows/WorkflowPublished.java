package dev.junction.backend.workflows;

import java.util.UUID;

/** A version of a workflow became the published one (by publish or rollback); triggers follow it. */
public record WorkflowPublished(UUID workflowId, int version) {
}
