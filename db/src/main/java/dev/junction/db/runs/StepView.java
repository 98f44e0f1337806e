package dev.junction.db.runs;

import java.time.OffsetDateTime;

/** One attempt of a step, or (status {@code queued} / {@code running}) a step still to come or in flight. */
public record StepView(Long id, String nodeId, String forEachId, Integer itemIndex, int attempt, String status,
                       ShownPayload input, ShownPayload output, String errorClass, String errorMessage,
                       Integer remoteStatus, String remoteBody, OffsetDateTime retryAt, String idempotencyKey,
                       OffsetDateTime startedAt, OffsetDateTime finishedAt, OffsetDateTime dueAt) {
}
