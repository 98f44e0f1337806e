package dev.junction.connectors.rest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dotted path into a JSON answer, such as {@code data.orders} or {@code items.0.id}: each part names a property
 * of an object, or (all digits) an index into a list. The empty path is the whole value.
 */
final class DottedPath {

    private DottedPath() {
    }

    /** Throws {@link IllegalArgumentException} when the path has an empty part ({@code a..b}, {@code .a}). */
    static void check(String path) {
        if (!path.isEmpty()) {
            for (String part : path.split("\\.", -1)) {
                if (part.isEmpty()) {
                    throw new IllegalArgumentException("'" + path + "' has an empty part (write a.b.0.c)");
                }
            }
        }
    }

    /** The value at the path; empty when a part is missing (an absent property, an index past the end, a scalar). */
    static Optional<Object> read(Object root, String path) {
        check(path);
        if (path.isEmpty()) {
            return Optional.ofNullable(root);
        }
        Object current = root;
        for (String part : path.split("\\.")) {
            if (current instanceof Map<?, ?> map && map.containsKey(part)) {
                current = map.get(part);
            } else if (current instanceof List<?> list && part.matches("[0-9]{1,9}")
                    && Integer.parseInt(part) < list.size()) {
                current = list.get(Integer.parseInt(part));
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(current);
    }
}
