package dev.junction.engine.anomalies;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;

/**
 * How the detector judges the business-amount metrics of a window against the same window of the baseline weeks
 * (the ends {@code weekEnds}, latest first):
 * <ul>
 *     <li><b>order value</b> (sold amounts summed), both ways: outside median ± k · max(robust spread, noise floor ·
 *     median / √hours, median · √({@value #AMOUNT_VARIANCE} / usual sales): a sum of a few orders is noisy),
 *     judged only when the baseline weeks usually hold at least
 *     {@value AnomalyDetector#MIN_RUNS_FOR_RATES} sales in the window (a handful of orders makes no baseline) —
 *     except downwards when at least {@value #MIN_VALUELESS_ORDERS} orders came in and none had a value, which no
 *     noise explains where the baseline weeks' orders always had one;</li>
 *     <li><b>refund share</b> (refunded over sold amounts), upwards: above median + k · robust spread AND improbable
 *     by chance — the refund count among sales and refunds, binomial at the baseline's pooled share — with at least
 *     {@value #MIN_REFUNDS} refunds and {@value AnomalyDetector#MIN_RUNS_FOR_RATES} sales in the window;</li>
 *     <li><b>settlement fees</b> (fees over settled amounts), both ways: outside median ± k · max(robust spread,
 *     {@value #FEE_RESOLUTION} of the median) — fee schedules are stable, so a tenth of a percentage point is a
 *     change worth saying.</li>
 * </ul>
 */
final class AmountJudgements {

    static final int MIN_REFUNDS = 3;
    /**
     * The smallest spread of an order value, as a share of its median, is √(this / n) for n usual orders in the
     * window: a sum of few orders varies more than their count. Tuned on seed 1 of the generated year among 0, 0.5,
     * 1, 1.5 and 2 (best value-drop F1; docs/benchmarks.md): with k = 5 the band is then at least 3.5 Poisson
     * deviations of the order count.
     */
    static final double AMOUNT_VARIANCE = 0.5;
    /** The fewest orders a window needs to say that none carried a value (one or two may be free samples). */
    static final int MIN_VALUELESS_ORDERS = 3;
    /** The smallest spread of a fee share, relative to its median. */
    static final double FEE_RESOLUTION = 0.04;

    /** A window found unusual: what it gave, its baseline, how far out in band widths. */
    record Found(int hours, double observed, RobustBaseline baseline, double distance) {
    }

    private AmountJudgements() {
    }

    static Optional<Found> orderValue(AnomalySettings settings, HourlyHistory history, int end, int hours,
                                      AnomalyDirection direction, List<Integer> weekEnds) {
        if (end - hours < 0) {
            return Optional.empty();
        }
        double observed = sum(history::saleAmount, end - hours, end);
        double[] weeks = new double[weekEnds.size()];
        double[] counts = new double[weekEnds.size()];
        for (int i = 0; i < weekEnds.size(); i++) {
            int weekEnd = weekEnds.get(i);
            weeks[i] = sum(history::saleAmount, weekEnd - hours, weekEnd);
            counts[i] = count(history::sales, weekEnd - hours, weekEnd);
        }
        if (weeks.length < settings.minBaselineWeeks()) {
            return Optional.empty();
        }
        if (direction == AnomalyDirection.LOW && observed == 0) {
            Optional<Found> valueless = valueless(history, end, hours, weeks, counts);
            if (valueless.isPresent()) {
                return valueless;
            }
        }
        if (RobustBaseline.of(counts).median() < AnomalyDetector.MIN_RUNS_FOR_RATES) {
            return Optional.empty();
        }
        RobustBaseline baseline = RobustBaseline.of(weeks);
        double usualSales = RobustBaseline.of(counts).median();
        double band = settings.k() * Math.max(baseline.spread(), baseline.median() * Math.max(
                settings.noiseFloor() / Math.sqrt(hours), Math.sqrt(AMOUNT_VARIANCE / usualSales)));
        boolean unusual = direction == AnomalyDirection.LOW ? observed < baseline.median() - band
                : observed > baseline.median() + band;
        if (unusual && band > 0) {
            return Optional.of(new Found(hours, observed, baseline, Math.abs(observed - baseline.median()) / band));
        }
        return direction == AnomalyDirection.LOW ? perOrder(settings, history, end, hours, weeks, counts, baseline)
                : Optional.empty();
    }

    /**
     * Downwards, the value per order: orders kept coming but each is worth much less (a price in the wrong unit).
     * The average of n orders does not move with their count — a quiet day, a holiday — so it shows a fall the sum's
     * band (which holds the count's swings too) hides. Judged with at least
     * {@value AnomalyDetector#MIN_RUNS_FOR_RATES} orders in the window: below median − k · max(robust spread of the
     * baseline weeks' averages, median · √({@value #AMOUNT_VARIANCE} / orders)). Reported as the sum (what the
     * sentence says), against the sum's baseline.
     */
    private static Optional<Found> perOrder(AnomalySettings settings, HourlyHistory history, int end, int hours,
                                            double[] weeks, double[] counts, RobustBaseline sums) {
        long sales = count(history::sales, end - hours, end);
        if (sales < AnomalyDetector.MIN_RUNS_FOR_RATES) {
            return Optional.empty();
        }
        double[] averages = new double[weeks.length];
        int n = 0;
        for (int i = 0; i < weeks.length; i++) {
            if (counts[i] > 0) {
                averages[n++] = weeks[i] / counts[i];
            }
        }
        if (n < settings.minBaselineWeeks()) {
            return Optional.empty();
        }
        RobustBaseline usual = RobustBaseline.of(java.util.Arrays.copyOf(averages, n));
        double average = sum(history::saleAmount, end - hours, end) / sales;
        double band = settings.k() * Math.max(usual.spread(), usual.median() * Math.sqrt(AMOUNT_VARIANCE / sales));
        if (band <= 0 || average >= usual.median() - band) {
            return Optional.empty();
        }
        return Optional.of(new Found(hours, average * sales, sums, (usual.median() - average) / band));
    }

    /**
     * Orders came in but not one carried a value: at least {@value #MIN_VALUELESS_ORDERS} sales in the window summing
     * to nothing, where the baseline weeks' orders in that window had a value — in at least two weeks, and all but
     * at most one (one odd week, such as an earlier incident, does not make valueless orders usual, as one odd week
     * does not move a robust baseline). No chance of a positive amount gives
     * that — an amount no longer mapped, a price field renamed — so it is judged however few orders the window
     * usually holds (the band of a sum of a handful of orders is wider than the sum itself, and would never flag it).
     */
    private static Optional<Found> valueless(HourlyHistory history, int end, int hours, double[] weeks,
                                             double[] counts) {
        if (count(history::sales, end - hours, end) < MIN_VALUELESS_ORDERS) {
            return Optional.empty();
        }
        int valued = 0;
        int valueless = 0;
        for (int i = 0; i < weeks.length; i++) {
            if (counts[i] > 0 && weeks[i] <= 0) {
                valueless++;
            } else if (counts[i] > 0) {
                valued++;
            }
        }
        if (valueless > 1 || valued < 2) {
            return Optional.empty(); // orders without a value happen here (more than one odd week): not a change
        }
        RobustBaseline baseline = RobustBaseline.of(weeks);
        return baseline.median() <= 0 ? Optional.empty()
                : Optional.of(new Found(hours, 0, baseline, 2)); // as far out as a volume falling to nothing
    }

    static Optional<Found> refundShare(AnomalySettings settings, HourlyHistory history, int end, int hours,
                                       List<Integer> weekEnds) {
        if (end - hours < 0) {
            return Optional.empty();
        }
        long sales = count(history::sales, end - hours, end);
        long refunds = count(history::refunds, end - hours, end);
        double sold = sum(history::saleAmount, end - hours, end);
        if (sales < AnomalyDetector.MIN_RUNS_FOR_RATES || refunds < MIN_REFUNDS || sold <= 0) {
            return Optional.empty();
        }
        List<Double> shares = new ArrayList<>();
        long baselineSales = 0;
        long baselineRefunds = 0;
        for (int weekEnd : weekEnds) {
            double weekSold = sum(history::saleAmount, weekEnd - hours, weekEnd);
            if (weekSold > 0) {
                shares.add(sum(history::refundAmount, weekEnd - hours, weekEnd) / weekSold);
                baselineSales += count(history::sales, weekEnd - hours, weekEnd);
                baselineRefunds += count(history::refunds, weekEnd - hours, weekEnd);
            }
        }
        if (shares.size() < settings.minBaselineWeeks()) {
            return Optional.empty();
        }
        RobustBaseline baseline = RobustBaseline.of(shares.stream().mapToDouble(Double::doubleValue).toArray());
        double share = sum(history::refundAmount, end - hours, end) / sold;
        double usual = (baselineRefunds + 0.5) / (baselineSales + baselineRefunds + 1.0);
        double band = settings.k() * baseline.spread();
        if (share <= baseline.median() + band
                || ChanceTails.binomialAtLeast(refunds, sales + refunds, usual) >= settings.tail()) {
            return Optional.empty();
        }
        double width = Math.max(band, 3 * Math.sqrt(usual * (1 - usual) / (sales + refunds)));
        return Optional.of(new Found(hours, share, baseline, (share - baseline.median()) / width));
    }

    static Optional<Found> feeShare(AnomalySettings settings, HourlyHistory history, int end, int hours,
                                    AnomalyDirection direction, List<Integer> weekEnds) {
        if (end - hours < 0) {
            return Optional.empty();
        }
        double settled = sum(history::settled, end - hours, end);
        if (settled <= 0) {
            return Optional.empty();
        }
        List<Double> shares = new ArrayList<>();
        for (int weekEnd : weekEnds) {
            double weekSettled = sum(history::settled, weekEnd - hours, weekEnd);
            if (weekSettled > 0) {
                shares.add(sum(history::fees, weekEnd - hours, weekEnd) / weekSettled);
            }
        }
        if (shares.size() < settings.minBaselineWeeks()) {
            return Optional.empty();
        }
        RobustBaseline baseline = RobustBaseline.of(shares.stream().mapToDouble(Double::doubleValue).toArray());
        double share = sum(history::fees, end - hours, end) / settled;
        double band = settings.k() * Math.max(baseline.spread(), FEE_RESOLUTION * baseline.median());
        boolean unusual = direction == AnomalyDirection.LOW ? share < baseline.median() - band
                : share > baseline.median() + band;
        if (!unusual || band <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Found(hours, share, baseline, Math.abs(share - baseline.median()) / band));
    }

    private static double sum(IntToDoubleFunction values, int from, int to) {
        double sum = 0;
        for (int hour = from; hour < to; hour++) {
            sum += values.applyAsDouble(hour);
        }
        return sum;
    }

    private static long count(IntToLongFunction values, int from, int to) {
        long sum = 0;
        for (int hour = from; hour < to; hour++) {
            sum += values.applyAsLong(hour);
        }
        return sum;
    }
}
