package dev.junction.engine.definition;

import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.nodes.NodeKind;
import dev.junction.engine.nodes.NodeKinds;
import dev.junction.engine.nodes.Port;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Assembles the workflow definition's JSON Schema: the frame (the document, the trigger, a node's common fields,
 * edges) and, from {@link NodeKinds}, the node types, what each one's ports are, and each kind's config schema
 * under {@code $defs/<type>Config}, which a node's {@code config} must match when its {@code type} is that kind's;
 * likewise each {@link TriggerKind}'s config schema under {@code $defs/<kind>TriggerConfig}, which the trigger's
 * {@code config} must match when its {@code kind} is that one.
 */
final class WorkflowSchema {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WorkflowSchema() {
    }

    @SuppressWarnings("unchecked")
    static String assemble(String frameJson) {
        Map<String, Object> root = (Map<String, Object>) PayloadJson.read(frameJson);
        Map<String, Object> defs = (Map<String, Object>) root.get("$defs");
        Map<String, Object> node = (Map<String, Object>) defs.get("node");
        Map<String, Object> properties = (Map<String, Object>) node.get("properties");
        Map<String, Object> type = new LinkedHashMap<>((Map<String, Object>) properties.get("type"));
        type.put("description", "What the step does; decides its config and its output ports ("
                + NodeKinds.all().stream().map(WorkflowSchema::ports).collect(Collectors.joining("; "))
                + "; every node also has 'error' while its onError is \"error\").");
        type.put("enum", NodeKinds.types());
        properties.put("type", type);
        List<Object> byType = new ArrayList<>();
        for (NodeKind kind : NodeKinds.all()) {
            String name = kind.type() + "Config";
            defs.put(name, kind.configSchema());
            byType.add(configWhen("type", kind.type(), name));
        }
        node.put("allOf", byType);
        Map<String, Object> trigger = (Map<String, Object>) ((Map<String, Object>) root.get("properties"))
                .get("trigger");
        List<Object> byKind = new ArrayList<>();
        for (TriggerKind kind : TriggerKind.values()) {
            String name = kind.jsonName() + "TriggerConfig";
            defs.put(name, kind.configSchema());
            byKind.add(configWhen("kind", kind.jsonName(), name));
        }
        trigger.put("allOf", byKind);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** {@code if} the object's {@code field} is {@code value}, {@code then} its {@code config} matches that def. */
    private static Map<String, Object> configWhen(String field, String value, String configDef) {
        Map<String, Object> when = ordered("properties", Map.of(field, Map.of("const", value)));
        when.put("required", List.of(field));
        return ordered("if", when, "then", ordered("properties",
                ordered("config", ordered("$ref", "#/$defs/" + configDef))));
    }

    private static Map<String, Object> ordered(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    private static Map<String, Object> ordered(String key, Object value, String key2, Object value2) {
        Map<String, Object> map = ordered(key, value);
        map.put(key2, value2);
        return map;
    }

    private static String ports(NodeKind kind) {
        String fixed = kind.ports().stream().map(port -> "'" + port.name() + "'").collect(Collectors.joining(", "));
        return kind.type() + ": " + kind.dynamicPorts().map(dynamic -> dynamic + ", and " + fixed).orElse(fixed);
    }
}
