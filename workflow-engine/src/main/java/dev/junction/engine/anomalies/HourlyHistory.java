package dev.junction.engine.anomalies;

import java.time.Instant;

/**
 * One workflow's ended runs, hour by hour: hour {@code 0} starts at {@link #start()}, the last complete hour is
 * {@code hours() - 1}. Hours without runs count zero. The detector reads only the hours of the windows it compares.
 */
public interface HourlyHistory {

    /** When hour 0 starts (a whole UTC hour). */
    Instant start();

    /** How many hours the history holds. */
    int hours();

    /**
     * The first hour the history knows (the workflow existed): earlier hours count as unknown, not as hours without
     * runs, so a young workflow is compared with the weeks it has lived only.
     */
    default int firstHour() {
        return 0;
    }

    /** Runs that ended in hour {@code hour}. */
    long runs(int hour);

    /** Of those, the runs that failed (failed or dead-lettered). */
    long failed(int hour);

    /** The 95th percentile duration (ms) of the runs that ended in hours [{@code from}, {@code to}); NaN when none. */
    double p95DurationMs(int from, int to);

    /**
     * How many of the runs that ended in hours [{@code from}, {@code to}) certainly took longer than {@code millis}
     * (those in duration-histogram buckets wholly above it); -1 when the history keeps no histograms.
     */
    default long runsLongerThan(int from, int to, double millis) {
        return -1;
    }

    /**
     * The currency of the history's amounts (ISO 4217, e.g. {@code GBP}); null when the workflow records no amounts.
     */
    default String currency() {
        return null;
    }

    /** Runs in hour {@code hour} that recorded a sale amount. */
    default long sales(int hour) {
        return 0;
    }

    /** The sum of those sale amounts (major units of {@link #currency()}). */
    default double saleAmount(int hour) {
        return 0;
    }

    /** Runs in hour {@code hour} that recorded a refund amount. */
    default long refunds(int hour) {
        return 0;
    }

    /** The sum of those refund amounts (positive, major units). */
    default double refundAmount(int hour) {
        return 0;
    }

    /** Settlement fees recorded by runs in hour {@code hour} (positive, major units). */
    default double fees(int hour) {
        return 0;
    }

    /** The settled (gross) amounts those fees were charged on. */
    default double settled(int hour) {
        return 0;
    }
}
