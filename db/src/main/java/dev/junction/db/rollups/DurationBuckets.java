package dev.junction.db.rollups;

/**
 * The histogram of run durations the rollups keep: bucket {@code i} holds durations of {@code d} ms with
 * {@code floor(4 · log2(1 + d)) = i} (each bucket ~19 % wider than the last), the last bucket everything from about
 * 15 hours on. Percentiles read from it are the geometric middle of their bucket: within ±10 %.
 */
public final class DurationBuckets {

    /** How many buckets a histogram has. */
    public static final int COUNT = 64;

    private DurationBuckets() {
    }

    /** The bucket of a duration of {@code millis} ms. */
    public static int of(long millis) {
        double index = 4 * (Math.log1p(Math.max(0, millis)) / Math.log(2));
        return (int) Math.min(COUNT - 1, Math.floor(index));
    }

    /** The smallest duration (ms) bucket {@code index} holds. */
    public static double lowerBound(int index) {
        return Math.pow(2, index / 4.0) - 1;
    }

    /**
     * The duration (ms) under which a fraction {@code quantile} (0…1) of the counted runs ended, or null when
     * {@code histogram} counts none.
     */
    public static Double percentile(long[] histogram, double quantile) {
        long total = 0;
        for (long count : histogram) {
            total += count;
        }
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= rank) {
                return Math.sqrt(Math.max(1, lowerBound(i) + 1) * (lowerBound(i + 1) + 1)) - 1;
            }
        }
        return lowerBound(histogram.length);
    }

    /** Adds histogram {@code other} into {@code into} (both {@link #COUNT} long). */
    public static void add(long[] into, long[] other) {
        for (int i = 0; i < Math.min(into.length, other.length); i++) {
            into[i] += other[i];
        }
    }
}
