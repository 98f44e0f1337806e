package dev.junction.backend.anomalies;

import dev.junction.db.rollups.AmountRow;
import dev.junction.db.rollups.DurationBuckets;
import dev.junction.db.rollups.RollupRow;
import dev.junction.engine.anomalies.CountedHistory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One workflow's hourly history as the detector reads it, filled from rollup rows: runs by hour (every ending
 * status), failures ({@code failed} + {@code dead_lettered}) and the duration histograms. Only the hours read from
 * the rollups hold anything (the detector reads no other); a histogram is kept only for hours with runs. Business
 * amounts come from the amount rollups, in one currency: the one most of the workflow's amount rows are in.
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

    /** Adds the workflow's amount rows: those of its main currency (rows outside the history's hours are ignored). */
    void addAmounts(List<AmountRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        currency = rows.stream().collect(Collectors.groupingBy(AmountRow::currency, Collectors.counting())).entrySet()
                .stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(entry -> !entry.getKey()
                        .isEmpty())).map(Map.Entry::getKey).orElseThrow();
        for (AmountRow row : rows) {
            int hour = (int) Duration.between(start(), row.hour().toInstant()).toHours();
            if (hour < 0 || hour >= runs.length || !row.currency().equals(currency)) {
                continue;
            }
            sales[hour] += row.sales();
            saleAmount[hour] += row.saleAmount().doubleValue();
            refunds[hour] += row.refunds();
            refundAmount[hour] += row.refundAmount().doubleValue();
            fees[hour] += row.feeAmount().doubleValue();
            settled[hour] += row.settledAmount().doubleValue();
        }
    }

    @Override
    public long runsLongerThan(int from, int to, double millis) {
        int above = DurationBuckets.of((long) Math.floor(millis)) + 1;
        long count = 0;
        for (int hour = from; hour < to; hour++) {
            long[] histogram = histograms.get(hour);
            for (int bucket = above; histogram != null && bucket < histogram.length; bucket++) {
                count += histogram[bucket];
            }
        }
        return count;
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
