package dev.junction.engine.runs;

import java.time.Instant;
import java.util.Objects;

/** One attempt of one step as the run's history keeps it. */
public record StepRecord(String nodeId, String forEachId, Integer itemIndex, int attempt, StepStatus status,
                         Object input, Object output, StepError error, Instant retryAt, String idempotencyKey,
                         Instant startedAt, Instant finishedAt) {

    public StepRecord {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }
}
