package dev.junction.engine.definition;

import dev.junction.engine.nodes.NodeKind;
import dev.junction.engine.nodes.NodeKinds;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The JSON form of a {@link WorkflowDefinition}. Reading walks the JSON tree by hand, so that every problem with
 * the shape is reported at once, each under its JSON path (such as {@code $.nodes[2].retry.maxAttempts}); writing
 * gives a stable, readable document that reads back to an equal definition. Whole numbers in config read as
 * {@code Long}, other numbers as {@code Double}. {@link #schema()} is the same format as a JSON Schema.
 */
public final class DefinitionJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SCHEMA_RESOURCE = "workflow-definition.schema.json";

    /** The port an edge leaves from when its JSON form names none. */
    private static final String DEFAULT_PORT = NodeKind.OUT;
    /** How much of a wrong value a message quotes. */
    private static final int QUOTED_LENGTH = 60;

    private static final Set<String> DEFINITION_FIELDS = Set.of("schemaVersion", "trigger", "nodes", "edges", "notes");
    private static final Set<String> NOTE_FIELDS = Set.of("id", "text", "position", "color");
    private static final Set<String> TRIGGER_FIELDS = Set.of("kind", "config", "position");
    private static final Set<String> NODE_FIELDS = Set.of("id", "type", "name", "config", "position", "retry", "onError");
    private static final Set<String> EDGE_FIELDS = Set.of("from", "fromPort", "to");
    private static final Set<String> POSITION_FIELDS = Set.of("x", "y");
    private static final Set<String> RETRY_FIELDS = Set.of("maxAttempts", "budget", "initialDelayMillis",
            "maxDelayMillis", "multiplier");

    private DefinitionJson() {
    }

    /**
     * Reads a definition from its JSON form.
     *
     * @throws DefinitionFormatException naming every shape problem, each with its JSON path
     */
    public static WorkflowDefinition read(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new DefinitionFormatException(List.of(
                    new DefinitionProblem("$", null, "is not valid JSON: " + e.getOriginalMessage() + where(e))));
        }
        Reader reader = new Reader();
        WorkflowDefinition definition = reader.definition(root);
        if (!reader.problems.isEmpty()) {
            throw new DefinitionFormatException(reader.problems);
        }
        return definition;
    }

    /**
     * The JSON form of a definition, pretty-printed, with every field written (defaults too) in a fixed order:
     * schemaVersion, trigger {kind, config, position}, nodes [{id, type, name, config, position, retry, onError}],
     * edges [{from, fromPort, to}].
     */
    public static String write(WorkflowDefinition definition) {
        ObjectNode root = NODES.objectNode();
        root.put("schemaVersion", definition.schemaVersion());
        ObjectNode trigger = root.putObject("trigger");
        trigger.put("kind", definition.trigger().kind().jsonName());
        trigger.set("config", tree(definition.trigger().config()));
        trigger.set("position", tree(definition.trigger().position()));
        ArrayNode nodes = root.putArray("nodes");
        for (Node node : definition.nodes()) {
            ObjectNode written = nodes.addObject();
            written.put("id", node.id());
            written.put("type", node.type());
            written.put("name", node.name());
            written.set("config", tree(node.config()));
            written.set("position", tree(node.position()));
            ObjectNode retry = written.putObject("retry");
            if (node.retry().maxAttempts() != null) {
                retry.put("maxAttempts", node.retry().maxAttempts());
            }
            retry.put("initialDelayMillis", node.retry().initialDelayMillis())
                    .put("maxDelayMillis", node.retry().maxDelayMillis())
                    .put("multiplier", node.retry().multiplier())
                    .put("budget", node.retry().budget().toString());
            written.put("onError", node.onError().jsonName());
        }
        ArrayNode edges = root.putArray("edges");
        for (Edge edge : definition.edges()) {
            edges.addObject().put("from", edge.from()).put("fromPort", edge.fromPort()).put("to", edge.to());
        }
        if (!definition.notes().isEmpty()) {
            ArrayNode notes = root.putArray("notes");
            for (Note note : definition.notes()) {
                ObjectNode written = notes.addObject().put("id", note.id()).put("text", note.text());
                written.set("position", tree(note.position()));
                if (note.color() != null) {
                    written.put("color", note.color());
                }
            }
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /**
     * The JSON Schema (draft 2020-12) of this format, {@code https://junction.dev/schemas/workflow.json}: the frame
     * (trigger, edges, a node's common fields) from {@value #SCHEMA_RESOURCE}, and per node kind its config schema
     * under {@code $defs} ({@code connectorConfig}, …), chosen by the node's {@code type}.
     */
    public static String schema() {
        return SCHEMA;
    }

    private static final String SCHEMA = WorkflowSchema.assemble(frame());

    private static String frame() {
        try (InputStream in = DefinitionJson.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE + " beside "
                        + DefinitionJson.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static ObjectNode tree(Position position) {
        return NODES.objectNode().put("x", position.x()).put("y", position.y());
    }

    /** A config value (already plain JSON, see {@link Node}) as a JSON tree. */
    private static JsonNode tree(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case String text -> NODES.stringNode(text);
            case Boolean flag -> NODES.booleanNode(flag);
            case Long number -> NODES.numberNode(number.longValue());
            case Double number -> NODES.numberNode(number.doubleValue());
            case Map<?, ?> map -> {
                ObjectNode object = NODES.objectNode();
                map.forEach((key, item) -> object.set((String) key, tree(item)));
                yield object;
            }
            case List<?> list -> {
                ArrayNode array = NODES.arrayNode();
                list.forEach(item -> array.add(tree(item)));
                yield array;
            }
            default -> throw new IllegalStateException("not a JSON value: " + value.getClass().getName());
        };
    }

    /** A wrong value as a message shows it: whole when short, else its start. */
    private static String quoted(String value) {
        return value.length() <= QUOTED_LENGTH ? value : value.substring(0, QUOTED_LENGTH) + "…";
    }

    private static <E extends Enum<E>> String names(E[] values, Function<E, String> jsonName) {
        return Arrays.stream(values).map(jsonName).collect(Collectors.joining(", "));
    }

    /** Reads one document, collecting problems instead of stopping at the first. */
    private static final class Reader {

        private final List<DefinitionProblem> problems = new ArrayList<>();

        WorkflowDefinition definition(JsonNode root) {
            if (root == null || !root.isObject()) {
                problem("$", null, "must be a JSON object with schemaVersion, trigger, nodes and edges");
                return null;
            }
            unknownFields(root, DEFINITION_FIELDS, "$", null);
            JsonNode version = root.get("schemaVersion");
            if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()
                    || version.intValue() != WorkflowDefinition.SCHEMA_VERSION) {
                problem("$.schemaVersion", null, "is required and must be " + WorkflowDefinition.SCHEMA_VERSION
                        + (version == null ? "" : ", was " + quoted(version.toString())));
            }
            Trigger trigger = trigger(root.get("trigger"));
            List<Node> nodes = new ArrayList<>();
            JsonNode nodesJson = array(root, "nodes");
            if (nodesJson != null) {
                for (int i = 0; i < nodesJson.size(); i++) {
                    Node node = node(nodesJson.get(i), "$.nodes[" + i + "]");
                    if (node != null) {
                        nodes.add(node);
                    }
                }
            }
            List<Edge> edges = new ArrayList<>();
            JsonNode edgesJson = array(root, "edges");
            if (edgesJson != null) {
                for (int i = 0; i < edgesJson.size(); i++) {
                    Edge edge = edge(edgesJson.get(i), "$.edges[" + i + "]");
                    if (edge != null) {
                        edges.add(edge);
                    }
                }
            }
            List<Note> notes = notes(root.get("notes"));
            return problems.isEmpty()
                    ? new WorkflowDefinition(WorkflowDefinition.SCHEMA_VERSION, trigger, nodes, edges, notes) : null;
        }

        /** The canvas's notes (optional): unique ids, markdown text of at most 10,000 characters, a place. */
        private List<Note> notes(JsonNode json) {
            List<Note> notes = new ArrayList<>();
            if (json == null || json.isNull()) {
                return notes;
            }
            if (!json.isArray()) {
                problem("$.notes", null, "must be an array of notes (it may be left out)");
                return notes;
            }
            if (json.size() > Note.MAX_NOTES) {
                problem("$.notes", null, "may hold at most " + Note.MAX_NOTES + " notes, has " + json.size());
                return notes;
            }
            Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < json.size(); i++) {
                String path = "$.notes[" + i + "]";
                JsonNode noteJson = json.get(i);
                if (noteJson == null || !noteJson.isObject()) {
                    problem(path, null, "must be an object with id, text and position");
                    continue;
                }
                unknownFields(noteJson, NOTE_FIELDS, path, null);
                String id = text(noteJson, "id", path, null, true);
                if (id != null && !Note.ID.matcher(id).matches()) {
                    problem(path + ".id", null, "must be a letter or digit, then letters, digits, _ or -, at most 64"
                            + " characters, was '" + quoted(id) + "'");
                    id = null;
                } else if (id != null && !ids.add(id)) {
                    problem(path + ".id", null, "must be unique among the notes: '" + id + "' is there twice");
                    id = null;
                }
                String text = text(noteJson, "text", path, null, true);
                if (text != null && text.length() > Note.TEXT_MAX_LENGTH) {
                    problem(path + ".text", null, "must be at most " + Note.TEXT_MAX_LENGTH + " characters, has "
                            + text.length());
                    text = null;
                }
                String color = text(noteJson, "color", path, null, false);
                if (color != null && !Note.COLOR.matcher(color).matches()) {
                    problem(path + ".color", null, "must be #rrggbb or a colour name of lower-case letters, was '"
                            + quoted(color) + "'");
                }
                Position position = position(noteJson, path, null);
                if (id != null && text != null && position != null) {
                    notes.add(new Note(id, text, position, color));
                }
            }
            return notes;
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
                    problem(path + ".kind", null, "must be one of " + names(TriggerKind.values(), TriggerKind::jsonName)
                            + ", was '" + quoted(kindName) + "'");
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
                    problem(path + ".onError", id, "must be one of " + names(ErrorPolicy.values(), ErrorPolicy::jsonName)
                            + ", was '" + quoted(policy) + "'");
                }
            }
            if (id == null || type == null || name == null || config == null || position == null || retry == null
                    || onError == null) {
                return null;
            }
            // a config saved by an older version of its kind is read in the current form
            Map<String, Object> current = NodeKinds.find(type).map(kind -> kind.upgrade(config)).orElse(config);
            return new Node(id, type, name, current, position, retry, onError);
        }

        private Edge edge(JsonNode json, String path) {
            if (json == null || !json.isObject()) {
                problem(path, null, "must be an object with from, fromPort and to");
                return null;
            }
            unknownFields(json, EDGE_FIELDS, path, null);
            String from = text(json, "from", path, null, true);
            String fromPort = text(json, "fromPort", path, null, false);
            String to = text(json, "to", path, null, true);
            if (from == null || to == null) {
                return null;
            }
            return new Edge(from, fromPort == null ? DEFAULT_PORT : fromPort, to);
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
            boolean capped = json.get("maxAttempts") != null && !json.get("maxAttempts").isNull();
            Long attempts = capped ? whole(json, "maxAttempts", path, nodeId, 1, RetryPolicy.MAX_ATTEMPTS, 1) : null;
            Long initial = whole(json, "initialDelayMillis", path, nodeId, 0, RetryPolicy.MAX_INITIAL_DELAY_MILLIS,
                    defaults.initialDelayMillis());
            Long max = whole(json, "maxDelayMillis", path, nodeId, 0, RetryPolicy.MAX_DELAY_MILLIS,
                    defaults.maxDelayMillis());
            Double multiplier = decimal(json, "multiplier", path, nodeId, RetryPolicy.MIN_MULTIPLIER,
                    RetryPolicy.MAX_MULTIPLIER, defaults.multiplier());
            Duration budget = budget(json, path, nodeId);
            if (initial != null && max != null && max < initial) {
                problem(path + ".maxDelayMillis", nodeId, "must not be less than initialDelayMillis (" + initial
                        + "), was " + max);
                return null;
            }
            if ((capped && attempts == null) || initial == null || max == null || multiplier == null
                    || budget == null) {
                return null;
            }
            return new RetryPolicy(attempts == null ? null : attempts.intValue(), initial, max, multiplier, budget);
        }

        /** The retry budget: an ISO 8601 duration from PT0S to the longest budget (default: 15 minutes). */
        private Duration budget(JsonNode retry, String path, String nodeId) {
            JsonNode json = retry.get("budget");
            if (json == null) {
                return RetryPolicy.DEFAULT_BUDGET;
            }
            String expectation = "must be an ISO 8601 duration from PT0S to " + RetryPolicy.MAX_BUDGET.toDays()
                    + " days, such as PT15M, was ";
            if (!json.isString()) {
                problem(path + ".budget", nodeId, expectation + quoted(json.toString()));
                return null;
            }
            try {
                Duration budget = Duration.parse(json.asString().strip());
                if (!budget.isNegative() && budget.compareTo(RetryPolicy.MAX_BUDGET) <= 0) {
                    return budget;
                }
            } catch (java.time.format.DateTimeParseException malformed) {
                // described below
            }
            problem(path + ".budget", nodeId, expectation + quoted(json.toString()));
            return null;
        }

        private Position position(JsonNode owner, String ownerPath, String nodeId) {
            JsonNode json = owner.get("position");
            String path = ownerPath + ".position";
            if (json == null) {
                return new Position(0, 0);
            }
            if (!json.isObject()) {
                problem(path, nodeId, "must be an object {\"x\": number, \"y\": number}");
                return null;
            }
            unknownFields(json, POSITION_FIELDS, path, nodeId);
            Double x = coordinate(json, "x", path, nodeId);
            Double y = coordinate(json, "y", path, nodeId);
            return x == null || y == null ? null : new Position(x, y);
        }

        private Double coordinate(JsonNode position, String field, String path, String nodeId) {
            JsonNode json = position.get(field);
            Double value = json != null && json.isNumber() ? finite(json) : null;
            if (value == null) {
                problem(path + "." + field, nodeId, json == null ? "is required: a number"
                        : "must be a number (of the range of a 64-bit floating-point number)");
            }
            return value;
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
            int before = problems.size();
            Map<String, Object> config = object(json, ownerPath + ".config", nodeId);
            return problems.size() == before ? config : null;
        }

        private Map<String, Object> object(JsonNode json, String path, String nodeId) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> property : json.properties()) {
                object.put(property.getKey(), value(property.getValue(), path + "." + property.getKey(), nodeId));
            }
            return object;
        }

        private Object value(JsonNode json, String path, String nodeId) {
            if (json.isObject()) {
                return object(json, path, nodeId);
            }
            if (json.isArray()) {
                List<Object> list = new ArrayList<>(json.size());
                for (int i = 0; i < json.size(); i++) {
                    list.add(value(json.get(i), path + "[" + i + "]", nodeId));
                }
                return list;
            }
            if (json.isString()) {
                return json.asString();
            }
            if (json.isBoolean()) {
                return json.booleanValue();
            }
            if (json.isNumber()) {
                if (json.isIntegralNumber() && json.canConvertToLong()) {
                    return json.longValue();
                }
                Double value = finite(json);
                if (value == null) {
                    problem(path, nodeId, "is a number beyond the range of a 64-bit floating-point number");
                }
                return value;
            }
            return null;
        }

        private JsonNode array(JsonNode owner, String field) {
            JsonNode json = owner.get(field);
            if (json == null || !json.isArray()) {
                problem("$." + field, null, "is required and must be an array (it may be empty)");
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
                problem(ownerPath + "." + field, nodeId, "must be a whole number from " + min + " to " + max
                        + ", was " + quoted(json.toString()));
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
            Double value = json.isNumber() ? finite(json) : null;
            if (value == null || value < min || value > max) {
                problem(ownerPath + "." + field, nodeId, "must be a number from " + min + " to " + max
                        + ", was " + quoted(json.toString()));
                return null;
            }
            return value;
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

        /** A JSON number as a double, or null when it is beyond a double's range. */
        private static Double finite(JsonNode number) {
            double value = number.numberValue().doubleValue();
            return Double.isFinite(value) ? value : null;
        }
    }
}
