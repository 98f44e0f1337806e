package dev.junction.engine.runs;

import java.time.Instant;
import java.util.Objects;

/**
 * One attempt of one step as the run's history keeps it; {@code retryWindow} is the step's retry budget and when it
 * ends, once a failure started it (null before).
 */
public record StepRecord(String nodeId, String forEachId, Integer itemIndex, int attempt, StepStatus status,
                         Object input, Object output, StepError error, Instant retryAt, String idempotencyKey,
                         Instant startedAt, Instant finishedAt, RetryWindow retryWindow) {

    public StepRecord {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    public StepRecord(String nodeId, String forEachId, Integer itemIndex, int attempt, StepStatus status,
                      Object input, Object output, StepError error, Instant retryAt, String idempotencyKey,
                      Instant startedAt, Instant finishedAt) {
        this(nodeId, forEachId, itemIndex, attempt, status, input, output, error, retryAt, idempotencyKey, startedAt,
                finishedAt, null);
    }
}
