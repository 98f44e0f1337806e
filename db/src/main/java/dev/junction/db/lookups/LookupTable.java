package dev.junction.db.lookups;

import dev.junction.engine.runs.LookupTables;

import java.time.OffsetDateTime;

/** A lookup table: what a missing key means, and the labels of its key and value columns (its CSV header). */
public record LookupTable(String name, String description, LookupTables.MissingKey missingKey, String keyLabel,
                          String valueLabel, long entries, String updatedBy, OffsetDateTime updatedAt) {

    /** The policy's JSON spelling: {@code error}, {@code null}, {@code passThrough}. */
    public static String policyName(LookupTables.MissingKey policy) {
        return switch (policy) {
            case ERROR -> "error";
            case NULL -> "null";
            case PASS_THROUGH -> "passThrough";
        };
    }

    public static java.util.Optional<LookupTables.MissingKey> policy(String name) {
        return java.util.Arrays.stream(LookupTables.MissingKey.values())
                .filter(policy -> policyName(policy).equals(name)).findFirst();
    }
}
