package dev.junction.engine.definition;

import dev.junction.engine.nodes.ConfigCode;
import dev.junction.engine.nodes.ForEachNode;
import dev.junction.engine.nodes.NodeKinds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which earlier outputs each node may read, and the reads of {@code nodes.<id>} that fall outside: found by static
 * analysis of the paths the node's expressions, scripts and computed texts read. A node may read {@code nodes.X}
 * when X runs before it on every path from the trigger (X dominates it in the graph without the edges that close a
 * forEach body, see {@link Dominators}); never the output of a node inside a forEach body from outside that body
 * (after the loop, the
 * loop's result {@code nodes.<forEach>.items} holds one result per item), nor its own output, nor its forEach's
 * result from inside the loop. A read with optional chaining right after the id ({@code nodes.capture?.id}) may be of
 * a node that is not on every path. JavaScript is scanned for {@code nodes.id}, {@code nodes?.id} and
 * {@code nodes["id"]} only (best effort: a computed key such as {@code nodes[name]} is not followed).
 */
final class ReferenceScopes {

    /** {@code nodes.id}, {@code nodes?.id}, {@code nodes['id']}, {@code nodes["id"]}, not preceded by a member dot. */
    private static final Pattern NODE_READ = Pattern.compile(
            "(?<![\\w$.])nodes\\s*(?:(?:\\?\\.|\\.)\\s*([A-Za-z_$][\\w$]*)"
                    + "|(?:\\?\\.)?\\[\\s*(?:'([^'\\\\]*)'|\"([^\"\\\\]*)\")\\s*])");

    private final Map<String, Node> nodes;
    private final Dominators dominators;
    /** Each forEach's body: the nodes only its {@code body} port reaches. */
    private final Map<String, Set<String>> bodies = new HashMap<>();

    private ReferenceScopes(Map<String, Node> nodes, List<Edge> edges) {
        this.nodes = nodes;
        Map<String, List<Edge>> outgoing = EdgeWalk.outgoing(edges);
        Set<Edge> loopBacks = new HashSet<>();
        for (Node node : nodes.values()) {
            if (node.type().equals(ForEachNode.TYPE)) {
                String id = node.id();
                Set<String> body = EdgeWalk.reachableFrom(id,
                        edge -> !edge.from().equals(id) || edge.fromPort().equals(ForEachNode.BODY), outgoing);
                Set<String> outside = EdgeWalk.reachableFrom(Trigger.NODE_ID, edge -> !(edge.from().equals(id)
                        && edge.fromPort().equals(ForEachNode.BODY)), outgoing);
                body.removeAll(outside);
                body.remove(id);
                bodies.put(id, body);
                edges.stream().filter(edge -> edge.to().equals(id) && body.contains(edge.from()))
                        .forEach(loopBacks::add);
            }
        }
        this.dominators = Dominators.of(Trigger.NODE_ID, edges.stream().filter(edge -> !loopBacks.contains(edge))
                .toList());
    }

    /** The problems of every read of a node's output that may find nothing, for each node the trigger reaches. */
    static List<DefinitionProblem> check(List<Node> nodes, Map<String, Node> byId, Map<String, Integer> index,
                                         List<Edge> edges) {
        ReferenceScopes scopes = new ReferenceScopes(byId, edges);
        List<DefinitionProblem> problems = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            if (!Integer.valueOf(i).equals(index.get(node.id())) || !scopes.dominators.reached(node.id())) {
                continue;
            }
            String configPath = "$.nodes[" + i + "].config";
            for (ConfigCode code : NodeKinds.of(node).map(kind -> kind.code(node.config(), configPath))
                    .orElse(List.of())) {
                Set<String> reported = new HashSet<>();
                Set<String> guarded = guardedReads(code.text());
                for (String read : reads(code.text())) {
                    String problem = scopes.outOfScope(node.id(), read, guarded.contains(read));
                    if (problem != null && reported.add(read)) {
                        problems.add(new DefinitionProblem(code.path(), node.id(), problem));
                    }
                }
            }
        }
        return problems;
    }

    /** The node ids a piece of code reads as {@code nodes.<id>}, in order of first appearance. */
    static Set<String> reads(String code) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher read = NODE_READ.matcher(code);
        while (read.find()) {
            ids.add(read.group(1) != null ? read.group(1) : read.group(2) != null ? read.group(2) : read.group(3));
        }
        return ids;
    }

    /**
     * The node ids the code reads only with optional chaining right after them ({@code nodes.capture?.id}): reads
     * written for a node that may not have run.
     */
    static Set<String> guardedReads(String code) {
        Set<String> guarded = new LinkedHashSet<>();
        Set<String> unguarded = new HashSet<>();
        Matcher read = NODE_READ.matcher(code);
        while (read.find()) {
            String id = read.group(1) != null ? read.group(1) : read.group(2) != null ? read.group(2) : read.group(3);
            boolean optional = code.substring(read.end()).stripLeading().startsWith("?.");
            (optional ? guarded : unguarded).add(id);
        }
        guarded.removeAll(unguarded);
        return guarded;
    }

    /**
     * Why {@code reader} cannot read {@code nodes.<read>}; null when it can. A {@code guarded} read may be of a node
     * that is not on every path to the reader.
     */
    private String outOfScope(String reader, String read, boolean guarded) {
        String ref = "`nodes." + read + "`";
        if (!nodes.containsKey(read)) {
            return ref + " names no node of this workflow";
        }
        if (read.equals(reader)) {
            return ref + " is this node's own output, which does not exist while it runs";
        }
        for (Map.Entry<String, Set<String>> loop : bodies.entrySet()) {
            String forEach = loop.getKey();
            if (loop.getValue().contains(read) && !loop.getValue().contains(reader)) {
                return ref + " is inside the forEach `" + forEach + "`; after the loop read `nodes." + forEach
                        + ".items` (one result per item: the output of the body's last node)";
            }
            if (read.equals(forEach) && loop.getValue().contains(reader)) {
                return ref + " is the loop this node runs in: its result exists only after the loop; inside it"
                        + " read the item as `vars.item` (and its position as `vars.index`)";
            }
        }
        if (!guarded && !dominators.dominates(read, reader)) {
            return ref + " may not have run when this node runs: `" + read + "` is not on every path from the"
                    + " trigger to `" + reader + "` (read it as `nodes." + read + "?.…` where that is intended)";
        }
        return null;
    }
}
