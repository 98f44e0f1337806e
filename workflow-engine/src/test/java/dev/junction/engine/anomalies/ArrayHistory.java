package dev.junction.engine.anomalies;

import java.time.Instant;
import java.util.Arrays;

/**
 * Test helper: an hourly history in arrays; a window's p95 duration is the largest hourly one in it; with
 * {@link #slowRuns}, the runs longer than the usual p95 are counted per hour.
 */
final class ArrayHistory extends CountedHistory {

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    final double[] p95;
    /** Runs longer than any usual p95, by hour; null: the history keeps no histograms. */
    long[] slowRuns;

    ArrayHistory(int hours) {
        super(START, hours);
        p95 = new double[hours];
        Arrays.fill(p95, 800);
    }

    @Override
    public double p95DurationMs(int from, int to) {
        double max = Double.NaN;
        for (int hour = from; hour < to; hour++) {
            if (runs[hour] > 0) {
                max = Double.isNaN(max) ? p95[hour] : Math.max(max, p95[hour]);
            }
        }
        return max;
    }

    @Override
    public long runsLongerThan(int from, int to, double millis) {
        if (slowRuns == null) {
            return -1;
        }
        long count = 0;
        for (int hour = from; hour < to; hour++) {
            count += slowRuns[hour];
        }
        return count;
    }
}
