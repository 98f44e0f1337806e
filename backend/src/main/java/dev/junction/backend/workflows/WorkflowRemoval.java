package dev.junction.backend.workflows;

import java.util.UUID;

/**
 * What deleting a workflow does: a workflow without runs is deleted with its versions; one with runs is
 * {@code archived} instead — hidden from the list and from triggers, its versions and its {@code runs} kept and its
 * runs still readable — because run history is what an integration platform is asked about afterwards.
 */
public record WorkflowRemoval(UUID workflowId, String name, boolean archived, int runs) {
}
