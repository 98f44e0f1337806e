package dev.junction.backend.dashboard;

import dev.junction.db.rollups.DurationBuckets;
import dev.junction.engine.runs.ErrorCategory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The dashboard's charts over time, from the summed rollups of the period. */
final class DashboardCharts {

    private static final Map<String, String> STATUS_TONES = Map.of("succeeded", "success", "failed", "warning",
            "dead_lettered", "error", "cancelled", "neutral");

    private DashboardCharts() {
    }

    /** Runs ended per bucket, stacked by ending status. */
    static DashboardChart runsByStatus(RollupSums sums, UUID workflowId) {
        List<ChartSeries> series = new ArrayList<>();
        sums.runsByStatus.forEach((status, counts) -> series.add(new ChartSeries(status,
                STATUS_TONES.getOrDefault(status, "neutral"), values(counts),
                RunsLinks.runs(status, null, null, null, workflowId))));
        return new DashboardChart("runs-by-status", "Runs by status", "stacked-bar", "runs",
                sums.bucket.toSeconds(), x(sums), series);
    }

    /** The median and 95th percentile of run durations per bucket (null where no run ended). */
    static DashboardChart duration(RollupSums sums) {
        List<Double> p50 = new ArrayList<>();
        List<Double> p95 = new ArrayList<>();
        for (long[] histogram : sums.durationsByBucket) {
            p50.add(rounded(DurationBuckets.percentile(histogram, 0.50)));
            p95.add(rounded(DurationBuckets.percentile(histogram, 0.95)));
        }
        return new DashboardChart("duration", "Run duration", "line", "ms", sums.bucket.toSeconds(), x(sums),
                List.of(new ChartSeries("p50", "neutral", p50, null), new ChartSeries("p95", "warning", p95, null)));
    }

    /** Failed and dead-lettered runs per bucket, stacked by the category of their error class. */
    static DashboardChart failuresByCategory(RollupSums sums, UUID workflowId) {
        List<ChartSeries> series = new ArrayList<>();
        for (Map.Entry<ErrorCategory, long[]> entry : sums.failuresByCategory.entrySet()) {
            ErrorCategory category = entry.getKey();
            series.add(new ChartSeries(category.label(), "error", values(entry.getValue()),
                    RunsLinks.runs(RunsLinks.FAILED, category.jsonName(), null, null, workflowId)));
        }
        return new DashboardChart("failures-by-category", "Failures by error category", "stacked-bar", "runs",
                sums.bucket.toSeconds(), x(sums), series);
    }

    static List<Instant> x(RollupSums sums) {
        List<Instant> x = new ArrayList<>();
        for (int i = 0; i < sums.buckets; i++) {
            x.add(sums.bucketStart(i));
        }
        return x;
    }

    static List<Double> values(long[] counts) {
        List<Double> values = new ArrayList<>(counts.length);
        for (long count : counts) {
            values.add((double) count);
        }
        return values;
    }

    private static Double rounded(Double millis) {
        return millis == null ? null : (double) Math.round(millis);
    }
}
