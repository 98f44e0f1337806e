package dev.junction.db.runs;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A run as lists show it. */
public record RunSummary(UUID id, UUID workflowId, String workflowName, int workflowVersion, String triggerKind,
                         String businessKey, String status, String errorClass, String errorMessage,
                         String failedNodeId, int replays, UUID parentRunId, OffsetDateTime createdAt,
                         OffsetDateTime startedAt, OffsetDateTime finishedAt) {
}
