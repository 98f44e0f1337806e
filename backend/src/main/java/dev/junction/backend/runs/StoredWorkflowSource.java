package dev.junction.backend.runs;

import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.db.workflows.WorkflowVersionRepository;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.runs.WorkflowSource;

import java.util.Optional;
import java.util.UUID;

/** Definitions from the stored workflow versions. */
class StoredWorkflowSource implements WorkflowSource {

    private final WorkflowRepository workflows;
    private final WorkflowVersionRepository versions;

    StoredWorkflowSource(WorkflowRepository workflows, WorkflowVersionRepository versions) {
        this.workflows = workflows;
        this.versions = versions;
    }

    @Override
    public Optional<WorkflowDefinition> version(UUID workflowId, int version) {
        return versions.find(workflowId, version).map(stored -> DefinitionJson.read(stored.definitionJson()));
    }

    @Override
    public Optional<Integer> publishedVersion(UUID workflowId) {
        return workflows.find(workflowId).map(workflow -> workflow.publishedVersion());
    }
}
