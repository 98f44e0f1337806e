package dev.junction.db.runs;

import java.time.OffsetDateTime;

/**
 * One attempt of a step, or (status {@code queued} / {@code running}) a step still to come or in flight.
 * {@code generation} tells a replay from the start's steps (1: the first run; each replay from the start adds one)
 * from the earlier ones kept for the record. A {@code waiting} attempt of a run cancelled meanwhile shows as
 * {@code cancelled}. {@code retryDeadline} and {@code retryBudgetSeconds}: the step's retry budget and when it ends,
 * once a failure started it ("retrying until 15:42, budget 15 min").
 */
public record StepView(Long id, int generation, String nodeId, String forEachId, Integer itemIndex, int attempt, String status,
                       ShownPayload input, ShownPayload output, String errorClass, String errorMessage,
                       Integer remoteStatus, String remoteBody, OffsetDateTime retryAt, String idempotencyKey,
                       OffsetDateTime startedAt, OffsetDateTime finishedAt, OffsetDateTime dueAt,
                       OffsetDateTime retryDeadline, Long retryBudgetSeconds) {
}
