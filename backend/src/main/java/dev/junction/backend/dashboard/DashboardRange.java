package dev.junction.backend.dashboard;

import java.time.Instant;
import java.util.UUID;

/**
 * The period a dashboard covers, [{@code from}, {@code to}), its name ({@code 1h}, {@code 24h}, {@code 7d},
 * {@code 30d}), the start of the previous period the deltas compare with, and the workflow it is narrowed to (null:
 * all).
 */
public record DashboardRange(String name, Instant from, Instant to, Instant previousFrom, UUID workflowId) {
}
