package dev.junction.engine.runs;

import java.util.Optional;

/** The lookup tables a lookup node reads (e.g. SKU to ASIN); a port the application answers. */
@FunctionalInterface
public interface LookupTables {

    /** The value stored under {@code key} in {@code table}; empty when the table has no such key. */
    Optional<Object> find(String table, String key);

    /** What a missing key means for {@code table} (its stored policy; {@link MissingKey#ERROR} unless set). */
    default MissingKey missingKeyPolicy(String table) {
        return MissingKey.ERROR;
    }

    /** A lookup table's policy for a key it does not have. */
    enum MissingKey {
        /** The rule (or lookup step) fails, naming the table and the key: a permanent error. */
        ERROR,
        /** The result is null (a rule's {@code default} may then fill it). */
        NULL,
        /** The key itself is the result. */
        PASS_THROUGH
    }
}
