package dev.junction.backend.workflows;

import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.db.workflows.WorkflowVersionRepository;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.Node;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Predicate;

/**
 * The published workflows that have a node of some kind (one naming a mapping, reading a lookup table …): what a
 * delete of something workflows use must be refused for, naming them.
 */
@Component
public class PublishedWorkflowNodes {

    private final WorkflowRepository workflows;
    private final WorkflowVersionRepository versions;

    PublishedWorkflowNodes(WorkflowRepository workflows, WorkflowVersionRepository versions) {
        this.workflows = workflows;
        this.versions = versions;
    }

    /** The names of the workflows whose published version has a node that {@code uses}, sorted. */
    public List<String> namesOfWorkflowsWith(Predicate<Node> uses) {
        return versions.published().stream()
                .filter(version -> DefinitionJson.read(version.definitionJson()).nodes().stream().anyMatch(uses))
                .map(version -> workflows.find(version.workflowId()).map(workflow -> workflow.name())
                        .orElse(version.workflowId().toString()))
                .sorted().toList();
    }
}
