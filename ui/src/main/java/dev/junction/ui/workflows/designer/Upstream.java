package dev.junction.ui.workflows.designer;

import dev.junction.engine.json.PayloadJson;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The nodes a node's data can come from: every node with a path of edges to it, in the designer's document. */
final class Upstream {

    private Upstream() {
    }

    /** The ids upstream of {@code nodeId}; null when the document is no JSON object with edges. */
    static Set<String> of(String documentJson, String nodeId) {
        Object document;
        try {
            document = documentJson == null ? null : PayloadJson.read(documentJson);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!(document instanceof Map<?, ?> map) || !(map.get("edges") instanceof List<?> edges)) {
            return null;
        }
        Set<String> upstream = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(String.valueOf(nodeId)));
        while (!todo.isEmpty()) {
            String target = todo.pop();
            for (Object edge : edges) {
                if (edge instanceof Map<?, ?> e && target.equals(e.get("to")) && e.get("from") instanceof String from
                        && upstream.add(from)) {
                    todo.push(from);
                }
            }
        }
        return upstream;
    }
}
