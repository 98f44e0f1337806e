package dev.junction.db.audit;

import java.util.List;

/**
 * One page of audit entries, newest first; {@code next} is the id to pass as {@code before} for the following
 * page (null on the last one).
 */
public record AuditPage(List<AuditEntry> items, Long next) {
}
