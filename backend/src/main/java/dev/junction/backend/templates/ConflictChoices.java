package dev.junction.backend.templates;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.InvalidInputException.FieldProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The choice per conflict of a template upgrade (TPL-4): {@code mine} keeps the workflow's value (what the merge
 * holds already), {@code theirs} takes the new template version's — a field set or removed, a whole node put back or
 * removed. A conflict is named by its {@code key} ({@code nodes/refund/config/reference}: the path, a node by its id).
 */
final class ConflictChoices {

    static final String MINE = "mine";
    static final String THEIRS = "theirs";
    private static final Set<String> CHOICES = Set.of(MINE, THEIRS);

    private ConflictChoices() {
    }

    /**
     * Checks the choices against the conflicts: every key names a conflict and says mine or theirs, and every
     * conflict has a choice unless {@code keepLocal} (mine, for each without one). Answers the problems; none: fine.
     */
    static List<FieldProblem> problems(List<UpdateOffer.UpdateConflict> conflicts, Map<String, String> choices,
                                       boolean keepLocal) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> keys = new java.util.HashSet<>();
        conflicts.forEach(conflict -> keys.add(conflict.key()));
        choices.forEach((key, choice) -> {
            if (!keys.contains(key)) {
                problems.add(new FieldProblem("choices." + key, "is not a conflict of this update; its conflicts are "
                        + keys));
            } else if (!CHOICES.contains(choice)) {
                problems.add(new FieldProblem("choices." + key, "must be mine or theirs, was " + choice));
            }
        });
        return problems;
    }

    /** The conflicts left without a choice (when {@code keepLocal} is false, applying is refused while any is). */
    static List<UpdateOffer.UpdateConflict> open(List<UpdateOffer.UpdateConflict> conflicts,
                                                  Map<String, String> choices) {
        return conflicts.stream().filter(conflict -> !choices.containsKey(conflict.key())).toList();
    }

    /** A copy of the merged definition (mine at each conflict) with the upstream value where theirs was chosen. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> applied(Map<String, Object> merged, List<UpdateOffer.UpdateConflict> conflicts,
                                       Map<String, String> choices) {
        Map<String, Object> result = (Map<String, Object>) ConnectionReferences.deepCopy(merged);
        for (UpdateOffer.UpdateConflict conflict : conflicts) {
            if (THEIRS.equals(choices.get(conflict.key()))) {
                set(result, conflict.path(), ConnectionReferences.deepCopy(conflict.upstream()));
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static void set(Map<String, Object> definition, List<String> path, Object value) {
        Map<String, Object> container = definition;
        int next = 1;
        if (("nodes".equals(path.getFirst()) || "notes".equals(path.getFirst())) && path.size() >= 2) {
            List<Object> items = definition.get(path.getFirst()) instanceof List<?> list
                    ? (List<Object>) list : new ArrayList<>();
            definition.put(path.getFirst(), items);
            int at = -1;
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Map<?, ?> item && path.get(1).equals(item.get("id"))) {
                    at = i;
                }
            }
            if (path.size() == 2) { // the whole item: put back, replaced or removed
                if (value == null && at >= 0) {
                    items.remove(at);
                } else if (value != null && at >= 0) {
                    items.set(at, value);
                } else if (value != null) {
                    items.add(value);
                }
                return;
            }
            if (at < 0) {
                return; // the item is gone on the merged side: a field of it has nowhere to go
            }
            container = (Map<String, Object>) items.get(at);
            next = 2;
        } else if (path.size() == 1) {
            put(definition, path.getFirst(), value);
            return;
        } else {
            next = 0;
        }
        for (int i = next; i < path.size() - 1; i++) {
            Object inner = container.get(path.get(i));
            if (!(inner instanceof Map<?, ?>)) {
                inner = new LinkedHashMap<String, Object>();
                container.put(path.get(i), inner);
            }
            container = (Map<String, Object>) inner;
        }
        put(container, path.getLast(), value);
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    static void requireNoProblems(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
