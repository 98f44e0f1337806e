package dev.junction.engine.definition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The fields that differ between two JSON objects (a node, the trigger) as plain values, deep through objects:
 * dotted paths such as {@code config.input.reference}, each with its value before and after (empty where that side has
 * no such field). A list is one value. A JSON null and a missing field are the same thing.
 */
public final class FieldChanges {

    private FieldChanges() {
    }

    public record FieldChange(String path, Optional<Object> before, Optional<Object> after) {
    }

    public static List<FieldChange> between(Map<String, Object> before, Map<String, Object> after) {
        List<FieldChange> changes = new ArrayList<>();
        collect("", before, after, changes);
        return changes;
    }

    @SuppressWarnings("unchecked")
    private static void collect(String prefix, Map<String, Object> before, Map<String, Object> after,
                                List<FieldChange> changes) {
        Set<String> keys = new LinkedHashSet<>();
        if (before != null) {
            keys.addAll(before.keySet());
        }
        if (after != null) {
            keys.addAll(after.keySet());
        }
        for (String key : keys) {
            Object old = before == null ? null : before.get(key);
            Object now = after == null ? null : after.get(key);
            if (Objects.equals(old, now)) {
                continue;
            }
            String path = prefix + key;
            if (old instanceof Map<?, ?> oldMap && now instanceof Map<?, ?> newMap) {
                collect(path + ".", (Map<String, Object>) oldMap, (Map<String, Object>) newMap, changes);
            } else {
                changes.add(new FieldChange(path, Optional.ofNullable(old), Optional.ofNullable(now)));
            }
        }
    }
}
