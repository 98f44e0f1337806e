package dev.junction.backend.templates;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How many fields one definition (JSON form) changed against another, counted as the designer's three-way merge
 * ({@code DefinitionMerge}) compares them: nodes and notes matched by id (a node added or removed is one change, a
 * node changed counts its changed fields, deep), edges as a set (each edge added or removed is one change), other
 * objects field by field, lists as one value each.
 */
final class FieldChanges {

    private FieldChanges() {
    }

    static int count(Map<String, Object> from, Map<String, Object> to) {
        int changes = 0;
        for (String key : keys(from, to)) {
            Object before = from.get(key);
            Object after = to.get(key);
            changes += switch (key) {
                case "nodes", "notes" -> byId(before, after);
                case "edges" -> edges(before, after);
                default -> value(before, after);
            };
        }
        return changes;
    }

    private static int byId(Object before, Object after) {
        Map<String, Object> from = items(before);
        Map<String, Object> to = items(after);
        int changes = 0;
        for (String id : keys(from, to)) {
            changes += from.containsKey(id) && to.containsKey(id) ? value(from.get(id), to.get(id))
                    : 1;
        }
        return changes;
    }

    private static int edges(Object before, Object after) {
        Set<Object> from = new LinkedHashSet<>(before instanceof List<?> list ? list : List.of());
        Set<Object> to = new LinkedHashSet<>(after instanceof List<?> list ? list : List.of());
        int changes = 0;
        for (Object edge : from) {
            changes += to.contains(edge) ? 0 : 1;
        }
        for (Object edge : to) {
            changes += from.contains(edge) ? 0 : 1;
        }
        return changes;
    }

    @SuppressWarnings("unchecked")
    private static int value(Object before, Object after) {
        if (before instanceof Map<?, ?> from && after instanceof Map<?, ?> to) {
            int changes = 0;
            for (String key : keys((Map<String, Object>) from, (Map<String, Object>) to)) {
                changes += value(from.get(key), to.get(key));
            }
            return changes;
        }
        return Objects.equals(before, after) ? 0 : 1;
    }

    private static Map<String, Object> items(Object list) {
        Map<String, Object> items = new LinkedHashMap<>();
        if (list instanceof List<?> values) {
            for (Object value : values) {
                if (value instanceof Map<?, ?> item) {
                    items.put(String.valueOf(item.get("id")), item);
                }
            }
        }
        return items;
    }

    private static Set<String> keys(Map<String, Object> first, Map<String, Object> second) {
        Set<String> keys = new LinkedHashSet<>(first.keySet());
        keys.addAll(second.keySet());
        return keys;
    }
}
