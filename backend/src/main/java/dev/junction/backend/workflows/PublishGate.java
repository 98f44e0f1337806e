package dev.junction.backend.workflows;

import dev.junction.backend.api.InvalidInputException.FieldProblem;

import java.util.List;

/**
 * A rule that may keep a version from being published besides the validator's problems (the go-live checklist of
 * a workflow installed from a template or using a production connection: docs/templates.md). Consulted by
 * {@link WorkflowVersionService#publish} and {@link WorkflowVersionService#rollback}.
 */
public interface PublishGate {

    /**
     * Why this version may not be published yet, each named by its field; empty to let it through. {@code version}
     * is read and validated by the publish path already: a gate does not read it again.
     */
    List<FieldProblem> refusals(StoredDefinition version);
}
