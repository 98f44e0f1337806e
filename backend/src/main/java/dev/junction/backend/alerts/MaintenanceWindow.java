package dev.junction.backend.alerts;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * While a window is open ({@code startsAt} ≤ now < {@code endsAt}), alerts of its scope — a workflow, a connection,
 * or (both null) everything — are still recorded but notify nobody.
 */
public record MaintenanceWindow(UUID id, UUID workflowId, String connectionId, OffsetDateTime startsAt,
                                OffsetDateTime endsAt, String reason, String createdBy, OffsetDateTime createdAt) {

    public boolean openAt(OffsetDateTime now) {
        return !startsAt.isAfter(now) && endsAt.isAfter(now);
    }
}
