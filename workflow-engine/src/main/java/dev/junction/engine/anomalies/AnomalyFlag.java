package dev.junction.engine.anomalies;

import java.time.Instant;

/**
 * One anomaly: {@code metric} over the window [{@code from}, {@code to}) of {@code windowHours} hours was
 * {@code observed}, while the same hours of the baseline weeks usually gave {@code usualLow}…{@code usualHigh}
 * (volume: runs in the window; failure rate: 0…1; p95 duration: ms). {@code sentence} says it for people.
 */
public record AnomalyFlag(AnomalyMetric metric, AnomalyKind kind, AnomalyDirection direction, int windowHours,
                          Instant from, Instant to, double observed, double usualLow, double usualHigh,
                          AnomalySeverity severity, String sentence) {
}
