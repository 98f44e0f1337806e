package dev.junction.ui.mappings.editor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored mapping's JSON with its keys in the order people write them (a rule's {@code target} first, then where
 * its value comes from, then what shapes it). PostgreSQL's jsonb keeps an object's keys shortest first, which made
 * the text view show {@code from} before {@code target}. Only the order changes: every key and value is kept, keys
 * this class does not know come after the known ones in the order they had.
 */
final class MappingKeyOrder {

    private static final List<String> DOCUMENT = List.of("schemaVersion", "name", "description", "source", "target",
            "rules");
    private static final List<String> RULE = List.of("target", "from", "value", "expression", "forEach", "where",
            "sortBy", "groupBy", "rules", "pipe", "valueMap", "lookup", "default", "when", "description");
    private static final List<String> STEP = List.of("fn", "args");
    private static final List<String> WHEN = List.of("from", "fn", "args", "expression");

    private MappingKeyOrder() {
    }

    /** The mapping document (any JSON value; what is not an object comes back as it was) with its keys ordered. */
    static Object document(Object document) {
        if (!(document instanceof Map<?, ?> map)) {
            return document;
        }
        Map<String, Object> ordered = ordered(map, DOCUMENT);
        if (ordered.get("rules") instanceof List<?> rules) {
            ordered.put("rules", rules(rules));
        }
        return ordered;
    }

    private static List<Object> rules(List<?> rules) {
        return rules.stream().map(rule -> {
            if (!(rule instanceof Map<?, ?> map)) {
                return rule;
            }
            Map<String, Object> ordered = ordered(map, RULE);
            if (ordered.get("rules") instanceof List<?> inner) {
                ordered.put("rules", rules(inner));
            }
            if (ordered.get("pipe") instanceof List<?> pipe) {
                ordered.put("pipe", pipe.stream().map(step -> step instanceof Map<?, ?> fields
                        ? (Object) ordered(fields, STEP) : step).toList());
            }
            for (String key : List.of("when", "where")) {
                if (ordered.get(key) instanceof Map<?, ?> condition) {
                    ordered.put(key, ordered(condition, WHEN));
                }
            }
            return (Object) ordered;
        }).toList();
    }

    private static Map<String, Object> ordered(Map<?, ?> map, List<String> order) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String key : order) {
            if (map.containsKey(key)) {
                ordered.put(key, map.get(key));
            }
        }
        map.forEach((key, value) -> ordered.putIfAbsent(String.valueOf(key), value));
        return ordered;
    }
}
