package dev.junction.backend.connections.health;

import java.time.Instant;
import java.util.List;

/**
 * One connection's health as the dashboard and {@code GET /api/v1/connections/health} show it. {@code state}:
 * {@code throttled} (a rate-limit hit — our limiter's wait or the remote's 429 — within the last
 * {@value ConnectionHealthService#THROTTLED_MINUTES} minutes), {@code failing} (the last call failed), {@code ok},
 * or {@code unknown} (no call recorded). {@code authState}: {@code failing} when the last call failed with an
 * authentication error ({@code ErrorCategory.AUTH}), {@code ok} after a successful call, else {@code unknown}.
 * {@code budgetUsed} is the share (0…1) of the fullest token bucket used now (null: no bucket yet); {@code budgets}
 * each operation's. {@code rateLimitHitsLastHour} counts limiter waits and remote 429s in the current and previous
 * clock hour. {@code testLink} is the UI path where the connection can be tested (the connections list).
 */
public record ConnectionHealth(String connectionId, String name, String connectorId, String state, String authState,
                               Instant lastSuccessAt, Instant lastFailureAt, String lastFailureClass,
                               String lastFailureCategory, String lastFailureMessage, Double budgetUsed,
                               List<Budget> budgets, long rateLimitHitsLastHour, boolean degraded,
                               String testLink) {

    /** How much of one operation's token bucket is used now (0…1), under its rate and burst. */
    public record Budget(String operation, double used, double ratePerSecond, int burst) {
    }
}
