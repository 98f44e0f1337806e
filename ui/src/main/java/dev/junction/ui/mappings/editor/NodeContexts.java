package dev.junction.ui.mappings.editor;

import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.catalog.Catalog;
import dev.junction.backend.catalog.CatalogService;
import dev.junction.backend.connections.ConnectionService;
import dev.junction.backend.runs.RunService;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.backend.workflows.WorkflowVersionService;
import dev.junction.db.runs.RunDetail;
import dev.junction.db.runs.RunFilter;
import dev.junction.db.runs.RunSummary;
import dev.junction.db.runs.ShownPayload;
import dev.junction.db.runs.StepView;
import dev.junction.db.workflows.Workflow;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.json.PayloadJson;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the mapping editor knows of the map node it was opened from ({@link MapperContract.NodeContext}): the output
 * schema of the connector operation feeding the node (its one predecessor), the input schema of the connector
 * operation it feeds (its first connector successor), and the node's input in its last runs, newest first. A
 * schema nobody describes (a trigger, a script, a connection the user may not see) is null.
 */
@Component
public class NodeContexts {

    /** How many recent runs of the workflow are searched for the node's input. */
    static final int RUNS_SEARCHED = 10;
    /** How many of the node's inputs are offered at most. */
    static final int SAMPLES_MAX = 5;

    private final WorkflowService workflows;
    private final WorkflowVersionService versions;
    private final CatalogService catalog;
    private final ConnectionService connections;
    private final RunService runs;

    NodeContexts(WorkflowService workflows, WorkflowVersionService versions, CatalogService catalog,
                 ConnectionService connections, RunService runs) {
        this.workflows = workflows;
        this.versions = versions;
        this.catalog = catalog;
        this.connections = connections;
        this.runs = runs;
    }

    /** The context of node {@code nodeId} in the latest saved version of the workflow; throws when no such workflow. */
    public MapperContract.NodeContext of(UUID workflowId, String nodeId) {
        Workflow workflow = workflows.get(workflowId);
        Map<?, ?> document = workflow.latestVersion() < 1 ? Map.of()
                : (Map<?, ?>) PayloadJson.read(DefinitionJson.write(versions.latest(workflowId).definition()));
        return of(workflow, document, nodeId);
    }

    /** The context of node {@code nodeId} in {@code document} (a designer's working copy, as plain JSON values). */
    public MapperContract.NodeContext of(Workflow workflow, Map<?, ?> document, String nodeId) {
        Object source = neighbour(document, nodeId, false).flatMap(this::operation)
                .map(Catalog.Operation::outputSchema).orElse(null);
        Object target = neighbour(document, nodeId, true).flatMap(this::operation)
                .map(Catalog.Operation::inputSchema).orElse(null);
        return new MapperContract.NodeContext(workflow.id().toString(), workflow.name(), nodeId, source, target,
                samples(workflow.id(), nodeId, mapsTriggerPayload(document, nodeId)));
    }

    /**
     * The id of the shipped schema {@code schema} is (an operation's schema carries it as {@code $id}), so that a new
     * mapping names it rather than copying it; else the schema itself; null stays null.
     */
    public Object schemaReference(Object schema) {
        if (schema instanceof Map<?, ?> map && map.get("$id") instanceof String id
                && catalog.catalog().schemas().stream().anyMatch(named -> named.id().equals(id))) {
            return id;
        }
        return schema;
    }

    /**
     * The node feeding {@code nodeId} (its one predecessor; with several, none is "the" source) or, downstream, the
     * first connector node it feeds.
     */
    private static Optional<Map<?, ?>> neighbour(Map<?, ?> document, String nodeId, boolean downstream) {
        if (!(document.get("edges") instanceof List<?> edges) || !(document.get("nodes") instanceof List<?> nodes)) {
            return Optional.empty();
        }
        List<Object> ids = new ArrayList<>();
        for (Object edge : edges) {
            if (edge instanceof Map<?, ?> e && nodeId.equals(downstream ? e.get("from") : e.get("to"))) {
                Object other = downstream ? e.get("to") : e.get("from");
                if (!ids.contains(other)) {
                    ids.add(other);
                }
            }
        }
        if (!downstream && ids.size() != 1) {
            return Optional.empty();
        }
        for (Object id : ids) {
            for (Object node : nodes) {
                if (node instanceof Map<?, ?> n && Objects.equals(n.get("id"), id) && "connector".equals(n.get("type"))) {
                    return Optional.of(n);
                }
            }
        }
        return Optional.empty();
    }

    /** The catalog's operation a connector node calls: its connection's connector, its operation id. */
    private Optional<Catalog.Operation> operation(Map<?, ?> node) {
        if (!(node.get("config") instanceof Map<?, ?> config) || !(config.get("connection") instanceof String connection)
                || !(config.get("operation") instanceof String operation)) {
            return Optional.empty();
        }
        String connector;
        try {
            connector = connections.get(connection).connectorId();
        } catch (NotFoundException | AccessDeniedException e) {
            return Optional.empty();
        }
        return catalog.catalog().connectors().stream().filter(c -> c.id().equals(connector))
                .flatMap(c -> c.operations().stream()).filter(op -> op.id().equals(operation)).findFirst();
    }

    /** Whether the node is a map node without a {@code source} expression: it maps the trigger's payload. */
    private static boolean mapsTriggerPayload(Map<?, ?> document, String nodeId) {
        if (document.get("nodes") instanceof List<?> nodes) {
            for (Object node : nodes) {
                if (node instanceof Map<?, ?> n && nodeId.equals(n.get("id"))) {
                    return "map".equals(n.get("type")) && !(n.get("config") instanceof Map<?, ?> config
                            && config.get("source") != null);
                }
            }
        }
        return false;
    }

    /**
     * The node's input in the workflow's last runs where it ran (its last attempt in each), newest first: the step's
     * recorded input, or — a map node records none — the run's trigger payload when the node maps that (no
     * {@code source} expression); a payload too large to show whole is left out.
     */
    private List<MapperContract.SampleOption> samples(UUID workflowId, String nodeId, boolean mapsTriggerPayload) {
        List<MapperContract.SampleOption> samples = new ArrayList<>();
        RunFilter filter = new RunFilter(workflowId, null, null, null, null, null, null);
        for (RunSummary run : runs.list(filter, null, RUNS_SEARCHED).items()) {
            if (samples.size() >= SAMPLES_MAX) {
                break;
            }
            RunDetail detail = runs.get(run.id());
            StepView last = null;
            for (StepView step : detail.steps()) {
                if (nodeId.equals(step.nodeId()) && step.itemIndex() == null) {
                    last = step;
                }
            }
            if (last == null) {
                continue;
            }
            ShownPayload input = last.input() != null ? last.input() : mapsTriggerPayload ? detail.input() : null;
            if (input != null && !input.truncated()) {
                samples.add(new MapperContract.SampleOption("run", "Input in run " + run.id().toString()
                        .substring(0, 8) + " (" + run.status() + ", " + run.createdAt().toLocalDate() + ")",
                        input.value()));
            }
        }
        return samples;
    }
}
