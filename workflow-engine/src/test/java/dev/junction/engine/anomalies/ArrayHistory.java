package dev.junction.engine.anomalies;

import java.time.Instant;
import java.util.Arrays;

/** Test helper: an hourly history in arrays; a window's p95 duration is the largest hourly one in it. */
final class ArrayHistory extends CountedHistory {

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    final double[] p95;

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
}
