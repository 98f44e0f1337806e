package dev.junction.engine.nodes;

import dev.junction.engine.definition.Node;

import java.util.List;
import java.util.Optional;

/** Every node kind, in palette order: what the validator, the interpreter and the catalog loop over. */
public final class NodeKinds {

    private static final List<NodeKind> ALL = List.of(new ConnectorNode(), new MapNode(), new BranchNode(),
            new ForEachNode(), new ScriptNode(), new LookupNode(), new DelayNode(), new SubflowNode(), new NotifyNode(),
            new ReconcileSettlementNode(),
            new WaitUntilNode());

    private NodeKinds() {
    }

    /** Every kind, in palette order. */
    public static List<NodeKind> all() {
        return ALL;
    }

    /** The kind whose JSON name is {@code type} ({@code forEach}, case-sensitive); empty when none is. */
    public static Optional<NodeKind> find(String type) {
        for (NodeKind kind : ALL) {
            if (kind.type().equals(type)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The kind of a node; empty when its type is none. */
    public static Optional<NodeKind> of(Node node) {
        return find(node.type());
    }

    /** The JSON names of every kind, in palette order. */
    public static List<String> types() {
        return ALL.stream().map(NodeKind::type).toList();
    }
}
