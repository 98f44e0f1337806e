package dev.junction.engine.runs;

import java.util.Optional;

/** The lookup tables a lookup node reads (e.g. SKU to ASIN); a port the application answers. */
@FunctionalInterface
public interface LookupTables {

    /** The value stored under {@code key} in {@code table}; empty when the table has no such key. */
    Optional<Object> find(String table, String key);
}
