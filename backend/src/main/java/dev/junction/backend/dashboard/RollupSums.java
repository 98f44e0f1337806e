package dev.junction.backend.dashboard;

import dev.junction.db.rollups.DurationBuckets;
import dev.junction.db.rollups.RollupRow;
import dev.junction.engine.runs.ErrorCategory;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rollup rows of one period added up: in total (the tiles) and per chart bucket (the charts). "Failed" is
 * {@code failed} + {@code dead_lettered}; durations count every ending but {@code cancelled} (a cancelled run's
 * duration says how long it waited to be cancelled, not how long work takes).
 */
final class RollupSums {

    static final List<String> STATUSES = List.of("succeeded", "failed", "dead_lettered", "cancelled");

    final Instant from;
    final Duration bucket;
    final int buckets;
    long runs;
    long failed;
    final long[] durations = new long[DurationBuckets.COUNT];
    final Map<String, long[]> runsByStatus = new LinkedHashMap<>();
    final Map<ErrorCategory, long[]> failuresByCategory = new EnumMap<>(ErrorCategory.class);
    final long[][] durationsByBucket;

    RollupSums(Instant from, Duration bucket, int buckets) {
        this.from = from;
        this.bucket = bucket;
        this.buckets = buckets;
        STATUSES.forEach(status -> runsByStatus.put(status, new long[buckets]));
        durationsByBucket = new long[buckets][DurationBuckets.COUNT];
    }

    /** Adds the rows of [from, from + buckets × bucket); other rows are left out. */
    RollupSums add(List<RollupRow> rows) {
        for (RollupRow row : rows) {
            Instant hour = row.hour().toInstant();
            if (hour.isBefore(from)) {
                continue;
            }
            long index = Duration.between(from, hour).toSeconds() / bucket.toSeconds();
            if (index >= buckets) {
                continue;
            }
            int i = (int) index;
            runs += row.runs();
            runsByStatus.computeIfAbsent(row.status(), status -> new long[buckets])[i] += row.runs();
            if (isFailure(row.status())) {
                failed += row.runs();
                ErrorCategory category = ErrorCategory.of(row.errorClass());
                failuresByCategory.computeIfAbsent(category == null ? ErrorCategory.OTHER : category,
                        c -> new long[buckets])[i] += row.runs();
            }
            if (!row.status().equals("cancelled")) {
                DurationBuckets.add(durations, row.durationBuckets());
                DurationBuckets.add(durationsByBucket[i], row.durationBuckets());
            }
        }
        return this;
    }

    /** The failure rate in percent, or null when no run ended. */
    Double failureRate() {
        return runs == 0 ? null : failed * 100.0 / runs;
    }

    Instant bucketStart(int index) {
        return from.plus(bucket.multipliedBy(index));
    }

    static boolean isFailure(String status) {
        return status.equals("failed") || status.equals("dead_lettered");
    }
}
