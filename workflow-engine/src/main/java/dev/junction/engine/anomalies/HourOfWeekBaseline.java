package dev.junction.engine.anomalies;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A metric's baseline for each of the 168 hours of the week, as the flags judge it, for people to see: for each of
 * the latest 168 complete hours, the median of the same hour in the baseline weeks, its band (median ± k · robust
 * spread, the spread at least the detector's floor for counts and amounts), and what the hour actually gave. Values
 * are per hour (a failure rate of that hour's runs…); NaN where there is nothing to show (no runs in the hour, fewer
 * baseline weeks than the detector needs).
 *
 * @param hourStarts the start of each of the 168 hours, oldest first
 */
public record HourOfWeekBaseline(AnomalyMetric metric, String currency, List<Instant> hourStarts, double[] median,
                                 double[] low, double[] high, double[] actual) {

    public static final int HOURS = AnomalyDetector.HOURS_PER_WEEK;

    /** The baseline of {@code metric} over the 168 hours before hour {@code end} of {@code history}. */
    public static HourOfWeekBaseline of(HourlyHistory history, AnomalyMetric metric, int end,
                                        AnomalySettings settings) {
        double[] median = new double[HOURS];
        double[] low = new double[HOURS];
        double[] high = new double[HOURS];
        double[] actual = new double[HOURS];
        List<Instant> starts = new ArrayList<>(HOURS);
        for (int i = 0; i < HOURS; i++) {
            int hour = end - HOURS + i;
            starts.add(history.start().plus(Duration.ofHours(hour)));
            actual[i] = hour >= Math.max(0, history.firstHour()) ? value(history, metric, hour) : Double.NaN;
            List<Double> weeks = new ArrayList<>();
            for (int week = 1; week <= settings.baselineWeeks(); week++) {
                int past = hour - week * HOURS;
                if (past < history.firstHour() || past < 0) {
                    break;
                }
                double value = value(history, metric, past);
                if (!Double.isNaN(value)) {
                    weeks.add(value);
                }
            }
            if (weeks.size() < settings.minBaselineWeeks()) {
                median[i] = low[i] = high[i] = Double.NaN;
                continue;
            }
            RobustBaseline baseline = RobustBaseline.of(weeks.stream().mapToDouble(Double::doubleValue).toArray());
            double floor = switch (metric) {
                case VOLUME, ORDER_VALUE -> settings.noiseFloor() * baseline.median();
                case P95_DURATION -> 0.1 * baseline.median();
                case SETTLEMENT_FEES -> AmountJudgements.FEE_RESOLUTION * baseline.median();
                case FAILURE_RATE, REFUND_SHARE -> 0;
            };
            double band = settings.k() * Math.max(baseline.spread(), floor);
            median[i] = baseline.median();
            low[i] = Math.max(0, baseline.median() - band);
            high[i] = baseline.median() + band;
        }
        return new HourOfWeekBaseline(metric, history.currency(), List.copyOf(starts), median, low, high, actual);
    }

    /** The metric's value in one hour; NaN when the hour has nothing it is a share of. */
    static double value(HourlyHistory history, AnomalyMetric metric, int hour) {
        return switch (metric) {
            case VOLUME -> history.runs(hour);
            case FAILURE_RATE -> history.runs(hour) == 0 ? Double.NaN
                    : (double) history.failed(hour) / history.runs(hour);
            case P95_DURATION -> history.p95DurationMs(hour, hour + 1);
            case ORDER_VALUE -> history.saleAmount(hour);
            case REFUND_SHARE -> history.saleAmount(hour) <= 0 ? Double.NaN
                    : history.refundAmount(hour) / history.saleAmount(hour);
            case SETTLEMENT_FEES -> history.settled(hour) <= 0 ? Double.NaN
                    : history.fees(hour) / history.settled(hour);
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HourOfWeekBaseline that && metric == that.metric && hourStarts.equals(that.hourStarts)
                && Arrays.equals(median, that.median) && Arrays.equals(low, that.low)
                && Arrays.equals(high, that.high) && Arrays.equals(actual, that.actual);
    }

    @Override
    public int hashCode() {
        return hourStarts.hashCode() * 31 + Arrays.hashCode(actual);
    }

    @Override
    public String toString() {
        return "HourOfWeekBaseline[" + metric + ", " + hourStarts.getFirst() + "…]";
    }
}
