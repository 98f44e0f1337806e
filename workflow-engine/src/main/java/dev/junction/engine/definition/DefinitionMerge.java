package dev.junction.engine.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A three-way merge of two definitions edited from the same base (the designer's save after someone else saved), on
 * the definitions' JSON form as plain values (maps, lists, text, numbers): nodes are matched by id and merged field by
 * field, deep; the trigger deep; notes by id; edges as a set (an edge either side removed is gone, an edge either
 * side added is there). An edit on one side only is taken; the same edit on both sides is taken once; different edits
 * of the same field (or a node one side removed and the other changed) are a {@link Conflict}, whose place in
 * {@link Result#merged()} holds "mine". Lists inside a node (a branch's conditions …) are one value each. A JSON null
 * and a missing field are the same thing here.
 */
public final class DefinitionMerge {

    private DefinitionMerge() {
    }

    /**
     * One field on which the two sides disagree. {@code path}: segments from the root, a node named by its id
     * ({@code ["nodes", "refund", "config", "reference"]}); {@code base}, {@code mine}, {@code theirs}: empty where that
     * side has no such thing.
     */
    public record Conflict(String key, String nodeId, List<String> path, String label, Optional<Object> base,
                           Optional<Object> mine, Optional<Object> theirs) {

        public Conflict {
            path = List.copyOf(path);
        }
    }

    /** The merged definition (mine at every conflict) and the conflicts, in document order. */
    public record Result(Map<String, Object> merged, List<Conflict> conflicts) {

        public Result {
            conflicts = List.copyOf(conflicts);
        }
    }

    public static Result merge(Map<String, Object> base, Map<String, Object> mine, Map<String, Object> theirs) {
        List<Conflict> conflicts = new ArrayList<>();
        Map<String, Object> merged = new LinkedHashMap<>();
        for (String key : keys(mine, theirs, base)) {
            Object value = switch (key) {
                case "nodes" -> byId("nodes", base.get(key), mine.get(key), theirs.get(key), conflicts);
                case "notes" -> byId("notes", base.get(key), mine.get(key), theirs.get(key), conflicts);
                case "edges" -> edges(base.get(key), mine.get(key), theirs.get(key));
                case "trigger" -> value(List.of("trigger"), "trigger", "Trigger", base.get(key), mine.get(key),
                        theirs.get(key), conflicts);
                default -> value(List.of(key), null, key, base.get(key), mine.get(key), theirs.get(key), conflicts);
            };
            if (value != null) {
                merged.put(key, value);
            }
        }
        return new Result(merged, conflicts);
    }

    /** Items with an {@code id} (nodes, notes): mine's order, then the ones only theirs has. */
    private static List<Object> byId(String list, Object base, Object mine, Object theirs, List<Conflict> conflicts) {
        Map<String, Object> baseItems = items(base);
        Map<String, Object> myItems = items(mine);
        Map<String, Object> theirItems = items(theirs);
        List<Object> merged = new ArrayList<>();
        for (String id : keys(myItems, theirItems, baseItems)) {
            String nodeId = "nodes".equals(list) ? id : null;
            String label = label(list, id, myItems.get(id), theirItems.get(id), baseItems.get(id));
            Object item = value(List.of(list, id), nodeId, label, baseItems.get(id), myItems.get(id),
                    theirItems.get(id), conflicts);
            if (item != null) {
                merged.add(item);
            }
        }
        return merged;
    }

    private static String label(String list, String id, Object... sides) {
        for (Object side : sides) {
            if (side instanceof Map<?, ?> item && item.get("name") instanceof String name && !name.isBlank()) {
                return name;
            }
        }
        return ("notes".equals(list) ? "Note " : "Node ") + id;
    }

    /** Edges as a set: kept when both sides keep them, added when either side added them. */
    private static List<Object> edges(Object base, Object mine, Object theirs) {
        Set<Object> baseEdges = new LinkedHashSet<>(list(base));
        Set<Object> myEdges = new LinkedHashSet<>(list(mine));
        Set<Object> theirEdges = new LinkedHashSet<>(list(theirs));
        Set<Object> merged = new LinkedHashSet<>();
        for (Object edge : myEdges) {
            if (theirEdges.contains(edge) || !baseEdges.contains(edge)) {
                merged.add(edge);
            }
        }
        for (Object edge : theirEdges) {
            if (!baseEdges.contains(edge)) {
                merged.add(edge);
            }
        }
        return new ArrayList<>(merged);
    }

    /** The merged value at {@code path}, deep through objects; null: the merged definition has none. */
    @SuppressWarnings("unchecked")
    private static Object value(List<String> path, String nodeId, String label, Object base, Object mine,
                                Object theirs, List<Conflict> conflicts) {
        if (Objects.equals(mine, theirs)) {
            return mine;
        }
        if (Objects.equals(base, mine)) {
            return theirs;
        }
        if (Objects.equals(base, theirs)) {
            return mine;
        }
        if (base instanceof Map<?, ?> && mine instanceof Map<?, ?> && theirs instanceof Map<?, ?>) {
            Map<String, Object> b = (Map<String, Object>) base;
            Map<String, Object> m = (Map<String, Object>) mine;
            Map<String, Object> t = (Map<String, Object>) theirs;
            Map<String, Object> merged = new LinkedHashMap<>();
            for (String key : keys(m, t, b)) {
                List<String> inner = new ArrayList<>(path);
                inner.add(key);
                Object value = value(inner, nodeId, label, b.get(key), m.get(key), t.get(key), conflicts);
                if (value != null) {
                    merged.put(key, value);
                }
            }
            return merged;
        }
        conflicts.add(new Conflict(String.join("/", path), nodeId, path, conflictLabel(path, label, mine, theirs),
                Optional.ofNullable(base), Optional.ofNullable(mine), Optional.ofNullable(theirs)));
        return mine;
    }

    private static String conflictLabel(List<String> path, String label, Object mine, Object theirs) {
        int inside = "trigger".equals(path.getFirst()) ? 1 : Math.min(2, path.size());
        String field = String.join(".", path.subList(inside, path.size()));
        if (field.isEmpty()) {
            return label + (mine == null ? ": removed by you, changed by the other save"
                    : theirs == null ? ": changed by you, removed by the other save" : ": changed on both sides");
        }
        return label + " · " + field;
    }

    @SafeVarargs
    private static Set<String> keys(Map<String, ?>... maps) {
        Set<String> keys = new LinkedHashSet<>();
        for (Map<String, ?> map : maps) {
            if (map != null) {
                keys.addAll(map.keySet());
            }
        }
        return keys;
    }

    private static Map<String, Object> items(Object list) {
        Map<String, Object> items = new LinkedHashMap<>();
        for (Object item : list(list)) {
            if (item instanceof Map<?, ?> map && map.get("id") instanceof String id) {
                items.put(id, item);
            }
        }
        return items;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
