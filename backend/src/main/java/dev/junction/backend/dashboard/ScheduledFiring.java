package dev.junction.backend.dashboard;

import java.time.Instant;
import java.util.UUID;

/** A schedule or polling trigger's next firing, as the dashboard's "next scheduled" table shows it. */
public record ScheduledFiring(UUID workflowId, String workflowName, String triggerKind, String schedule,
                              String scheduleText, Instant nextFireAt) {
}
