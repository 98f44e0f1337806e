package dev.junction.engine.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two versions of a definition, by structure: nodes added, removed, changed (type, name,
 * config, retry or error policy) or only moved on the canvas, edges added or removed, and whether the trigger
 * changed (its kind or config; moving it is not a change).
 */
public record DefinitionDiff(boolean triggerChanged, List<String> addedNodes, List<String> removedNodes,
                             List<String> changedNodes, List<String> movedNodes, List<Edge> addedEdges,
                             List<Edge> removedEdges) {

    public DefinitionDiff {
        addedNodes = List.copyOf(addedNodes);
        removedNodes = List.copyOf(removedNodes);
        changedNodes = List.copyOf(changedNodes);
        movedNodes = List.copyOf(movedNodes);
        addedEdges = List.copyOf(addedEdges);
        removedEdges = List.copyOf(removedEdges);
    }

    /** What changed from {@code from} to {@code to}; lists keep the order of the definition each id comes from. */
    public static DefinitionDiff between(WorkflowDefinition from, WorkflowDefinition to) {
        Map<String, Node> before = byId(from.nodes());
        Map<String, Node> after = byId(to.nodes());
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        after.forEach((id, node) -> {
            Node old = before.get(id);
            if (old == null) {
                added.add(id);
            } else if (!sameExceptPosition(old, node)) {
                changed.add(id);
            } else if (!old.position().equals(node.position())) {
                moved.add(id);
            }
        });
        List<String> removed = before.keySet().stream().filter(id -> !after.containsKey(id)).toList();
        Set<Edge> edgesBefore = new LinkedHashSet<>(from.edges());
        Set<Edge> edgesAfter = new LinkedHashSet<>(to.edges());
        boolean triggerChanged = from.trigger().kind() != to.trigger().kind()
                || !from.trigger().config().equals(to.trigger().config());
        return new DefinitionDiff(triggerChanged, added, removed, changed, moved,
                edgesAfter.stream().filter(edge -> !edgesBefore.contains(edge)).toList(),
                edgesBefore.stream().filter(edge -> !edgesAfter.contains(edge)).toList());
    }

    /**
     * Whether this diff lists nothing at all. Moved nodes are listed (so a diff that only moves nodes is not empty);
     * a moved trigger is not.
     */
    public boolean isEmpty() {
        return !triggerChanged && addedNodes.isEmpty() && removedNodes.isEmpty() && changedNodes.isEmpty()
                && movedNodes.isEmpty() && addedEdges.isEmpty() && removedEdges.isEmpty();
    }

    private static boolean sameExceptPosition(Node a, Node b) {
        return a.type().equals(b.type()) && a.name().equals(b.name()) && a.config().equals(b.config())
                && a.retry().equals(b.retry()) && a.onError() == b.onError();
    }

    private static Map<String, Node> byId(List<Node> nodes) {
        return nodes.stream().collect(Collectors.toMap(Node::id, Function.identity(), (first, second) -> first,
                LinkedHashMap::new));
    }
}
