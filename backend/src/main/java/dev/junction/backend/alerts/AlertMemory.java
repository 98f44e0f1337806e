package dev.junction.backend.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * What a rule's condition remembered at its last evaluation ({@code state}, empty the first time) and since when the
 * rule watches in its current form ({@code since}: when it was created or its condition last changed).
 */
public record AlertMemory(Instant since, Map<String, Object> state) {

    public AlertMemory {
        state = state == null ? Map.of() : state;
    }
}
