package dev.junction.backend.workflows;

import dev.junction.db.workflows.WorkflowVersion;
import dev.junction.engine.definition.DefinitionProblem;
import dev.junction.engine.definition.WorkflowDefinition;

import java.util.List;

/** A saved version, its definition, and what the validator says of it (empty: it may be published). */
public record StoredDefinition(WorkflowVersion version, WorkflowDefinition definition, List<DefinitionProblem> problems) {

    public StoredDefinition {
        problems = List.copyOf(problems);
    }
}
