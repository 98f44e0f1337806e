package dev.junction.engine.anomalies;

import java.util.Arrays;

/**
 * The values of the baseline weeks for one window: their median, their robust spread (1.4826 · median absolute
 * deviation: the standard deviation for normal data, unmoved by one odd week such as a holiday) and the range they
 * usually span (without the lowest and highest week once there are five or more).
 */
record RobustBaseline(double median, double spread, double usualLow, double usualHigh, int weeks) {

    static RobustBaseline of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = median(sorted);
        double[] deviations = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            deviations[i] = Math.abs(sorted[i] - median);
        }
        Arrays.sort(deviations);
        int trim = sorted.length >= 5 ? 1 : 0;
        return new RobustBaseline(median, 1.4826 * median(deviations), sorted[trim], sorted[sorted.length - 1 - trim],
                sorted.length);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
