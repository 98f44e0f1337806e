package dev.junction.engine.runs;

import java.time.Instant;
import java.util.Objects;

/**
 * One attempt of one step as the run's history keeps it; {@code retryWindow} is the step's retry budget and when it
 * ends, once a failure started it (null before). Made by the factories below, one per way a step ends.
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

    /** The task's step succeeded with {@code output}; {@code key}: its output is remembered under it (null: not). */
    public static StepRecord succeeded(ClaimedTask task, Object input, Object output, String key, Instant startedAt,
                                       Instant finishedAt) {
        return of(task, StepStatus.SUCCEEDED, input, output, null, null, key, startedAt, finishedAt, null);
    }

    /** The task's step waits (a delay, a subflow's run, a forEach's items) without an error. */
    public static StepRecord waiting(ClaimedTask task, Object input, Instant startedAt, Instant finishedAt) {
        return of(task, StepStatus.WAITING, input, null, null, null, null, startedAt, finishedAt, null);
    }

    /** The task's step waits for a rate limit until {@code retryAt}, as the same attempt. */
    public static StepRecord rateLimited(ClaimedTask task, Object input, StepError error, Instant retryAt, String key,
                                         Instant startedAt, Instant finishedAt, RetryWindow window) {
        return of(task, StepStatus.WAITING, input, null, error, retryAt, key, startedAt, finishedAt, window);
    }

    /**
     * The task's step failed with {@code error}: retried at {@code retryAt} (null: not), going on with
     * {@code output} (null: none, or the run fails).
     */
    public static StepRecord failed(ClaimedTask task, Object input, Object output, StepError error, Instant retryAt,
                                    String key, Instant startedAt, Instant finishedAt, RetryWindow window) {
        return of(task, StepStatus.FAILED, input, output, error, retryAt, key, startedAt, finishedAt, window);
    }

    /** A forEach's own record once every item has ended: it succeeded with its items' results, at {@code at}. */
    public static StepRecord forEachDone(String forEachId, Object output, Instant at) {
        return new StepRecord(forEachId, null, null, 1, StepStatus.SUCCEEDED, null, output, null, null, null, at, at,
                null);
    }

    private static StepRecord of(ClaimedTask task, StepStatus status, Object input, Object output, StepError error,
                                 Instant retryAt, String key, Instant startedAt, Instant finishedAt,
                                 RetryWindow window) {
        return new StepRecord(task.nodeId(), task.forEachId(), task.itemIndex(), task.recordedAttempt(), status, input,
                output, error, retryAt, key, startedAt, finishedAt, window);
    }
}
