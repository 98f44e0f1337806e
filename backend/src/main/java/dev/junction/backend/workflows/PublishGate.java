package dev.junction.backend.workflows;

import dev.junction.backend.api.InvalidInputException.FieldProblem;

import java.util.List;
import java.util.UUID;

/**
 * A rule that may keep a version from being published besides the validator's problems (the go-live checklist of
 * a workflow installed from a template or using a production connection: docs/templates.md). Consulted by
 * {@link WorkflowVersionService#publish} and {@link WorkflowVersionService#rollback}.
 */
public interface PublishGate {

    /** Why this version may not be published yet, each named by its field; empty to let it through. */
    List<FieldProblem> refusals(UUID workflowId, int version);
}
