package dev.junction.engine.runs;

import java.util.Optional;

/** Stored mappings a map node may name instead of inline rules (a port the application answers). */
@FunctionalInterface
public interface Mappings {

    /** Runs the stored mapping on {@code source}; empty when there is no such mapping. */
    Optional<Object> apply(String mappingId, Object source);
}
