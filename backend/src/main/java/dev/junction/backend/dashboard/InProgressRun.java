package dev.junction.backend.dashboard;

import java.time.Instant;
import java.util.UUID;

/** A run not yet ended, as the dashboard's "in progress" table shows it. */
public record InProgressRun(UUID runId, UUID workflowId, String workflowName, String status, String triggerKind,
                            String businessKey, Instant createdAt, Instant startedAt) {
}
