package dev.junction.db.errors;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A run of an error group, without payloads: its status now, how often it failed in the group, when it last did,
 * when that was resolved (null while open), and when its next step is due (null when nothing is queued).
 */
public record GroupRun(UUID runId, String businessKey, String status, int failures, OffsetDateTime failedAt,
                       OffsetDateTime resolvedAt, OffsetDateTime nextDueAt) {
}
