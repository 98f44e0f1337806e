package dev.junction.backend.dashboard;

import dev.junction.backend.api.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The ranges a dashboard can show and how each is cut into chart buckets. Rollups are hourly (and daily), so a period
 * is whole hours and ends with the current (partial) hour: {@code to} is the start of the next hour, {@code from} one
 * range length before. 1h and 24h have hourly buckets (1h is the current clock hour, a single bucket), 7d 6-hourly
 * buckets (28 bars); buckets start at {@code from}. 30d has daily buckets (30 bars) that are UTC days: its period is
 * whole UTC days and ends with the current (partial) day, so that each bar is one row of the daily rollups.
 */
enum DashboardPeriod {
    HOUR("1h", Duration.ofHours(1), Duration.ofHours(1)),
    DAY("24h", Duration.ofHours(24), Duration.ofHours(1)),
    WEEK("7d", Duration.ofDays(7), Duration.ofHours(6)),
    MONTH("30d", Duration.ofDays(30), Duration.ofDays(1));

    static final DashboardPeriod DEFAULT = DAY;

    private final String rangeName;
    private final Duration length;
    private final Duration bucket;

    DashboardPeriod(String rangeName, Duration length, Duration bucket) {
        this.rangeName = rangeName;
        this.length = length;
        this.bucket = bucket;
    }

    /** The range named {@code name} ({@code 1h}, {@code 24h}, {@code 7d}, {@code 30d}; blank: 24h). */
    static DashboardPeriod named(String name) {
        if (name == null || name.isBlank()) {
            return DEFAULT;
        }
        for (DashboardPeriod period : values()) {
            if (period.rangeName.equalsIgnoreCase(name.strip())) {
                return period;
            }
        }
        throw new InvalidInputException("range", "must be one of " + Arrays.stream(values())
                .map(period -> period.rangeName).collect(Collectors.joining(", ")) + ", was '" + name + "'");
    }

    String rangeName() {
        return rangeName;
    }

    Duration length() {
        return length;
    }

    Duration bucket() {
        return bucket;
    }

    int buckets() {
        return (int) (length.toSeconds() / bucket.toSeconds());
    }

    /**
     * Whether each chart bucket is one whole UTC day (then the daily rollups give the buckets exactly; any other
     * bucket needs the hourly ones).
     */
    boolean bucketsAreDays() {
        return bucket.equals(Duration.ofDays(1));
    }

    /**
     * The end (exclusive) of the period that holds {@code now}: the start of the next hour, or, for daily buckets,
     * of the next UTC day.
     */
    Instant to(Instant now) {
        return bucketsAreDays() ? now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1))
                : now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    }
}
