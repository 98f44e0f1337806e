package dev.junction.engine.definition;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a well-formed definition for everything that would stop it from running: unknown node types, missing or
 * invalid config, edges that lead nowhere or leave from a port the node does not have, nodes the trigger cannot
 * reach, cycles (other than the end of a forEach body leading back to its forEach), expressions and scripts that do
 * not parse, and connections or operations the installation does not have. Every problem is reported at once, with its JSON path and node id.
 */
public final class DefinitionValidator {

    public static final int NAME_MAX_LENGTH = 120;
    public static final int SCRIPT_MAX_LENGTH = 100_000;
    public static final int FOR_EACH_MAX_CONCURRENCY = 32;
    public static final Duration DELAY_MAX = Duration.ofDays(30);
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Set<String> CHANNELS = Set.of("email", "webhook", "log");

    private final OperationCatalog catalog;
    private final ExpressionSyntax syntax;

    public DefinitionValidator(OperationCatalog catalog, ExpressionSyntax syntax) {
        this.catalog = catalog;
        this.syntax = syntax;
    }

    public List<DefinitionProblem> validate(WorkflowDefinition definition) {
        Check check = new Check();
        check.trigger(definition.trigger());
        Map<String, Node> nodes = check.nodes(definition.nodes());
        Map<String, Set<String>> ports = portsOf(definition, nodes);
        List<Edge> edges = check.edges(definition.edges(), nodes, ports);
        check.reachability(definition.nodes(), edges);
        check.cycles(nodes, edges);
        return check.problems;
    }

    private static Map<String, Set<String>> portsOf(WorkflowDefinition definition, Map<String, Node> nodes) {
        Map<String, Set<String>> ports = new HashMap<>();
        ports.put(Trigger.NODE_ID, Set.of(Trigger.PORT));
        nodes.values().forEach(node -> ports.put(node.id(), portsOf(node)));
        return ports;
    }

    /** The output ports of a node: what its type offers, plus {@code error} when it follows its error port. */
    public static Set<String> portsOf(Node node) {
        Set<String> ports = new LinkedHashSet<>();
        switch (NodeType.fromJson(node.type()).orElse(NodeType.SCRIPT)) {
            case BRANCH -> {
                if (node.config().get("conditions") instanceof List<?> conditions) {
                    for (Object condition : conditions) {
                        if (condition instanceof Map<?, ?> map && map.get("port") instanceof String port) {
                            ports.add(port);
                        }
                    }
                }
                ports.add("else");
            }
            case FOR_EACH -> {
                ports.add("body");
                ports.add("done");
            }
            default -> ports.add("out");
        }
        if (node.onError() == ErrorPolicy.ERROR_PORT) {
            ports.add("error");
        }
        return ports;
    }

    private final class Check {

        private final List<DefinitionProblem> problems = new ArrayList<>();
        private final Map<String, Integer> nodeIndex = new HashMap<>();

        void trigger(Trigger trigger) {
            String path = "$.trigger.config";
            Map<String, Object> config = trigger.config();
            switch (trigger.kind()) {
                case SCHEDULE -> schedule(config, path, null);
                case POLLING -> {
                    connection(config, path, null, "poll operation");
                    schedule(config, path, null);
                }
                case MANUAL, WEBHOOK -> {
                    // nothing to configure
                }
            }
        }

        Map<String, Node> nodes(List<Node> nodes) {
            Map<String, Node> byId = new LinkedHashMap<>();
            for (int i = 0; i < nodes.size(); i++) {
                Node node = nodes.get(i);
                String path = "$.nodes[" + i + "]";
                if (!ID.matcher(node.id()).matches()) {
                    problem(path + ".id", node.id(), "must start with a letter and have only letters, digits, _ and -"
                            + " (at most 64), was '" + node.id() + "'");
                } else if (node.id().equals(Trigger.NODE_ID)) {
                    problem(path + ".id", node.id(), "'trigger' is the trigger's id; choose another");
                } else if (byId.containsKey(node.id())) {
                    problem(path + ".id", node.id(), "is used by node #" + nodeIndex.get(node.id()) + " too; ids are unique");
                } else {
                    byId.put(node.id(), node);
                    nodeIndex.put(node.id(), i);
                }
                if (node.name().isBlank() || node.name().length() > NAME_MAX_LENGTH) {
                    problem(path + ".name", node.id(), "must not be blank and at most " + NAME_MAX_LENGTH + " characters");
                }
                config(node, path + ".config");
            }
            return byId;
        }

        private void config(Node node, String path) {
            Map<String, Object> config = node.config();
            String id = node.id();
            NodeType type = NodeType.fromJson(node.type()).orElse(null);
            if (type == null) {
                problem(path.replace(".config", ".type"), id, "'" + node.type() + "' is not a node type; known types: "
                        + Arrays.stream(NodeType.values()).map(NodeType::jsonName).collect(Collectors.joining(", ")));
                return;
            }
            switch (type) {
                case CONNECTOR -> {
                    connection(config, path, id, "operation");
                    if (config.containsKey("input") && !(config.get("input") instanceof Map)) {
                        problem(path + ".input", id, "must be an object of the operation's input fields");
                    }
                }
                case MAP -> {
                    boolean mapping = config.get("mapping") instanceof String text && !text.isBlank();
                    boolean rules = config.get("rules") instanceof List;
                    if (mapping == rules) {
                        problem(path, id, "needs either 'mapping' (the id of a stored mapping) or 'rules' (an array),"
                                + " not " + (mapping ? "both" : "neither"));
                    }
                }
                case BRANCH -> conditions(config, path, id);
                case FOR_EACH -> {
                    expression(config, "items", path, id);
                    if (config.containsKey("concurrency") && !wholeBetween(config.get("concurrency"), 1,
                            FOR_EACH_MAX_CONCURRENCY)) {
                        problem(path + ".concurrency", id, "must be a whole number from 1 to " + FOR_EACH_MAX_CONCURRENCY);
                    }
                }
                case SCRIPT -> {
                    if (text(config, "code", path, id, "the script's code")) {
                        String code = (String) config.get("code");
                        if (code.length() > SCRIPT_MAX_LENGTH) {
                            problem(path + ".code", id, "must be at most " + SCRIPT_MAX_LENGTH + " characters");
                        } else {
                            syntax.syntaxErrorOfScript(code).ifPresent(error -> problem(path + ".code", id, error));
                        }
                    }
                }
                case LOOKUP -> {
                    text(config, "table", path, id, "the lookup table's name");
                    expression(config, "key", path, id);
                }
                case DELAY -> delay(config, path, id);
                case SUBFLOW -> {
                    if (text(config, "workflow", path, id, "the id of the workflow to run")) {
                        try {
                            UUID.fromString((String) config.get("workflow"));
                        } catch (IllegalArgumentException e) {
                            problem(path + ".workflow", id, "must be a workflow id (a UUID)");
                        }
                    }
                }
                case NOTIFY -> {
                    if (!(config.get("channel") instanceof String channel) || !CHANNELS.contains(channel)) {
                        problem(path + ".channel", id, "must be one of email, log, webhook");
                    }
                    text(config, "message", path, id, "the message to send");
                }
            }
        }

        private void connection(Map<String, Object> config, String path, String nodeId, String what) {
            boolean hasConnection = text(config, "connection", path, nodeId, "the id of a connection");
            boolean hasOperation = text(config, "operation", path, nodeId, "the " + what + " to call");
            if (!hasConnection) {
                return;
            }
            String connection = (String) config.get("connection");
            var connector = catalog.connectorOfConnection(connection);
            if (connector.isEmpty()) {
                problem(path + ".connection", nodeId, "unknown connection '" + connection + "'");
            } else if (hasOperation && !catalog.hasOperation(connector.get(), (String) config.get("operation"))) {
                problem(path + ".operation", nodeId, "connector '" + connector.get() + "' has no operation '"
                        + config.get("operation") + "'");
            }
        }

        private void schedule(Map<String, Object> config, String path, String nodeId) {
            if (text(config, "cron", path, nodeId, "a cron expression")) {
                int fields = ((String) config.get("cron")).strip().split("\\s+").length;
                if (fields < 6 || fields > 7) {
                    problem(path + ".cron", nodeId, "must be a Quartz cron expression of 6 or 7 fields (seconds"
                            + " minutes hours day-of-month month day-of-week [year]), has " + fields);
                }
            }
            if (config.containsKey("timeZone")) {
                try {
                    ZoneId.of(String.valueOf(config.get("timeZone")));
                } catch (RuntimeException e) {
                    problem(path + ".timeZone", nodeId, "must be a time zone such as Europe/London or UTC");
                }
            }
        }

        private void conditions(Map<String, Object> config, String path, String nodeId) {
            if (!(config.get("conditions") instanceof List<?> conditions) || conditions.isEmpty()) {
                problem(path + ".conditions", nodeId, "is required: a non-empty array of {port, expression}");
                return;
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < conditions.size(); i++) {
                String conditionPath = path + ".conditions[" + i + "]";
                if (!(conditions.get(i) instanceof Map<?, ?> condition)) {
                    problem(conditionPath, nodeId, "must be an object {port, expression}");
                    continue;
                }
                Object port = condition.get("port");
                if (!(port instanceof String name) || !ID.matcher(name).matches() || name.equals("else")) {
                    problem(conditionPath + ".port", nodeId, "must be a port name (a letter, then letters, digits, _"
                            + " or -) other than 'else'");
                } else if (!seen.add(name)) {
                    problem(conditionPath + ".port", nodeId, "'" + name + "' is used by another condition too");
                }
                if (!(condition.get("expression") instanceof String expression) || expression.isBlank()) {
                    problem(conditionPath + ".expression", nodeId, "is required: a condition expression");
                } else {
                    syntax.syntaxErrorOfExpression(expression)
                            .ifPresent(error -> problem(conditionPath + ".expression", nodeId, error));
                }
            }
        }

        private void delay(Map<String, Object> config, String path, String nodeId) {
            boolean hasDuration = config.containsKey("duration");
            boolean hasUntil = config.containsKey("until");
            if (hasDuration == hasUntil) {
                problem(path, nodeId, "needs exactly one of 'duration' (ISO 8601, e.g. PT15M) or 'until' (an"
                        + " expression giving a time)");
                return;
            }
            if (hasUntil) {
                expression(config, "until", path, nodeId);
                return;
            }
            try {
                Duration duration = Duration.parse(String.valueOf(config.get("duration")));
                if (duration.isNegative() || duration.isZero() || duration.compareTo(DELAY_MAX) > 0) {
                    problem(path + ".duration", nodeId, "must be more than zero and at most 30 days (P30D)");
                }
            } catch (DateTimeParseException e) {
                problem(path + ".duration", nodeId, "must be an ISO 8601 duration such as PT15M or P1D");
            }
        }

        private boolean text(Map<String, Object> config, String field, String path, String nodeId, String what) {
            if (config.get(field) instanceof String value && !value.isBlank()) {
                return true;
            }
            problem(path + "." + field, nodeId, "is required: " + what);
            return false;
        }

        private boolean expression(Map<String, Object> config, String field, String path, String nodeId) {
            if (!text(config, field, path, nodeId, "an expression")) {
                return false;
            }
            syntax.syntaxErrorOfExpression((String) config.get(field))
                    .ifPresent(error -> problem(path + "." + field, nodeId, error));
            return true;
        }

        List<Edge> edges(List<Edge> edges, Map<String, Node> nodes, Map<String, Set<String>> ports) {
            List<Edge> usable = new ArrayList<>();
            Map<Edge, Integer> seen = new HashMap<>();
            for (int i = 0; i < edges.size(); i++) {
                Edge edge = edges.get(i);
                String path = "$.edges[" + i + "]";
                boolean fromKnown = ports.containsKey(edge.from());
                boolean toKnown = nodes.containsKey(edge.to());
                if (!fromKnown) {
                    problem(path + ".from", null, "names no node: '" + edge.from() + "'");
                }
                if (edge.to().equals(Trigger.NODE_ID)) {
                    problem(path + ".to", null, "cannot lead into the trigger");
                } else if (!toKnown) {
                    problem(path + ".to", null, "names no node: '" + edge.to() + "'");
                }
                if (fromKnown && !ports.get(edge.from()).contains(edge.fromPort())) {
                    Node from = nodes.get(edge.from());
                    problem(path + ".fromPort", edge.from(), "error".equals(edge.fromPort()) && from != null
                            ? "node '" + edge.from() + "' has no error port: set its onError to \"error\" to use it"
                            : "node '" + edge.from() + "' has no port '" + edge.fromPort() + "'; its ports: "
                            + String.join(", ", ports.get(edge.from())));
                }
                Integer earlier = seen.putIfAbsent(edge, i);
                if (earlier != null) {
                    problem(path, null, "repeats edge #" + earlier);
                }
                if (fromKnown && toKnown) {
                    usable.add(edge);
                }
            }
            return usable;
        }

        void reachability(List<Node> nodes, List<Edge> edges) {
            Set<String> reached = reachableFrom(Trigger.NODE_ID, null, edges);
            for (int i = 0; i < nodes.size(); i++) {
                Node node = nodes.get(i);
                if (nodeIndex.get(node.id()) != null && nodeIndex.get(node.id()) == i && !reached.contains(node.id())) {
                    problem("$.nodes[" + i + "]", node.id(), "cannot be reached from the trigger: connect it with an edge");
                }
            }
        }

        void cycles(Map<String, Node> nodes, List<Edge> edges) {
            Set<Edge> loopBacks = new HashSet<>();
            for (Node node : nodes.values()) {
                if (NodeType.fromJson(node.type()).orElse(null) == NodeType.FOR_EACH) {
                    Set<String> body = reachableFrom(node.id(), "body", edges);
                    edges.stream().filter(edge -> edge.to().equals(node.id()) && body.contains(edge.from()))
                            .forEach(loopBacks::add);
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
                            + String.join(" -> ", cycle) + "; only the end of a forEach body may lead back to its forEach");
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

        /** The nodes reachable from {@code start} (leaving through {@code port} only, when given), not counting start. */
        private Set<String> reachableFrom(String start, String port, List<Edge> edges) {
            Set<String> reached = new HashSet<>();
            Deque<String> queue = new ArrayDeque<>();
            edges.stream().filter(edge -> edge.from().equals(start) && (port == null || edge.fromPort().equals(port)))
                    .forEach(edge -> queue.add(edge.to()));
            while (!queue.isEmpty()) {
                String node = queue.poll();
                if (!node.equals(start) && reached.add(node)) {
                    edges.stream().filter(edge -> edge.from().equals(node)).forEach(edge -> queue.add(edge.to()));
                }
            }
            return reached;
        }

        private boolean wholeBetween(Object value, long min, long max) {
            return (value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= min
                    && ((Number) value).longValue() <= max;
        }

        private void problem(String path, String nodeId, String message) {
            problems.add(new DefinitionProblem(path, nodeId, message));
        }
    }
}
