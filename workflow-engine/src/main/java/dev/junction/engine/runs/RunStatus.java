package dev.junction.engine.runs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a run stands. */
public enum RunStatus {
    /** Created; no step has started yet. */
    QUEUED,
    /** A step is due or in flight. */
    RUNNING,
    /** Every remaining step waits: a retry's backoff, a delay node's timer, or a subflow's run. */
    WAITING,
    SUCCEEDED,
    /** Ended by a fault that is not a step's: its version can no longer be interpreted. */
    FAILED,
    /** A step failed for good (a permanent error or retries exhausted): in the dead-letter queue, replayable. */
    DEAD_LETTERED,
    CANCELLED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == DEAD_LETTERED || this == CANCELLED;
    }

    public static Optional<RunStatus> fromJson(String name) {
        return Arrays.stream(values()).filter(status -> status.jsonName().equals(name)).findFirst();
    }
}
