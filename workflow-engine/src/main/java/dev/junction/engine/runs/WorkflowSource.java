package dev.junction.engine.runs;

import dev.junction.engine.definition.WorkflowDefinition;

import java.util.Optional;
import java.util.UUID;

/** The definitions runs are interpreted from (a port: the application answers it). */
public interface WorkflowSource {

    /** The definition of one version; empty when it no longer exists. */
    Optional<WorkflowDefinition> version(UUID workflowId, int version);

    /** The number of the published version of a workflow; empty when there is none (or no such workflow). */
    Optional<Integer> publishedVersion(UUID workflowId);

    /** The published version of a workflow; empty when there is none (or no such workflow). */
    default Optional<Published> published(UUID workflowId) {
        return publishedVersion(workflowId).flatMap(version -> version(workflowId, version)
                .map(definition -> new Published(workflowId, version, definition)));
    }

    record Published(UUID workflowId, int version, WorkflowDefinition definition) {
    }
}
