package dev.junction.db.audit;

import java.time.OffsetDateTime;

/** One line of the audit log: who did what to which thing, when; {@code detailsJson} is a JSON object. */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String action, String entityType,
                         String entityId, String detailsJson) {
}
