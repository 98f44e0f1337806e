package dev.junction.backend.dashboard;

/**
 * One number at a glance. {@code id} names it for tests and links ({@code runs}, {@code failed},
 * {@code failure-rate}, {@code p95-duration}, {@code dlq}, {@code oldest-failure-age}, {@code open-alerts},
 * {@code degraded-connections}); {@code text} is the value as shown ("10", "10.0 %", "1.2 s", "3 h"); {@code value}
 * and {@code previous} the raw numbers of this period and the one before (null when unknown); {@code deltaText} the
 * change as shown ("+12 %", "−3", null when there is nothing to compare); {@code impact} whether the change is
 * {@code good}, {@code bad} or {@code neutral} for the people watching (more failures is bad, more runs neutral);
 * {@code link} the UI path of the pre-filtered runs list (or other view) the tile opens.
 */
public record DashboardTile(String id, String label, Double value, String text, Double previous, String deltaText,
                            String impact, String link) {
}
