package dev.junction.engine.mapping;

import dev.junction.engine.expressions.ExpressionException;
import dev.junction.engine.mapping.functions.FunctionException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A forEach rule that shapes its list (a plain loop is {@link CompiledRules.ForEachRule}, untouched by this): the
 * elements of {@code items} — and, when the forEach path goes through lists ({@code Shipments[].Packages}), of each
 * {@code inner} level under each element — are kept by {@code where}, sorted by {@code sortBy}, grouped by
 * {@code groupBy}, in that order; then each is filled by the nested rules.
 *
 * <p>Inside {@code where} and the sort and group keys, {@code $index} is the element's position in the (flattened)
 * source list and {@code $parent} the element it sits in (the enclosing element of the loop, or for a flattened
 * level, the outer list's element); in the nested rules {@code $index} is the position in the target list, and a
 * group's {@code $parent} is the loop's enclosing element.
 *
 * @param inner   the levels after the first of a flattening path (each relative to the level above); empty: none
 * @param where   null: every element is kept
 * @param sortBy  empty: source order
 * @param groupBy null: no grouping
 */
record ShapedForEachRule(String[] target, String targetText, SourcePath items, SourcePath[] inner,
                         CompiledRules.Condition where, SortKey[] sortBy, SourcePath groupBy,
                         List<CompiledRules.Rule> rules, CompiledRules.Condition when) implements CompiledRules.ListRule {

    /** A compiled sort key. */
    record SortKey(SourcePath path, boolean descending) {
    }

    /** A source element that may make a target element: where it sits, its position, its sort keys. */
    private record Candidate(Object element, SourcePath.Frame parent, int position, SourceLineage.Origin origin,
                             Object[] keys) {
        SourcePath.Frame frame(Object root) {
            return new SourcePath.Frame(element, root, parent, position);
        }
    }

    @Override
    public boolean apply(SourcePath.Frame frame, Map<String, Object> out, String prefix, MappingRun run) {
        String path = prefix.isEmpty() ? targetText : prefix + targetText;
        if (when != null && !holds(when, frame, run, path, "when")) {
            return false;
        }
        Object source = items.read(frame, run.slots);
        if (source == null) {
            return false;
        }
        if (!(source instanceof List<?> list)) {
            notAList(run, path, items, source);
            return false;
        }
        SourceLineage lineage = run.lineage;
        List<Candidate> candidates = new ArrayList<>(list.size());
        collect(list, 0, frame, lineage == null ? null : lineage.origin(items, frame), candidates, run, path);
        if (where != null) {
            candidates.removeIf(candidate -> !holds(where, candidate.frame(frame.root()), run, path, "where"));
        }
        if (sortBy.length > 0) {
            for (Candidate candidate : candidates) {
                SourcePath.Frame at = candidate.frame(frame.root());
                for (int k = 0; k < sortBy.length; k++) {
                    candidate.keys()[k] = sortBy[k].path().read(at);
                }
            }
            candidates.sort(this::compare);
        }
        List<Object> elements = new ArrayList<>(candidates.size());
        if (groupBy == null) {
            for (int i = 0; i < candidates.size(); i++) {
                Candidate candidate = candidates.get(i);
                SourcePath.Frame child = new SourcePath.Frame(candidate.element(), frame.root(), candidate.parent(), i);
                if (lineage != null) {
                    lineage.locate(child, candidate.origin());
                }
                elements.add(fill(child, path + "[" + i + "].", run));
            }
        } else {
            int i = 0;
            for (List<Candidate> group : groups(candidates, frame.root()).values()) {
                Map<String, Object> element = new LinkedHashMap<>();
                element.put("key", groupBy.read(group.getFirst().frame(frame.root())));
                element.put("items", group.stream().map(Candidate::element).toList());
                SourcePath.Frame child = new SourcePath.Frame(element, frame.root(), frame, i);
                if (lineage != null) {
                    lineage.locate(child, new SourceLineage.Group(group.stream().map(Candidate::origin).toList(),
                            groupBy));
                }
                elements.add(fill(child, path + "[" + i + "].", run));
                i++;
            }
        }
        CompiledRules.place(out, target, elements);
        return true;
    }

    private Map<String, Object> fill(SourcePath.Frame child, String childPrefix, MappingRun run) {
        Map<String, Object> element = new LinkedHashMap<>();
        for (CompiledRules.Rule rule : rules) {
            rule.apply(child, element, childPrefix, run);
        }
        return element;
    }

    /** The elements of {@code list} at {@code level}, or of the lists under them for the levels after it. */
    private void collect(List<?> list, int level, SourcePath.Frame parent, SourceLineage.Origin listOrigin,
                         List<Candidate> candidates, MappingRun run, String path) {
        for (int i = 0; i < list.size(); i++) {
            SourceLineage.Origin origin = run.lineage == null ? null : SourceLineage.element(listOrigin, i);
            if (level == inner.length) {
                candidates.add(new Candidate(list.get(i), parent, candidates.size(), origin,
                        new Object[sortBy.length]));
                continue;
            }
            SourcePath.Frame here = new SourcePath.Frame(list.get(i), parent.root(), parent, i);
            if (run.lineage != null) {
                run.lineage.locate(here, origin);
            }
            Object next = inner[level].read(here);
            if (next instanceof List<?> nested) {
                collect(nested, level + 1, here, run.lineage == null ? null : run.lineage.origin(inner[level], here),
                        candidates, run, path);
            } else if (next != null) {
                notAList(run, path, inner[level], next);
            }
        }
    }

    /** The candidates by their groupBy value (numbers by value: 1 and 1.0 are one), in first-seen order. */
    private Map<Object, List<Candidate>> groups(List<Candidate> candidates, Object root) {
        Map<Object, List<Candidate>> groups = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            Object key = groupBy.read(candidate.frame(root));
            if (key instanceof Number number) {
                key = new BigDecimal(number.toString()).stripTrailingZeros();
            }
            groups.computeIfAbsent(key, value -> new ArrayList<>()).add(candidate);
        }
        return groups;
    }

    private int compare(Candidate a, Candidate b) {
        for (int k = 0; k < sortBy.length; k++) {
            Object x = a.keys()[k];
            Object y = b.keys()[k];
            if (x == null || y == null) {
                if (x != y) {
                    return x == null ? 1 : -1; // missing and null last, whatever the direction
                }
                continue;
            }
            int order = SortOrder.compare(x, y);
            if (order != 0) {
                return sortBy[k].descending() ? -order : order;
            }
        }
        return 0;
    }

    /** Whether {@code condition} holds; a function or script failing is an error of the loop's target. */
    private static boolean holds(CompiledRules.Condition condition, SourcePath.Frame frame, MappingRun run,
                                 String path, String key) {
        try {
            return condition.holds(frame, run);
        } catch (FunctionException | ExpressionException e) {
            run.begin(path, List.of());
            run.error(e instanceof FunctionException failure ? failure.code() : "ExpressionFailed",
                    key + ": " + e.getMessage());
            run.end(null);
            return false;
        }
    }

    private static void notAList(MappingRun run, String path, SourcePath items, Object value) {
        run.begin(path, List.of(items.text()));
        run.error("NotAList", "forEach '" + items.text() + "' must be a list, got an "
                + (value instanceof Map<?, ?> ? "object" : value.getClass().getSimpleName()));
        run.end(null);
    }
}
