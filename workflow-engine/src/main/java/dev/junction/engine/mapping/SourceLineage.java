package dev.junction.engine.mapping;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where in the record the elements a preview's loop rules read came from, so that a field inside a loop names the
 * source it really read ({@code OrderItems[3].SellerSKU}, also when the loop filtered, sorted, grouped or flattened
 * its list). Kept only while previewing ({@link MappingRun#lineage} is null otherwise).
 */
final class SourceLineage {

    /** Where a value of the record is. */
    sealed interface Origin {
    }

    /** A concrete path in the record ({@code Shipments[1].Packages[0]}; empty: the record itself). */
    record At(String path) implements Origin {
    }

    /** Several places (a group's items, each item's key). */
    record Each(List<Origin> origins) implements Origin {
    }

    /** A group a groupBy made: {@code key} is each item's {@code groupBy} value; {@code items} the items. */
    record Group(List<Origin> items, SourcePath groupBy) implements Origin {
    }

    private static final Origin NOWHERE = new Each(List.of());

    private final Map<SourcePath.Frame, Origin> origins = new IdentityHashMap<>();

    /** Notes where the element of {@code frame} came from ({@code origin} null: unknown). */
    void locate(SourcePath.Frame frame, Origin origin) {
        if (origin != null) {
            origins.put(frame, origin);
        }
    }

    /** The place {@code path} reads at {@code frame}; null when not known ($index, or an element not located). */
    Origin origin(SourcePath path, SourcePath.Frame frame) {
        Origin base;
        if (path.isIndex()) {
            return null;
        } else if (path.relativeToRoot()) {
            base = new At("");
        } else if (path.relativeToParent()) {
            base = frame.parent() == null ? null : of(frame.parent());
        } else {
            base = of(frame);
        }
        return base == null ? null : field(base, path.steps(), 0);
    }

    /** The concrete paths of {@code paths} read at {@code frame}; {@code written} (as written) at the top level. */
    List<String> paths(List<SourcePath> paths, SourcePath.Frame frame, List<String> written) {
        if (frame.parent() == null || paths.isEmpty()) {
            return written;
        }
        List<String> concrete = new ArrayList<>();
        for (SourcePath path : paths) {
            int before = concrete.size();
            collect(origin(path, frame), concrete);
            if (concrete.size() == before) {
                concrete.add(path.text());
            }
        }
        return concrete;
    }

    /** Element {@code index} of the list at {@code list}; null when unknown. */
    static Origin element(Origin list, int index) {
        return switch (list) {
            case null -> null;
            case At at -> new At(at.path() + "[" + index + "]");
            case Each each -> index < each.origins().size() ? each.origins().get(index) : null;
            case Group group -> null;
        };
    }

    private Origin of(SourcePath.Frame frame) {
        Origin origin = origins.get(frame);
        return origin == null && frame.parent() == null ? new At("") : origin;
    }

    private static Origin field(Origin base, Object[] steps, int from) {
        if (from == steps.length) {
            return base;
        }
        return switch (base) {
            case At at -> new At(join(at.path(), steps, from));
            case Each each -> new Each(each.origins().stream().map(origin -> field(origin, steps, from)).toList());
            case Group group -> {
                if ("key".equals(steps[from])) {
                    yield new Each(group.items().stream().map(item -> field(field(item, group.groupBy().steps(), 0),
                            steps, from + 1)).toList());
                }
                if (!"items".equals(steps[from])) {
                    yield NOWHERE;
                }
                if (from + 1 < steps.length && steps[from + 1] instanceof Integer index) {
                    Origin item = element(new Each(group.items()), index);
                    yield item == null ? NOWHERE : field(item, steps, from + 2);
                }
                yield new Each(group.items().stream().map(item -> field(item, steps, from + 1)).toList());
            }
        };
    }

    private static String join(String path, Object[] steps, int from) {
        StringBuilder joined = new StringBuilder(path);
        for (int i = from; i < steps.length; i++) {
            if (steps[i] instanceof Integer index) {
                joined.append('[').append(index).append(']');
            } else {
                joined.append(joined.isEmpty() ? "" : ".").append(steps[i]);
            }
        }
        return joined.toString();
    }

    private static void collect(Origin origin, List<String> paths) {
        switch (origin) {
            case null -> {
            }
            case At at -> {
                if (!at.path().isEmpty()) {
                    paths.add(at.path());
                }
            }
            case Each each -> each.origins().forEach(inner -> collect(inner, paths));
            case Group group -> group.items().forEach(inner -> collect(inner, paths));
        }
    }
}
