package dev.junction.engine.definition;

import java.util.List;
import java.util.Objects;

/**
 * What a workflow does, as the designer draws it: one trigger, the nodes, and the edges between them, plus the
 * canvas's notes (which runs ignore). Its JSON form carries {@code "schemaVersion": 1}.
 */
public record WorkflowDefinition(int schemaVersion, Trigger trigger, List<Node> nodes, List<Edge> edges,
                                 List<Note> notes) {

    public static final int SCHEMA_VERSION = 1;

    public WorkflowDefinition {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + ", was " + schemaVersion);
        }
        Objects.requireNonNull(trigger, "trigger");
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A definition without notes. */
    public WorkflowDefinition(int schemaVersion, Trigger trigger, List<Node> nodes, List<Edge> edges) {
        this(schemaVersion, trigger, nodes, edges, List.of());
    }

    /** The node with this id, if the definition has one. */
    public java.util.Optional<Node> node(String id) {
        for (Node node : nodes) {
            if (node.id().equals(id)) {
                return java.util.Optional.of(node);
            }
        }
        return java.util.Optional.empty();
    }

    /** The nodes a run starts with: the trigger's successors, each once, in the order of the edges. */
    public List<String> firstNodes() {
        return edges.stream().filter(edge -> edge.from().equals(Trigger.NODE_ID)).map(Edge::to).distinct().toList();
    }

    /** The nodes the edges from {@code port} of {@code nodeId} lead to, each once, in the order of the edges. */
    public List<String> targets(String nodeId, String port) {
        return edges.stream().filter(edge -> edge.from().equals(nodeId) && edge.fromPort().equals(port))
                .map(Edge::to).distinct().toList();
    }

    /** The definition of a workflow just created: started by hand, with nothing after the trigger yet. */
    public static WorkflowDefinition initial() {
        return new WorkflowDefinition(SCHEMA_VERSION, new Trigger(TriggerKind.MANUAL, new Position(0, 0)),
                List.of(), List.of());
    }
}
