package dev.junction.engine.definition;

import dev.junction.engine.mapping.MappingJson;
import dev.junction.engine.mapping.MappingProblem;
import dev.junction.engine.nodes.ConnectorNode;
import dev.junction.engine.nodes.ForEachNode;
import dev.junction.engine.nodes.NodeCheck;
import dev.junction.engine.nodes.NodeKind;
import dev.junction.engine.nodes.NodeKinds;
import dev.junction.engine.nodes.WaitUntilNode;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks a well-formed definition for everything that would stop it from running: malformed or repeated node ids,
 * unknown node types, missing or invalid config, edges that lead nowhere or leave from a port the node does not
 * have, nodes the trigger cannot reach, cycles (other than the end of a forEach body leading back to its forEach),
 * expressions and scripts that do not parse, and connections or operations the installation does not have. Every
 * problem is reported at once, with its JSON path and, when it concerns a node, the node's id.
 */
public final class DefinitionValidator {

    public static final int NAME_MAX_LENGTH = 120;
    /** What node ids look like. */
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    /** The webhook signature checks, and the connector whose connection holds each one's secret. */
    private static final Map<String, String> VERIFYING_CONNECTORS = TriggerSchemas.VERIFYING_CONNECTORS;

    /** Takes every expression and script as parsing: for callers that have no expression runtime. */
    private static final ExpressionSyntax UNCHECKED_SYNTAX = new ExpressionSyntax() {
        @Override
        public Optional<String> syntaxErrorOfExpression(String expression) {
            return Optional.empty();
        }

        @Override
        public Optional<String> syntaxErrorOfScript(String script) {
            return Optional.empty();
        }
    };

    private final OperationCatalog catalog;
    private final ExpressionSyntax syntax;
    private final InlineMappingCheck mappingCheck;
    private final NotifyChannels channels;

    /** A validator that checks everything, including whether expressions and scripts parse. */
    public DefinitionValidator(OperationCatalog catalog, ExpressionSyntax syntax) {
        this(catalog, syntax, mapping -> List.of());
    }

    /** A validator that also checks mappings written inline in map nodes (with the mapping compiler's check). */
    public DefinitionValidator(OperationCatalog catalog, ExpressionSyntax syntax, InlineMappingCheck mappingCheck) {
        this(catalog, syntax, mappingCheck, NotifyChannels.ALL);
    }

    /**
     * A validator that also refuses notify nodes on a channel the installation cannot send on ({@code channels}
     * says which, and what to set).
     */
    public DefinitionValidator(OperationCatalog catalog, ExpressionSyntax syntax, InlineMappingCheck mappingCheck,
                               NotifyChannels channels) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.syntax = Objects.requireNonNull(syntax, "syntax");
        this.mappingCheck = Objects.requireNonNull(mappingCheck, "mappingCheck");
        this.channels = Objects.requireNonNull(channels, "channels");
    }

    /** Checks an inline mapping: its problems, with paths inside the mapping ({@code rules[2].pipe[0].fn}). */
    @FunctionalInterface
    public interface InlineMappingCheck {
        /** The problems of an inline mapping, read into the one mapping model ({@code MappingCompiler::check}). */
        List<MappingProblem> check(MappingJson.Reading mapping);
    }

    /** A validator that checks everything except whether expressions and scripts parse. */
    public DefinitionValidator(OperationCatalog catalog) {
        this(catalog, UNCHECKED_SYNTAX);
    }

    /**
     * Every problem of the definition (those of the trigger, then of each node, of each edge, then of the graph as
     * a whole); empty when it can run.
     */
    public List<DefinitionProblem> validate(WorkflowDefinition definition) {
        Check check = new Check();
        check.trigger(definition.trigger());
        Map<String, Node> nodes = check.nodes(definition.nodes());
        check.wholeInputs(definition.nodes(), nodes);
        List<Edge> edges = check.edges(definition.edges(), nodes);
        check.reachability(definition.nodes(), edges);
        check.cycles(nodes, edges);
        check.problems.addAll(ReferenceScopes.check(definition.nodes(), nodes, check.nodeIndex, edges));
        return List.copyOf(check.problems);
    }

    /**
     * The output ports of a node, as its kind says (see {@link NodeKind#ports(Node)}): {@code out} for most kinds,
     * a branch's conditions' ports and {@code else}, a forEach's {@code body} and {@code done}, a wait-until's
     * {@code out} and {@code timeout}; plus {@code error} when the node follows its error port. A node of no known
     * kind has {@code out} (and {@code error}).
     */
    public static Set<String> portsOf(Node node) {
        List<String> ports = NodeKinds.of(node).map(kind -> kind.ports(node)).orElseGet(() ->
                node.onError() == ErrorPolicy.ERROR_PORT ? List.of(NodeKind.OUT, NodeKind.ERROR)
                        : List.of(NodeKind.OUT));
        return new LinkedHashSet<>(ports);
    }

    /** One validation: the problems found so far and where each node stands in the document. */
    private final class Check {

        private final List<DefinitionProblem> problems = new ArrayList<>();
        private final Map<String, Integer> nodeIndex = new HashMap<>();

        void trigger(Trigger trigger) {
            String path = "$.trigger.config";
            NodeCheck check = new NodeCheck(null, path, catalog, syntax, mappingCheck, channels, problems);
            Map<String, Object> config = trigger.config();
            if (config.containsKey("businessKey")) {
                check.expression(config, "businessKey");
            }
            if (config.containsKey("dedupKey")) {
                if (trigger.kind() == TriggerKind.WEBHOOK) {
                    check.expression(config, "dedupKey");
                } else {
                    problem(path + ".dedupKey", null, "is for webhook triggers only (a delivery a sender may repeat);"
                            + " a " + trigger.kind().jsonName() + " trigger has none");
                }
            }
            switch (trigger.kind()) {
                case SCHEDULE -> schedule(config, path, check);
                case POLLING -> {
                    check.connection(config, "poll operation");
                    schedule(config, path, check);
                }
                case MANUAL -> {
                    // started by hand: nothing is required
                }
                case WEBHOOK -> {
                    if (config.containsKey("verification")) {
                        verification(config.get("verification"), path + ".verification");
                    }
                }
            }
        }

        /**
         * A webhook's signature check: {@code opayo-server} (Opayo Server notifications, signed with the Opayo
         * connection's security key; needs the {@code redirectUrl} the reply names) or {@code hmac-sha256} (an
         * HTTP connection's webhook signing secret).
         */
        private void verification(Object value, String path) {
            if (!(value instanceof Map<?, ?> verification)) {
                problem(path, null, "must be an object with kind and connection");
                return;
            }
            Object kind = verification.get("kind");
            String connector = VERIFYING_CONNECTORS.get(kind);
            if (connector == null) {
                problem(path + ".kind", null, "must be one of " + new java.util.TreeSet<>(VERIFYING_CONNECTORS.keySet()));
            }
            if (!(verification.get("connection") instanceof String connection) || connection.isBlank()) {
                problem(path + ".connection", null, "is required: the connection whose secret signs the calls");
            } else if (connector != null) {
                Optional<String> actual = catalog.connectorOfConnection(connection);
                if (actual.isEmpty()) {
                    problem(path + ".connection", null, "unknown connection '" + connection + "'");
                } else if (!actual.get().equals(connector)) {
                    problem(path + ".connection", null, "must be a connection of connector '" + connector
                            + "' for " + kind + ", '" + connection + "' is of '" + actual.get() + "'");
                }
            }
            if ("opayo-server".equals(kind) && !(verification.get("redirectUrl") instanceof String url
                    && (url.startsWith("https://") || url.startsWith("http://")))) {
                problem(path + ".redirectUrl", null, "is required for opayo-server: the http or https address"
                        + " Opayo sends the shopper to next");
            }
        }

        /** Checks each node; returns the nodes of the graph by id (the first of a repeated id, never "trigger"). */
        Map<String, Node> nodes(List<Node> nodes) {
            Map<String, Node> byId = new LinkedHashMap<>();
            for (int i = 0; i < nodes.size(); i++) {
                Node node = nodes.get(i);
                String path = "$.nodes[" + i + "]";
                if (node.id().equals(Trigger.NODE_ID)) {
                    problem(path + ".id", node.id(), "'trigger' is the trigger's id; choose another");
                } else if (byId.containsKey(node.id())) {
                    problem(path + ".id", node.id(), "is used by $.nodes[" + nodeIndex.get(node.id())
                            + "] too; node ids are unique");
                } else {
                    if (!ID.matcher(node.id()).matches()) {
                        problem(path + ".id", node.id(), "must start with a letter and have only letters, digits, _"
                                + " and - (at most 64 characters), was '" + node.id() + "'");
                    }
                    byId.put(node.id(), node);
                    nodeIndex.put(node.id(), i);
                }
                if (node.name().isBlank() || node.name().length() > NAME_MAX_LENGTH) {
                    problem(path + ".name", node.id(), "must not be blank and have at most " + NAME_MAX_LENGTH
                            + " characters, has " + node.name().length());
                }
                config(node, path);
            }
            return byId;
        }

        private void config(Node node, String nodePath) {
            Optional<NodeKind> kind = NodeKinds.of(node);
            if (kind.isEmpty()) {
                problem(nodePath + ".type", node.id(), "'" + node.type() + "' is not a node type; known types: "
                        + String.join(", ", NodeKinds.types()));
                return;
            }
            kind.get().validate(node.config(), new NodeCheck(node.id(), nodePath + ".config", catalog, syntax,
                    mappingCheck, channels, problems));
        }

        /** The whole inputs of connector and wait-until nodes, once every node is known. */
        void wholeInputs(List<Node> nodes, Map<String, Node> byId) {
            for (int i = 0; i < nodes.size(); i++) {
                NodeKind kind = NodeKinds.of(nodes.get(i)).orElse(null);
                if (kind instanceof ConnectorNode || kind instanceof WaitUntilNode) {
                    problems.addAll(WholeInputCheck.problems(nodes.get(i), "$.nodes[" + i + "].config.input", byId,
                            catalog, syntax));
                }
            }
        }

        private void schedule(Map<String, Object> config, String path, NodeCheck check) {
            if (check.text(config, "cron", "a Quartz cron expression such as 0 0/15 * * * ?")) {
                int fields = ((String) config.get("cron")).strip().split("\\s+").length;
                if (fields < 6 || fields > 7) {
                    problem(path + ".cron", null, "must be a Quartz cron expression of 6 or 7 fields (seconds"
                            + " minutes hours day-of-month month day-of-week [year]), such as 0 0/15 * * * ?; has "
                            + fields);
                }
            }
            if (config.containsKey("timeZone") && !isTimeZone(config.get("timeZone"))) {
                problem(path + ".timeZone", null, "must be a time zone such as Europe/London or UTC, was "
                        + config.get("timeZone"));
            }
        }

        private static boolean isTimeZone(Object value) {
            if (!(value instanceof String zone)) {
                return false;
            }
            try {
                ZoneId.of(zone);
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }

        /** Checks each edge; returns those between known nodes (the graph that reachability and cycles look at). */
        List<Edge> edges(List<Edge> edges, Map<String, Node> nodes) {
            List<Edge> usable = new ArrayList<>();
            Map<Edge, Integer> seen = new HashMap<>();
            for (int i = 0; i < edges.size(); i++) {
                Edge edge = edges.get(i);
                String path = "$.edges[" + i + "]";
                Set<String> ports = edge.from().equals(Trigger.NODE_ID) ? Set.of(Trigger.PORT)
                        : nodes.containsKey(edge.from()) ? portsOf(nodes.get(edge.from())) : null;
                boolean toKnown = nodes.containsKey(edge.to());
                if (ports == null) {
                    problem(path + ".from", null, "names no node: '" + edge.from() + "'");
                }
                if (edge.to().equals(Trigger.NODE_ID)) {
                    problem(path + ".to", null, "cannot lead into the trigger");
                } else if (!toKnown) {
                    problem(path + ".to", null, "names no node: '" + edge.to() + "'");
                }
                if (ports != null && !ports.contains(edge.fromPort())) {
                    Node from = nodes.get(edge.from());
                    problem(path + ".fromPort", edge.from(), NodeKind.ERROR.equals(edge.fromPort()) && from != null
                            ? "node '" + edge.from() + "' has no error port: set its onError to \"error\" to use it"
                            : "node '" + edge.from() + "' has no port '" + edge.fromPort() + "'; its ports: "
                            + String.join(", ", ports));
                }
                Integer earlier = seen.putIfAbsent(edge, i);
                if (earlier != null) {
                    problem(path, null, "repeats $.edges[" + earlier + "] (" + edge.from() + "/" + edge.fromPort()
                            + " -> " + edge.to() + ")");
                }
                if (ports != null && toKnown) {
                    usable.add(edge);
                }
            }
            return usable;
        }

        void reachability(List<Node> nodes, List<Edge> edges) {
            Set<String> reached = EdgeWalk.reachableFrom(Trigger.NODE_ID, edge -> true, EdgeWalk.outgoing(edges));
            for (int i = 0; i < nodes.size(); i++) {
                Node node = nodes.get(i);
                if (Integer.valueOf(i).equals(nodeIndex.get(node.id())) && !reached.contains(node.id())) {
                    problem("$.nodes[" + i + "]", node.id(), "cannot be reached from the trigger: connect it with"
                            + " an edge");
                }
            }
        }

        /**
         * Reports cycles. The one loop allowed is the end of a forEach body leading back to its forEach: an edge
         * into a forEach from a node inside its body, that is, a node its {@code body} port reaches and which the
         * trigger reaches only through that port.
         */
        void cycles(Map<String, Node> nodes, List<Edge> edges) {
            Map<String, List<Edge>> outgoing = EdgeWalk.outgoing(edges);
            Set<Edge> loopBacks = new HashSet<>();
            for (Node node : nodes.values()) {
                if (node.type().equals(ForEachNode.TYPE)) {
                    String id = node.id();
                    Predicate<Edge> leaves = edge -> edge.from().equals(id);
                    Predicate<Edge> intoBody = leaves.and(edge -> edge.fromPort().equals(ForEachNode.BODY));
                    Set<String> body = EdgeWalk.reachableFrom(id, leaves.negate().or(intoBody), outgoing);
                    Set<String> outside = EdgeWalk.reachableFrom(Trigger.NODE_ID, intoBody.negate(), outgoing);
                    edges.stream().filter(edge -> edge.to().equals(id) && body.contains(edge.from())
                            && !outside.contains(edge.from())).forEach(loopBacks::add);
                    body.stream().filter(inner -> !inner.equals(id) && !outside.contains(inner)
                                    && nodes.containsKey(inner)
                                    && nodes.get(inner).type().equals(ForEachNode.TYPE))
                            .forEach(inner -> problem("$.nodes[" + nodeIndex.get(inner) + "]", inner, "is a forEach"
                                    + " inside the body of forEach '" + id + "', which Junction cannot run yet: move"
                                    + " the inner loop into a subflow"));
                }
            }
            Map<String, List<String>> next = new HashMap<>();
            edges.stream().filter(edge -> !loopBacks.contains(edge))
                    .forEach(edge -> next.computeIfAbsent(edge.from(), from -> new ArrayList<>()).add(edge.to()));
            Set<String> done = new HashSet<>();
            Set<Set<String>> reported = new HashSet<>();
            for (String start : nodes.keySet()) {
                findCycle(start, next, new ArrayList<>(), done, reported);
            }
        }

        private void findCycle(String node, Map<String, List<String>> next, List<String> trail, Set<String> done,
                               Set<Set<String>> reported) {
            int at = trail.indexOf(node);
            if (at >= 0) {
                List<String> cycle = new ArrayList<>(trail.subList(at, trail.size()));
                if (reported.add(Set.copyOf(cycle))) {
                    cycle.add(node);
                    problem("$.nodes[" + nodeIndex.get(node) + "]", node, "is part of a cycle: "
                            + String.join(" -> ", cycle) + "; only the end of a forEach body may lead back to its"
                            + " forEach");
                }
                return;
            }
            if (done.contains(node)) {
                return;
            }
            trail.add(node);
            for (String successor : next.getOrDefault(node, List.of())) {
                findCycle(successor, next, trail, done, reported);
            }
            trail.removeLast();
            done.add(node);
        }

        private void problem(String path, String nodeId, String message) {
            problems.add(new DefinitionProblem(path, nodeId, message));
        }
    }
}
