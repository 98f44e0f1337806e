package dev.junction.engine.definition;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.stream.Collectors;

/**
 * Checks a well-formed definition for everything that would stop it from running: malformed or repeated node ids,
 * unknown node types, missing or invalid config, edges that lead nowhere or leave from a port the node does not
 * have, nodes the trigger cannot reach, cycles (other than the end of a forEach body leading back to its forEach),
 * expressions and scripts that do not parse, and connections or operations the installation does not have. Every
 * problem is reported at once, with its JSON path and, when it concerns a node, the node's id.
 */
public final class DefinitionValidator {

    public static final int NAME_MAX_LENGTH = 120;
    public static final int SCRIPT_MAX_LENGTH = 100_000;
    public static final int FOR_EACH_MAX_CONCURRENCY = 32;
    public static final Duration DELAY_MAX = Duration.ofDays(30);
    /** What node ids and branch ports look like. */
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** The webhook signature checks, and the connector whose connection holds each one's secret. */
    private static final Map<String, String> VERIFYING_CONNECTORS = Map.of("opayo-server", "opayo-pi",
            "hmac-sha256", "http");
    private static final Set<String> CHANNELS = new LinkedHashSet<>(List.of("email", "webhook", "log"));
    private static final String ELSE_PORT = "else";
    private static final String BODY_PORT = "body";
    private static final String ERROR_PORT = "error";

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
        List<dev.junction.engine.mapping.MappingProblem> check(Map<String, ?> mapping);
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
     * The output ports of a node: {@code out}, except a branch (its conditions' ports and {@code else}), a
     * forEach ({@code body} and {@code done}) and a wait-until ({@code out} and {@code timeout}); plus {@code error} when the node follows its error port.
     */
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
                ports.add(ELSE_PORT);
            }
            case FOR_EACH -> {
                ports.add(BODY_PORT);
                ports.add("done");
            }
            case WAIT_UNTIL -> {
                ports.add("out");
                ports.add(WaitUntilConfig.TIMEOUT_PORT);
            }
            default -> ports.add("out");
        }
        if (node.onError() == ErrorPolicy.ERROR_PORT) {
            ports.add(ERROR_PORT);
        }
        return ports;
    }

    /** One validation: the problems found so far and where each node stands in the document. */
    private final class Check {

        private final List<DefinitionProblem> problems = new ArrayList<>();
        private final Map<String, Integer> nodeIndex = new HashMap<>();

        void trigger(Trigger trigger) {
            String path = "$.trigger.config";
            Map<String, Object> config = trigger.config();
            if (config.containsKey("businessKey")) {
                expression(config, "businessKey", path, null);
            }
            if (config.containsKey("dedupKey")) {
                if (trigger.kind() == TriggerKind.WEBHOOK) {
                    expression(config, "dedupKey", path, null);
                } else {
                    problem(path + ".dedupKey", null, "is for webhook triggers only (a delivery a sender may repeat);"
                            + " a " + trigger.kind().jsonName() + " trigger has none");
                }
            }
            switch (trigger.kind()) {
                case SCHEDULE -> schedule(config, path);
                case POLLING -> {
                    connection(config, path, null, "poll operation");
                    schedule(config, path);
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
            Map<String, Object> config = node.config();
            String id = node.id();
            String path = nodePath + ".config";
            NodeType type = NodeType.fromJson(node.type()).orElse(null);
            if (type == null) {
                problem(nodePath + ".type", id, "'" + node.type() + "' is not a node type; known types: "
                        + Arrays.stream(NodeType.values()).map(NodeType::jsonName).collect(Collectors.joining(", ")));
                return;
            }
            switch (type) {
                case CONNECTOR -> {
                    connection(config, path, id, "operation");
                    input(config, path, id);
                }
                case MAP -> mapping(config, path, id);
                case BRANCH -> conditions(config, path, id);
                case FOR_EACH -> {
                    expression(config, "items", path, id);
                    if (config.containsKey("concurrency") && !wholeBetween(config.get("concurrency"), 1,
                            FOR_EACH_MAX_CONCURRENCY)) {
                        problem(path + ".concurrency", id, "must be a whole number from 1 to "
                                + FOR_EACH_MAX_CONCURRENCY + ", was " + config.get("concurrency"));
                    }
                }
                case SCRIPT -> {
                    if (text(config, "code", path, id, "the script's code")) {
                        String code = (String) config.get("code");
                        if (code.length() > SCRIPT_MAX_LENGTH) {
                            problem(path + ".code", id, "must have at most " + SCRIPT_MAX_LENGTH + " characters, has "
                                    + code.length());
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
                    if (text(config, "workflow", path, id, "the id of the workflow to run")
                            && !UUID.matcher((String) config.get("workflow")).matches()) {
                        problem(path + ".workflow", id, "must be a workflow id (a UUID such as"
                                + " 0b9b8f1e-3b5a-4a51-9d1c-2f7f6a3c1d10), was '" + config.get("workflow") + "'");
                    }
                }
                case WAIT_UNTIL -> {
                    connection(config, path, id, "operation");
                    input(config, path, id);
                    WaitUntilConfig.problems(config).forEach(problem -> problem(path + "." + problem[0], id,
                            problem[1]));
                    if (config.get("condition") instanceof String condition && !condition.isBlank()) {
                        syntax.syntaxErrorOfExpression(WaitUntilConfig.conditionExpression(condition))
                                .ifPresent(error -> problem(path + ".condition", id, error));
                    }
                }
                case NOTIFY -> {
                    if (!(config.get("channel") instanceof String channel) || !CHANNELS.contains(channel)) {
                        problem(path + ".channel", id, "must be one of " + String.join(", ", CHANNELS)
                                + (config.containsKey("channel") ? ", was " + config.get("channel") : ""));
                    } else if (channels.unavailable().containsKey(channel)) {
                        problem(path + ".channel", id, "'" + channel + "' cannot send on this installation: "
                                + channels.unavailable().get(channel));
                    }
                    text(config, "message", path, id, "the message to send");
                    if ("email".equals(config.get("channel"))) {
                        text(config, "to", path, id, "the e-mail address(es) to send to, separated by commas");
                        if (config.containsKey("subject")) {
                            text(config, "subject", path, id, "the e-mail's subject");
                        }
                    }
                    if ("webhook".equals(config.get("channel")) && !(config.get("url") instanceof String url
                            && (url.startsWith("http://") || url.startsWith("https://")))) {
                        problem(path + ".url", id, "is required for the webhook channel: an http or https address"
                                + (config.containsKey("url") ? ", was " + config.get("url") : ""));
                    }
                }
            }
        }

        /** An operation's input: an object of fields, or one expression giving it whole (see WholeInputCheck). */
        private void input(Map<String, Object> config, String path, String nodeId) {
            if (config.containsKey("input") && !(config.get("input") instanceof Map)
                    && !(config.get("input") instanceof String)) {
                problem(path + ".input", nodeId, "must be an object of the operation's input fields, or one"
                        + " {{ expression }} giving the whole object");
            }
        }

        /** The whole inputs of connector and wait-until nodes, once every node is known. */
        void wholeInputs(List<Node> nodes, Map<String, Node> byId) {
            for (int i = 0; i < nodes.size(); i++) {
                NodeType type = NodeType.fromJson(nodes.get(i).type()).orElse(null);
                if (type == NodeType.CONNECTOR || type == NodeType.WAIT_UNTIL) {
                    problems.addAll(WholeInputCheck.problems(nodes.get(i), "$.nodes[" + i + "].config.input", byId,
                            catalog, syntax));
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
            Optional<String> connector = catalog.connectorOfConnection(connection);
            if (connector.isEmpty()) {
                problem(path + ".connection", nodeId, "unknown connection '" + connection + "'");
            } else if (hasOperation && !catalog.hasOperation(connector.get(), (String) config.get("operation"))) {
                problem(path + ".operation", nodeId, "connector '" + connector.get() + "' has no operation '"
                        + config.get("operation") + "'");
            }
        }

        private void schedule(Map<String, Object> config, String path) {
            if (text(config, "cron", path, null, "a Quartz cron expression such as 0 0/15 * * * ?")) {
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

        private void mapping(Map<String, Object> config, String path, String nodeId) {
            boolean hasMapping = config.containsKey("mapping");
            boolean hasRules = config.containsKey("rules");
            if (hasMapping == hasRules) {
                problem(path, nodeId, "needs either 'mapping' (the id of a stored mapping, or a mapping written"
                        + " inline) or 'rules' (an array), not " + (hasMapping ? "both" : "neither"));
            } else if (hasMapping && config.get("mapping") instanceof Map<?, ?> inline) {
                @SuppressWarnings("unchecked")
                Map<String, ?> mapping = (Map<String, ?>) inline;
                for (var problem : mappingCheck.check(mapping)) {
                    if (problem.isError()) {
                        problem(path + ".mapping." + problem.path(), nodeId, problem.message());
                    }
                }
            } else if (hasMapping) {
                text(config, "mapping", path, nodeId, "the id of a stored mapping or a mapping object");
            } else if (!(config.get("rules") instanceof List<?> rules)) {
                problem(path + ".rules", nodeId, "must be an array of mapping rules");
            } else {
                for (int i = 0; i < rules.size(); i++) {
                    rule(rules.get(i), path + ".rules[" + i + "]", nodeId);
                }
            }
        }

        /** An inline mapping rule: {@code {target, expression}} or {@code {target, value}}. */
        private void rule(Object rule, String path, String nodeId) {
            if (!(rule instanceof Map<?, ?> fields)) {
                problem(path, nodeId, "must be an object {target, expression} or {target, value}");
                return;
            }
            if (!(fields.get("target") instanceof String target) || target.isBlank()) {
                problem(path + ".target", nodeId, "is required: the path of the output field, such as order.id");
            }
            boolean hasExpression = fields.containsKey("expression");
            if (hasExpression == fields.containsKey("value")) {
                problem(path, nodeId, "needs exactly one of 'expression' or 'value', not "
                        + (hasExpression ? "both" : "neither"));
            } else if (hasExpression) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) fields;
                expression(typed, "expression", path, nodeId);
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
                if (!(port instanceof String name) || !ID.matcher(name).matches() || name.equals(ELSE_PORT)) {
                    problem(conditionPath + ".port", nodeId, "must be a port name (a letter, then letters, digits, _"
                            + " or -; at most 64 characters) other than 'else', was " + port);
                } else if (!seen.add(name)) {
                    problem(conditionPath + ".port", nodeId, "'" + name + "' is the port of another condition too;"
                            + " ports are unique");
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
                        + " expression giving a time), not " + (hasDuration ? "both" : "neither"));
                return;
            }
            if (hasUntil) {
                expression(config, "until", path, nodeId);
                return;
            }
            Object value = config.get("duration");
            Duration duration = value instanceof String text ? duration(text) : null;
            if (duration == null) {
                problem(path + ".duration", nodeId, "must be an ISO 8601 duration such as PT15M or P1D, was " + value);
            } else if (duration.isNegative() || duration.isZero() || duration.compareTo(DELAY_MAX) > 0) {
                problem(path + ".duration", nodeId, "must be more than zero and at most 30 days (P30D), was " + value);
            }
        }

        private static Duration duration(String text) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        /** Whether the field is a non-blank string; reports it when not. */
        private boolean text(Map<String, Object> config, String field, String path, String nodeId, String what) {
            Object value = config.get(field);
            if (value instanceof String text && !text.isBlank()) {
                return true;
            }
            String problem = value == null ? "is required" : value instanceof String ? "must not be blank"
                    : "must be a string";
            problem(path + "." + field, nodeId, problem + ": " + what);
            return false;
        }

        private void expression(Map<String, Object> config, String field, String path, String nodeId) {
            if (text(config, field, path, nodeId, "an expression")) {
                syntax.syntaxErrorOfExpression((String) config.get(field))
                        .ifPresent(error -> problem(path + "." + field, nodeId, error));
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
                    problem(path + ".fromPort", edge.from(), ERROR_PORT.equals(edge.fromPort()) && from != null
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
                if (NodeType.fromJson(node.type()).orElse(null) == NodeType.FOR_EACH) {
                    String id = node.id();
                    Predicate<Edge> leaves = edge -> edge.from().equals(id);
                    Predicate<Edge> intoBody = leaves.and(edge -> edge.fromPort().equals(BODY_PORT));
                    Set<String> body = EdgeWalk.reachableFrom(id, leaves.negate().or(intoBody), outgoing);
                    Set<String> outside = EdgeWalk.reachableFrom(Trigger.NODE_ID, intoBody.negate(), outgoing);
                    edges.stream().filter(edge -> edge.to().equals(id) && body.contains(edge.from())
                            && !outside.contains(edge.from())).forEach(loopBacks::add);
                    body.stream().filter(inner -> !inner.equals(id) && !outside.contains(inner)
                                    && nodes.containsKey(inner)
                                    && NodeType.fromJson(nodes.get(inner).type()).orElse(null) == NodeType.FOR_EACH)
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

        private static boolean wholeBetween(Object value, long min, long max) {
            return value instanceof Long number && number >= min && number <= max;
        }

        private void problem(String path, String nodeId, String message) {
            problems.add(new DefinitionProblem(path, nodeId, message));
        }
    }
}
