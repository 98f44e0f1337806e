package dev.junction.engine.mapping.model;

import java.util.Objects;

/**
 * One key of a forEach rule's {@code sortBy}: a source path relative to the element, ascending unless
 * {@code descending}.
 */
public record SortKey(String path, boolean descending) {
    public SortKey {
        Objects.requireNonNull(path, "path");
    }
}
