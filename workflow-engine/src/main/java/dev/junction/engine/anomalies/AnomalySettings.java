package dev.junction.engine.anomalies;

/**
 * How the detector judges: a value is anomalous when it lies more than {@code k} robust standard deviations
 * (1.4826 · MAD across the baseline weeks) from the baseline median AND chance alone would give it with probability
 * under {@code tail} (Poisson for run counts, binomial for failures) — the second test keeps low volumes quiet.
 * Short windows are {@code minHours} hours or longer; a drift is judged over {@code driftHours}. The baseline is the
 * same hours of the previous {@code baselineWeeks} weeks; with fewer than {@code minBaselineWeeks} of them nothing
 * is flagged. Six weeks estimate a spread poorly (often near zero by chance), so the spread of run counts is at least
 * {@code noiseFloor} of the median for one hour, shrinking with the square root of the window's hours (independent
 * hourly noise averages out); a p95 duration's spread is at least 10 % of its median (the duration histogram's
 * resolution). The defaults were tuned on a generated year (docs/anomalies.md).
 */
public record AnomalySettings(double k, int minHours, int driftHours, int baselineWeeks, int minBaselineWeeks,
                              double tail, double noiseFloor) {

    /** Tuned on seed 1 of the generated year, measured on seed 2 (docs/anomalies.md). */
    public static final AnomalySettings DEFAULTS = new AnomalySettings(5.0, 2, 24, 8, 3, 1e-6, 0.25);

    public AnomalySettings {
        if (!(k > 0) || minHours < 1 || minHours > 24 || driftHours <= minHours || baselineWeeks < 2
                || minBaselineWeeks < 2 || minBaselineWeeks > baselineWeeks || !(tail > 0 && tail < 0.5) || !(noiseFloor >= 0 && noiseFloor < 1)) {
            throw new IllegalArgumentException("invalid anomaly settings " + k + ", " + minHours + ", " + driftHours
                    + ", " + baselineWeeks + ", " + minBaselineWeeks + ", " + tail + ", " + noiseFloor);
        }
    }

    public AnomalySettings withK(double newK) {
        return new AnomalySettings(newK, minHours, driftHours, baselineWeeks, minBaselineWeeks, tail, noiseFloor);
    }

    public AnomalySettings withMinHours(int hours) {
        return new AnomalySettings(k, hours, Math.max(driftHours, hours + 1), baselineWeeks, minBaselineWeeks, tail, noiseFloor);
    }

    public AnomalySettings withNoiseFloor(double floor) {
        return new AnomalySettings(k, minHours, driftHours, baselineWeeks, minBaselineWeeks, tail, floor);
    }

    public AnomalySettings withBaselineWeeks(int weeks) {
        return new AnomalySettings(k, minHours, driftHours, weeks, minBaselineWeeks, tail, noiseFloor);
    }

    public AnomalySettings withTail(double newTail) {
        return new AnomalySettings(k, minHours, driftHours, baselineWeeks, minBaselineWeeks, newTail, noiseFloor);
    }
}
