package dev.junction.db.audit;

import java.time.OffsetDateTime;

/**
 * Which audit entries to show; every field may be null (no condition). {@code actor} matches the user name in any
 * case; {@code actionPrefix} is the start of the action (a kind such as {@code connection.}, or a whole action);
 * {@code entityType} and {@code entityId} match exactly; {@code from} is inclusive, {@code to} exclusive.
 */
public record AuditFilter(String actor, String actionPrefix, String entityType, String entityId,
                          OffsetDateTime from, OffsetDateTime to) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
