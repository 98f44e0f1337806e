package dev.junction.backend.workflows;

import dev.junction.engine.definition.Trigger;

import java.util.UUID;

/**
 * A version of a workflow became the published one (by publish or rollback); triggers follow it. {@code trigger}
 * is that version's trigger, as the publish read it (the listeners do not read the version again).
 */
public record WorkflowPublished(UUID workflowId, int version, Trigger trigger) {
}
