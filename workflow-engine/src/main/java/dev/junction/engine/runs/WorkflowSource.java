package dev.junction.engine.runs;

import dev.junction.engine.definition.WorkflowDefinition;

import java.util.Optional;
import java.util.UUID;

/** The definitions runs are interpreted from (a port: the application answers it). */
public interface WorkflowSource {

    /** The definition of one version; empty when it no longer exists. */
    Optional<WorkflowDefinition> version(UUID workflowId, int version);

    /** The published version of a workflow; empty when there is none (or no such workflow). */
    Optional<Published> published(UUID workflowId);

    record Published(UUID workflowId, int version, WorkflowDefinition definition) {
    }
}
