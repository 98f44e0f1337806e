package dev.junction.backend.alerts;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * One alert of a rule: a fingerprint the rule's condition found, its state ({@code firing}, {@code acknowledged},
 * {@code resolved}), how often it was found ({@code occurrences}), who acknowledged, snoozed or resolved it, and the
 * maintenance window that kept it quiet (if one did).
 */
public record Alert(UUID id, UUID ruleId, String ruleName, String severity, String fingerprint, String state,
                    String summary, String link, Map<String, Object> details, int occurrences,
                    OffsetDateTime firstSeenAt, OffsetDateTime lastSeenAt, String acknowledgedBy,
                    OffsetDateTime acknowledgedAt, OffsetDateTime snoozedUntil, String snoozedBy,
                    OffsetDateTime resolvedAt, String resolvedBy, String resolutionNote,
                    OffsetDateTime lastNotifiedAt, UUID maintenanceWindowId) {

    public boolean snoozedAt(OffsetDateTime now) {
        return snoozedUntil != null && snoozedUntil.isAfter(now);
    }
}
