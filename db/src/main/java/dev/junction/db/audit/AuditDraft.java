package dev.junction.db.audit;

/** An audit entry to append: what was done ({@code action}) to which thing, with its details as JSON. */
public record AuditDraft(String action, String entityType, String entityId, String detailsJson) {
}
