package dev.junction.backend.anomalies;

import dev.junction.db.rollups.DurationBuckets;
import dev.junction.db.rollups.RollupRow;
import dev.junction.engine.anomalies.CountedHistory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One workflow's hourly history as the detector reads it, filled from rollup rows: runs by hour (every ending
 * status), failures ({@code failed} + {@code dead_lettered}) and the duration histograms. Only the hours read from
 * the rollups hold anything (the detector reads no other); a histogram is kept only for hours with runs.
 */
final class RollupHistory extends CountedHistory {

    private final Map<Integer, long[]> histograms = new HashMap<>();

    /**
     * An empty history of {@code hours} hours from {@code start}, of a workflow created at {@code createdAt}: hours
     * before it are unknown, unless rollups of earlier hours are added (runs imported or seeded with the workflow).
     */
    RollupHistory(Instant start, int hours, Instant createdAt) {
        super(start, hours);
        this.firstHour = (int) Math.clamp(Duration.between(start, createdAt.truncatedTo(
                java.time.temporal.ChronoUnit.HOURS)).toHours(), 0, hours);
    }

    /** Adds a rollup row of this workflow (rows outside the history's hours are ignored). */
    void add(RollupRow row) {
        int hour = (int) Duration.between(start(), row.hour().toInstant()).toHours();
        if (hour < 0 || hour >= runs.length) {
            return;
        }
        firstHour = Math.min(firstHour, hour);
        runs[hour] += row.runs();
        if ("failed".equals(row.status()) || "dead_lettered".equals(row.status())) {
            failed[hour] += row.runs();
        }
        DurationBuckets.add(histograms.computeIfAbsent(hour, h -> new long[DurationBuckets.COUNT]),
                row.durationBuckets());
    }

    @Override
    public double p95DurationMs(int from, int to) {
        long[] sum = new long[DurationBuckets.COUNT];
        for (int hour = from; hour < to; hour++) {
            long[] histogram = histograms.get(hour);
            if (histogram != null) {
                DurationBuckets.add(sum, histogram);
            }
        }
        Double p95 = DurationBuckets.percentile(sum, 0.95);
        return p95 == null ? Double.NaN : p95;
    }
}
