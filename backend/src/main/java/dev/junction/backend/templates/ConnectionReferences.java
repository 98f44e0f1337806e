package dev.junction.backend.templates;

import dev.junction.engine.definition.Node;
import dev.junction.engine.definition.WorkflowDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where a definition (its JSON form, or parsed) names connections: a polling trigger's {@code connection}, a webhook
 * verification's {@code connection}, each connector and wait-until node's {@code connection}, and a
 * reconcile-settlement node's {@code amazonConnection} and {@code opayoConnection}.
 */
public final class ConnectionReferences {

    /** The config fields of a node that hold a connection id. */
    private static final List<String> NODE_FIELDS = List.of("connection", "amazonConnection", "opayoConnection");

    /** One place: the node ({@code trigger} for the trigger), the connection id and the operation used with it. */
    record Reference(String nodeId, String connectionId, String operation) {
    }

    private ConnectionReferences() {
    }

    static List<Reference> in(Map<String, Object> definition) {
        List<Reference> found = new ArrayList<>();
        if (definition.get("trigger") instanceof Map<?, ?> trigger && trigger.get("config") instanceof Map<?, ?> config) {
            inTrigger(config, found);
        }
        if (definition.get("nodes") instanceof List<?> nodes) {
            for (Object item : nodes) {
                if (item instanceof Map<?, ?> node && node.get("config") instanceof Map<?, ?> config) {
                    inNode(String.valueOf(node.get("id")), config, found);
                }
            }
        }
        return found;
    }

    /** The same places in a parsed definition (no JSON written or read). */
    static List<Reference> in(WorkflowDefinition definition) {
        List<Reference> found = new ArrayList<>();
        if (definition.trigger().config() != null) {
            inTrigger(definition.trigger().config(), found);
        }
        for (Node node : definition.nodes()) {
            if (node.config() != null) {
                inNode(node.id(), node.config(), found);
            }
        }
        return found;
    }

    /** The ids of the connections a parsed definition names, each once, in the order they appear. */
    public static Set<String> ids(WorkflowDefinition definition) {
        Set<String> ids = new LinkedHashSet<>();
        in(definition).forEach(reference -> ids.add(reference.connectionId()));
        return ids;
    }

    private static void inTrigger(Map<?, ?> config, List<Reference> found) {
        if (config.get("connection") instanceof String id) {
            found.add(new Reference("trigger", id, config.get("operation") instanceof String op ? op : null));
        }
        if (config.get("verification") instanceof Map<?, ?> verification
                && verification.get("connection") instanceof String id) {
            found.add(new Reference("trigger", id, null));
        }
    }

    private static void inNode(String nodeId, Map<?, ?> config, List<Reference> found) {
        for (String field : NODE_FIELDS) {
            if (config.get(field) instanceof String id) {
                found.add(new Reference(nodeId, id,
                        field.equals("connection") && config.get("operation") instanceof String op ? op : null));
            }
        }
    }

    /** A copy of the definition whose connection fields are replaced by {@code replace} (same id: unchanged). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> replaced(Map<String, Object> definition, UnaryOperator<String> replace) {
        Map<String, Object> copy = (Map<String, Object>) deepCopy(definition);
        if (copy.get("trigger") instanceof Map<?, ?> trigger && trigger.get("config") instanceof Map<?, ?> config) {
            replaceIn((Map<String, Object>) config, replace);
            if (config.get("verification") instanceof Map<?, ?> verification) {
                replaceIn((Map<String, Object>) verification, replace);
            }
        }
        if (copy.get("nodes") instanceof List<?> nodes) {
            for (Object item : nodes) {
                if (item instanceof Map<?, ?> node && node.get("config") instanceof Map<?, ?> config) {
                    replaceIn((Map<String, Object>) config, replace);
                }
            }
        }
        return copy;
    }

    private static void replaceIn(Map<String, Object> config, UnaryOperator<String> replace) {
        for (String field : NODE_FIELDS) {
            if (config.get(field) instanceof String id) {
                config.put(field, replace.apply(id));
            }
        }
    }

    static Object deepCopy(Object value) {
        return switch (value) {
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((key, item) -> copy.put(String.valueOf(key), deepCopy(item)));
                yield copy;
            }
            case List<?> list -> {
                List<Object> copy = new ArrayList<>();
                list.forEach(item -> copy.add(deepCopy(item)));
                yield copy;
            }
            case null, default -> value;
        };
    }
}
