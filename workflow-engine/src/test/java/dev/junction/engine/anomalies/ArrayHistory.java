package dev.junction.engine.anomalies;

import java.time.Instant;

/** Test helper: an hourly history in arrays; a window's p95 duration is the largest hourly one in it. */
final class ArrayHistory implements HourlyHistory {

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    final long[] runs;
    final long[] failed;
    final double[] p95;
    int firstHour;

    ArrayHistory(int hours) {
        runs = new long[hours];
        failed = new long[hours];
        p95 = new double[hours];
        java.util.Arrays.fill(p95, 800);
    }

    @Override
    public Instant start() {
        return START;
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
        double max = Double.NaN;
        for (int hour = from; hour < to; hour++) {
            if (runs[hour] > 0) {
                max = Double.isNaN(max) ? p95[hour] : Math.max(max, p95[hour]);
            }
        }
        return max;
    }
}
