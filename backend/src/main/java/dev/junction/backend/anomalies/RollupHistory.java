package dev.junction.backend.anomalies;

import dev.junction.db.rollups.DurationBuckets;
import dev.junction.db.rollups.RollupRow;
import dev.junction.engine.anomalies.HourlyHistory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One workflow's hourly history as the detector reads it, filled from rollup rows: runs by hour (every ending
 * status), failures ({@code failed} + {@code dead_lettered}) and the duration histograms. Only the hours read from
 * the rollups hold anything (the detector reads no other); a histogram is kept only for hours with runs.
 */
final class RollupHistory implements HourlyHistory {

    private final Instant start;
    private final long[] runs;
    private final long[] failed;
    private final Map<Integer, long[]> histograms = new HashMap<>();
    private int firstHour;

    /**
     * An empty history of {@code hours} hours from {@code start}, of a workflow created at {@code createdAt}: hours
     * before it are unknown, unless rollups of earlier hours are added (runs imported or seeded with the workflow).
     */
    RollupHistory(Instant start, int hours, Instant createdAt) {
        this.start = start;
        this.runs = new long[hours];
        this.failed = new long[hours];
        this.firstHour = (int) Math.clamp(Duration.between(start, createdAt.truncatedTo(
                java.time.temporal.ChronoUnit.HOURS)).toHours(), 0, hours);
    }

    /** Adds a rollup row of this workflow (rows outside the history's hours are ignored). */
    void add(RollupRow row) {
        int hour = (int) Duration.between(start, row.hour().toInstant()).toHours();
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
    public Instant start() {
        return start;
    }

    @Override
    public int hours() {
        return runs.length;
    }

    @Override
    public int firstHour() {
        return firstHour;
    }

    @Override
    public long runs(int hour) {
        return runs[hour];
    }

    @Override
    public long failed(int hour) {
        return failed[hour];
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
