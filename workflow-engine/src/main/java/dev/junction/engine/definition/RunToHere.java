package dev.junction.engine.definition;

import dev.junction.engine.nodes.ForEachNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Run to here": a definition cut down to the nodes a run needs to reach one node — the node itself and the nodes
 * that lead to it along the edges (its ancestors) — and the edges among them. A run interpreted from it runs exactly
 * those and then, with nowhere further to go, succeeds; the stop node's successors and the nodes on no path to it
 * do not run. A branch whose chosen port no longer leads anywhere ends its path there.
 *
 * <p>forEach: the edge from the end of a body back to its forEach does not make the body's nodes ancestors of the
 * forEach (otherwise a stop node inside a body would pull in its own successors). A forEach kept because the stop
 * node follows its {@code done} port keeps its whole body (its result needs every item's body); a stop node inside a
 * body keeps the body only up to it, and each item ends there.
 */
public final class RunToHere {

    private RunToHere() {
    }

    /**
     * The part of {@code definition} a run to {@code stopNodeId} runs; the trigger as the stop node (or a node the
     * definition lacks) keeps no node at all.
     */
    public static WorkflowDefinition restrict(WorkflowDefinition definition, String stopNodeId) {
        Map<String, List<Edge>> outgoing = EdgeWalk.outgoing(definition.edges());
        Map<String, Set<String>> bodies = new HashMap<>();
        for (Node node : definition.nodes()) {
            if (ForEachNode.TYPE.equals(node.type())) {
                String id = node.id();
                bodies.put(id, EdgeWalk.reachableFrom(id,
                        edge -> !edge.from().equals(id) || edge.fromPort().equals(ForEachNode.BODY), outgoing));
            }
        }
        Set<String> kept = new HashSet<>();
        if (definition.node(stopNodeId).isPresent()) {
            kept.add(stopNodeId);
            kept.addAll(ancestors(definition.edges(), stopNodeId, bodies));
        }
        for (Map.Entry<String, Set<String>> forEach : bodies.entrySet()) {
            if (kept.contains(forEach.getKey()) && !forEach.getValue().contains(stopNodeId)) {
                kept.addAll(forEach.getValue());
            }
        }
        return new WorkflowDefinition(definition.schemaVersion(), definition.trigger(),
                definition.nodes().stream().filter(node -> kept.contains(node.id())).toList(),
                definition.edges().stream().filter(edge -> (edge.from().equals(Trigger.NODE_ID)
                        || kept.contains(edge.from())) && kept.contains(edge.to())).toList(),
                definition.notes());
    }

    /** The nodes with a path to {@code nodeId}, not following an edge from a forEach's body back to it. */
    private static Set<String> ancestors(List<Edge> edges, String nodeId, Map<String, Set<String>> bodies) {
        Map<String, List<String>> incoming = new HashMap<>();
        for (Edge edge : edges) {
            boolean loopBack = bodies.containsKey(edge.to()) && bodies.get(edge.to()).contains(edge.from());
            if (!loopBack) {
                incoming.computeIfAbsent(edge.to(), to -> new java.util.ArrayList<>()).add(edge.from());
            }
        }
        Set<String> found = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(nodeId));
        while (!queue.isEmpty()) {
            for (String from : incoming.getOrDefault(queue.poll(), List.of())) {
                if (!from.equals(Trigger.NODE_ID) && !from.equals(nodeId) && found.add(from)) {
                    queue.add(from);
                }
            }
        }
        return found;
    }
}
