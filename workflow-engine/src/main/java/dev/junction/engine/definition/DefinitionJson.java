package dev.junction.engine.definition;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON form of a {@link WorkflowDefinition}. Reading walks the JSON tree by hand, so that every problem with
 * the shape is reported at once, each under its JSON path; writing gives a stable, readable document that reads
 * back to an equal definition.
 */
public final class DefinitionJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String SCHEMA_RESOURCE = "workflow-definition.schema.json";

    private static final Set<String> DEFINITION_FIELDS = Set.of("schemaVersion", "trigger", "nodes", "edges");
    private static final Set<String> TRIGGER_FIELDS = Set.of("kind", "config", "position");
    private static final Set<String> NODE_FIELDS = Set.of("id", "type", "name", "config", "position", "retry", "onError");
    private static final Set<String> EDGE_FIELDS = Set.of("from", "fromPort", "to");
    private static final Set<String> POSITION_FIELDS = Set.of("x", "y");
    private static final Set<String> RETRY_FIELDS = Set.of("maxAttempts", "initialDelayMillis", "maxDelayMillis",
            "multiplier");

    private DefinitionJson() {
    }

    /** Reads a definition; throws {@link DefinitionFormatException} naming every shape problem. */
    public static WorkflowDefinition read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new DefinitionFormatException(List.of(
                    new DefinitionProblem("$", null, "is not valid JSON: " + e.getOriginalMessage())));
        }
        Reader reader = new Reader();
        WorkflowDefinition definition = reader.definition(root);
        if (!reader.problems.isEmpty()) {
            throw new DefinitionFormatException(reader.problems);
        }
        return definition;
    }

    public static String write(WorkflowDefinition definition) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", definition.schemaVersion());
        ObjectNode trigger = root.putObject("trigger");
        trigger.put("kind", definition.trigger().kind().jsonName());
        trigger.set("config", MAPPER.valueToTree(definition.trigger().config()));
        writePosition(trigger, definition.trigger().position());
        ArrayNode nodes = root.putArray("nodes");
        for (Node node : definition.nodes()) {
            ObjectNode written = nodes.addObject();
            written.put("id", node.id());
            written.put("type", node.type());
            written.put("name", node.name());
            written.set("config", MAPPER.valueToTree(node.config()));
            writePosition(written, node.position());
            ObjectNode retry = written.putObject("retry");
            retry.put("maxAttempts", node.retry().maxAttempts());
            retry.put("initialDelayMillis", node.retry().initialDelayMillis());
            retry.put("maxDelayMillis", node.retry().maxDelayMillis());
            retry.put("multiplier", node.retry().multiplier());
            written.put("onError", node.onError().jsonName());
        }
        ArrayNode edges = root.putArray("edges");
        for (Edge edge : definition.edges()) {
            edges.addObject().put("from", edge.from()).put("fromPort", edge.fromPort()).put("to", edge.to());
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** The JSON Schema (draft 2020-12) of this format. */
    public static String schema() {
        try (InputStream in = DefinitionJson.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePosition(ObjectNode owner, Position position) {
        owner.putObject("position").put("x", position.x()).put("y", position.y());
    }

    /** Reads one document, collecting problems instead of stopping at the first. */
    private static final class Reader {

        private final List<DefinitionProblem> problems = new ArrayList<>();

        WorkflowDefinition definition(JsonNode root) {
            if (!root.isObject()) {
                problem("$", null, "must be a JSON object with schemaVersion, trigger, nodes and edges");
                return null;
            }
            unknownFields(root, DEFINITION_FIELDS, "$", null);
            JsonNode version = root.get("schemaVersion");
            if (version == null || !version.isIntegralNumber() || version.intValue() != WorkflowDefinition.SCHEMA_VERSION) {
                problem("$.schemaVersion", null, "is required and must be " + WorkflowDefinition.SCHEMA_VERSION
                        + (version == null ? "" : ", was " + version));
            }
            Trigger trigger = trigger(root.get("trigger"));
            List<Node> nodes = new ArrayList<>();
            JsonNode nodesJson = array(root, "nodes", "$");
            if (nodesJson != null) {
                for (int i = 0; i < nodesJson.size(); i++) {
                    Node node = node(nodesJson.get(i), "$.nodes[" + i + "]");
                    if (node != null) {
                        nodes.add(node);
                    }
                }
            }
            List<Edge> edges = new ArrayList<>();
            JsonNode edgesJson = array(root, "edges", "$");
            if (edgesJson != null) {
                for (int i = 0; i < edgesJson.size(); i++) {
                    Edge edge = edge(edgesJson.get(i), "$.edges[" + i + "]");
                    if (edge != null) {
                        edges.add(edge);
                    }
                }
            }
            return problems.isEmpty()
                    ? new WorkflowDefinition(WorkflowDefinition.SCHEMA_VERSION, trigger, nodes, edges) : null;
        }

        private Trigger trigger(JsonNode json) {
            String path = "$.trigger";
            if (json == null || !json.isObject()) {
                problem(path, null, "is required: an object with kind, config and position");
                return null;
            }
            unknownFields(json, TRIGGER_FIELDS, path, null);
            String kindName = text(json, "kind", path, null, true);
            TriggerKind kind = null;
            if (kindName != null) {
                kind = TriggerKind.fromJson(kindName).orElse(null);
                if (kind == null) {
                    problem(path + ".kind", null, "must be one of " + names(TriggerKind.values()) + ", was '"
                            + kindName + "'");
                }
            }
            Map<String, Object> config = config(json, path, null);
            Position position = position(json, path, null);
            return kind == null || config == null || position == null ? null : new Trigger(kind, config, position);
        }

        private Node node(JsonNode json, String path) {
            if (json == null || !json.isObject()) {
                problem(path, null, "must be an object with id, type, name and config");
                return null;
            }
            String id = text(json, "id", path, null, true);
            unknownFields(json, NODE_FIELDS, path, id);
            String type = text(json, "type", path, id, true);
            String name = text(json, "name", path, id, true);
            Map<String, Object> config = config(json, path, id);
            Position position = position(json, path, id);
            RetryPolicy retry = retry(json.get("retry"), path + ".retry", id);
            ErrorPolicy onError = ErrorPolicy.FAIL;
            String policy = text(json, "onError", path, id, false);
            if (policy != null) {
                onError = ErrorPolicy.fromJson(policy).orElse(null);
                if (onError == null) {
                    problem(path + ".onError", id, "must be one of " + names(ErrorPolicy.values()) + ", was '"
                            + policy + "'");
                }
            }
            if (id == null || type == null || name == null || config == null || position == null || retry == null
                    || onError == null) {
                return null;
            }
            return new Node(id, type, name, config, position, retry, onError);
        }

        private Edge edge(JsonNode json, String path) {
            if (json == null || !json.isObject()) {
                problem(path, null, "must be an object with from, fromPort and to");
                return null;
            }
            unknownFields(json, EDGE_FIELDS, path, null);
            String from = text(json, "from", path, null, true);
            String to = text(json, "to", path, null, true);
            String fromPort = text(json, "fromPort", path, null, false);
            if (from == null || to == null) {
                return null;
            }
            return new Edge(from, fromPort == null ? "out" : fromPort, to);
        }

        private RetryPolicy retry(JsonNode json, String path, String nodeId) {
            if (json == null) {
                return RetryPolicy.DEFAULT;
            }
            if (!json.isObject()) {
                problem(path, nodeId, "must be an object with " + String.join(", ", new TreeSet<>(RETRY_FIELDS)));
                return null;
            }
            unknownFields(json, RETRY_FIELDS, path, nodeId);
            RetryPolicy defaults = RetryPolicy.DEFAULT;
            Long attempts = whole(json, "maxAttempts", path, nodeId, 1, RetryPolicy.MAX_ATTEMPTS, defaults.maxAttempts());
            Long initial = whole(json, "initialDelayMillis", path, nodeId, 0, RetryPolicy.MAX_INITIAL_DELAY_MILLIS,
                    defaults.initialDelayMillis());
            Long max = whole(json, "maxDelayMillis", path, nodeId, 0, RetryPolicy.MAX_DELAY_MILLIS,
                    defaults.maxDelayMillis());
            Double multiplier = decimal(json, "multiplier", path, nodeId, 1.0, RetryPolicy.MAX_MULTIPLIER,
                    defaults.multiplier());
            if (initial != null && max != null && max < initial) {
                problem(path + ".maxDelayMillis", nodeId, "must not be less than initialDelayMillis (" + initial + ")");
                return null;
            }
            if (attempts == null || initial == null || max == null || multiplier == null) {
                return null;
            }
            return new RetryPolicy(attempts.intValue(), initial, max, multiplier);
        }

        private Position position(JsonNode owner, String ownerPath, String nodeId) {
            JsonNode json = owner.get("position");
            String path = ownerPath + ".position";
            if (json == null) {
                return new Position(0, 0);
            }
            if (!json.isObject() || !isNumber(json.get("x")) || !isNumber(json.get("y"))) {
                problem(path, nodeId, "must be an object {\"x\": number, \"y\": number}");
                return null;
            }
            unknownFields(json, POSITION_FIELDS, path, nodeId);
            return new Position(json.get("x").doubleValue(), json.get("y").doubleValue());
        }

        private Map<String, Object> config(JsonNode owner, String ownerPath, String nodeId) {
            JsonNode json = owner.get("config");
            if (json == null || json.isNull()) {
                return Map.of();
            }
            if (!json.isObject()) {
                problem(ownerPath + ".config", nodeId, "must be a JSON object");
                return null;
            }
            return objectValue(json);
        }

        private JsonNode array(JsonNode owner, String field, String ownerPath) {
            JsonNode json = owner.get(field);
            if (json == null || !json.isArray()) {
                problem(ownerPath + "." + field, null, "is required and must be an array (it may be empty)");
                return null;
            }
            return json;
        }

        private String text(JsonNode owner, String field, String ownerPath, String nodeId, boolean required) {
            JsonNode json = owner.get(field);
            if (json == null || json.isNull()) {
                if (required) {
                    problem(ownerPath + "." + field, nodeId, "is required");
                }
                return null;
            }
            if (!json.isString()) {
                problem(ownerPath + "." + field, nodeId, "must be a string");
                return null;
            }
            return json.asString();
        }

        private Long whole(JsonNode owner, String field, String ownerPath, String nodeId, long min, long max,
                           long fallback) {
            JsonNode json = owner.get(field);
            if (json == null) {
                return fallback;
            }
            if (!json.isIntegralNumber() || !json.canConvertToLong() || json.longValue() < min || json.longValue() > max) {
                problem(ownerPath + "." + field, nodeId, "must be a whole number from " + min + " to " + max);
                return null;
            }
            return json.longValue();
        }

        private Double decimal(JsonNode owner, String field, String ownerPath, String nodeId, double min, double max,
                               double fallback) {
            JsonNode json = owner.get(field);
            if (json == null) {
                return fallback;
            }
            if (!json.isNumber() || json.doubleValue() < min || json.doubleValue() > max) {
                problem(ownerPath + "." + field, nodeId, "must be a number from " + min + " to " + max);
                return null;
            }
            return json.doubleValue();
        }

        private void unknownFields(JsonNode json, Set<String> known, String path, String nodeId) {
            for (Map.Entry<String, JsonNode> property : json.properties()) {
                if (!known.contains(property.getKey())) {
                    problem(path + "." + property.getKey(), nodeId, "is not a known field; known fields: "
                            + String.join(", ", new TreeSet<>(known)));
                }
            }
        }

        private void problem(String path, String nodeId, String message) {
            problems.add(new DefinitionProblem(path, nodeId, message));
        }

        private static boolean isNumber(JsonNode json) {
            return json != null && json.isNumber();
        }

        private static Map<String, Object> objectValue(JsonNode json) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> property : json.properties()) {
                object.put(property.getKey(), value(property.getValue()));
            }
            return Collections.unmodifiableMap(object);
        }

        private static Object value(JsonNode json) {
            if (json.isObject()) {
                return objectValue(json);
            }
            if (json.isArray()) {
                List<Object> list = new ArrayList<>(json.size());
                json.forEach(item -> list.add(value(item)));
                return Collections.unmodifiableList(list);
            }
            if (json.isString()) {
                return json.asString();
            }
            if (json.isBoolean()) {
                return json.booleanValue();
            }
            if (json.isNumber()) {
                return json.numberValue();
            }
            return null;
        }

        private static String names(Enum<?>[] values) {
            List<String> names = new ArrayList<>();
            for (Enum<?> value : values) {
                names.add(switch (value) {
                    case TriggerKind kind -> kind.jsonName();
                    case ErrorPolicy policy -> policy.jsonName();
                    case NodeType type -> type.jsonName();
                    default -> value.name();
                });
            }
            return String.join(", ", names);
        }
    }
}
