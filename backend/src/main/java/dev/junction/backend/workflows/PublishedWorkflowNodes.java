package dev.junction.backend.workflows;

import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.db.workflows.WorkflowVersionRepository;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.Node;
import dev.junction.engine.definition.WorkflowDefinition;
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
        return namesOfWorkflows(definition -> definition.nodes().stream().anyMatch(uses));
    }

    /** The names of the workflows whose published version calls the connection (a step or a polling trigger). */
    public List<String> namesOfWorkflowsUsingConnection(String connectionId) {
        return namesOfWorkflows(definition -> connectionId.equals(definition.trigger().config().get("connection"))
                || definition.nodes().stream().anyMatch(node -> "connector".equals(node.type())
                && connectionId.equals(node.config().get("connection"))));
    }

    private List<String> namesOfWorkflows(Predicate<WorkflowDefinition> uses) {
        return versions.published().stream()
                .filter(version -> uses.test(DefinitionJson.read(version.definitionJson())))
                .map(version -> workflows.find(version.workflowId()).map(workflow -> workflow.name())
                        .orElse(version.workflowId().toString()))
                .sorted().toList();
    }
}
