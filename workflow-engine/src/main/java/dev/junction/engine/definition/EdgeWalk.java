package dev.junction.engine.definition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Walks a definition's edges: the validator's structural checks and its reference scopes both read the graph so. */
final class EdgeWalk {

    private EdgeWalk() {
    }

    /** Each node's outgoing edges, in the definition's order. */
    static Map<String, List<Edge>> outgoing(List<Edge> edges) {
        Map<String, List<Edge>> outgoing = new HashMap<>();
        edges.forEach(edge -> outgoing.computeIfAbsent(edge.from(), from -> new ArrayList<>()).add(edge));
        return outgoing;
    }

    /**
     * The nodes reachable from {@code start} along the edges that {@code follow} accepts, without passing through
     * start again (start itself is not in the answer).
     */
    static Set<String> reachableFrom(String start, Predicate<Edge> follow, Map<String, List<Edge>> outgoing) {
        Set<String> reached = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            for (Edge edge : outgoing.getOrDefault(queue.poll(), List.of())) {
                if (follow.test(edge) && !edge.to().equals(start) && reached.add(edge.to())) {
                    queue.add(edge.to());
                }
            }
        }
        return reached;
    }
}
