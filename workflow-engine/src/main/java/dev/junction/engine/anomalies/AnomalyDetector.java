package dev.junction.engine.anomalies;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flags what is unusual in a workflow's latest hours. Each window of the latest hours is compared with the same
 * hours of week (the same weekday and clock hours) of the previous weeks: the baseline's median and robust spread
 * (median ± k · 1.4826 · MAD) AND a chance test (Poisson for run counts, binomial for failures) must both call it
 * unusual, so a quiet hour with a handful of runs is never flagged for having none. Windows of
 * {@link AnomalySettings#minHours()} to 12 hours give drops and spikes (the shortest unusual one is reported; a run of
 * empty hours is reported over its whole length); the {@link AnomalySettings#driftHours()} window gives drifts, when
 * no short window already explains the shift. Per metric and direction at most one flag. Pure: reads only the
 * history it is given.
 */
public final class AnomalyDetector {

    static final int HOURS_PER_WEEK = 168;
    private static final int[] SHORT_WINDOWS = {1, 2, 3, 6, 12};
    /** The fewest runs a window needs before its failure rate or p95 duration is judged. */
    static final int MIN_RUNS_FOR_RATES = 10;
    /** The fewest runs a window needs before its p95 duration is judged (a p95 of fewer is nearly their maximum). */
    static final int MIN_RUNS_FOR_DURATION = 30;
    /** The smallest spread of a p95 duration, relative to its median: the duration histogram's resolution. */
    private static final double DURATION_RESOLUTION = 0.1;
    private static final int MIN_FAILURES = 3;
    /** A p95 duration is flagged only when it is at least this many times its usual median. */
    private static final double MIN_SLOWDOWN = 2;

    private final AnomalySettings settings;

    public AnomalyDetector(AnomalySettings settings) {
        this.settings = settings;
    }

    public AnomalySettings settings() {
        return settings;
    }

    /** The flags of the history's latest complete hours; {@code label} names the workflow in the sentences. */
    public List<AnomalyFlag> detect(String label, HourlyHistory history, Set<AnomalyMetric> metrics) {
        return detectAt(label, history, history.hours(), metrics);
    }

    /** The flags as they stood when hour {@code end} began (hours {@code end} on are not read). */
    public List<AnomalyFlag> detectAt(String label, HourlyHistory history, int end, Set<AnomalyMetric> metrics) {
        List<AnomalyFlag> flags = new ArrayList<>();
        if (end - settings.minBaselineWeeks() * HOURS_PER_WEEK - settings.minHours() < 0) {
            return flags;
        }
        for (AnomalyMetric metric : metrics) {
            if (metric.isAmount() && history.currency() == null) {
                continue;
            }
            List<AnomalyDirection> directions = metric == AnomalyMetric.VOLUME || metric == AnomalyMetric.ORDER_VALUE
                    || metric == AnomalyMetric.SETTLEMENT_FEES
                    ? List.of(AnomalyDirection.LOW, AnomalyDirection.HIGH) : List.of(AnomalyDirection.HIGH);
            for (AnomalyDirection direction : directions) {
                flagOf(label, history, end, metric, direction).ifPresent(flags::add);
            }
        }
        return flags;
    }

    private Optional<AnomalyFlag> flagOf(String label, HourlyHistory history, int end, AnomalyMetric metric,
                                         AnomalyDirection direction) {
        for (int hours : SHORT_WINDOWS) {
            if (hours < settings.minHours() || hours >= settings.driftHours()) {
                continue;
            }
            Optional<Judgement> judgement = judge(history, end, hours, metric, direction);
            if (judgement.isPresent()) {
                Judgement found = judgement.get();
                if (metric == AnomalyMetric.VOLUME && direction == AnomalyDirection.LOW && found.observed() == 0) {
                    int empty = emptyHours(history, end, settings.driftHours() * 2);
                    if (empty > hours) {
                        found = judge(history, end, empty, metric, direction).orElse(found);
                    }
                }
                AnomalyKind kind = direction == AnomalyDirection.LOW ? AnomalyKind.DROP : AnomalyKind.SPIKE;
                return Optional.of(flag(label, history, end, metric, kind, direction, found));
            }
        }
        return judge(history, end, settings.driftHours(), metric, direction)
                .map(found -> flag(label, history, end, metric, AnomalyKind.DRIFT, direction, found));
    }

    private AnomalyFlag flag(String label, HourlyHistory history, int end, AnomalyMetric metric, AnomalyKind kind,
                             AnomalyDirection direction, Judgement found) {
        Instant to = history.start().plus(Duration.ofHours(end));
        Instant from = to.minus(Duration.ofHours(found.hours()));
        boolean critical = ((metric == AnomalyMetric.VOLUME || metric == AnomalyMetric.ORDER_VALUE)
                && direction == AnomalyDirection.LOW && found.observed() == 0) || found.distance() >= 2;
        AnomalySeverity severity = critical ? AnomalySeverity.CRITICAL : AnomalySeverity.WARNING;
        return new AnomalyFlag(metric, kind, direction, found.hours(), from, to, found.observed(),
                found.baseline().usualLow(), found.baseline().usualHigh(), severity,
                AnomalySentences.of(label, metric, kind, direction, found.hours(), found.observed(),
                        found.baseline().usualLow(), found.baseline().usualHigh(), history.currency()));
    }

    /**
     * A window found unusual: what it gave, its baseline, and how far out it lies in band widths (1: at the edge).
     */
    private record Judgement(int hours, double observed, RobustBaseline baseline, double distance) {
    }

    private Optional<Judgement> judge(HourlyHistory history, int end, int hours, AnomalyMetric metric,
                                      AnomalyDirection direction) {
        return switch (metric) {
            case VOLUME -> judgeVolume(history, end, hours, direction);
            case FAILURE_RATE -> judgeFailureRate(history, end, hours);
            case P95_DURATION -> judgeDuration(history, end, hours);
            case ORDER_VALUE -> AmountJudgements.orderValue(settings, history, end, hours, direction,
                    baselineWeeks(history, end, hours)).map(this::judgement);
            case REFUND_SHARE -> AmountJudgements.refundShare(settings, history, end, hours,
                    baselineWeeks(history, end, hours)).map(this::judgement);
            case SETTLEMENT_FEES -> AmountJudgements.feeShare(settings, history, end, hours, direction,
                    baselineWeeks(history, end, hours)).map(this::judgement);
        };
    }

    private Judgement judgement(AmountJudgements.Found found) {
        return new Judgement(found.hours(), found.observed(), found.baseline(), found.distance());
    }

    private Optional<Judgement> judgeVolume(HourlyHistory history, int end, int hours, AnomalyDirection direction) {
        if (end - hours < 0) {
            return Optional.empty();
        }
        long observed = sum(history, end - hours, end, false);
        double[] weeks = baselineWeeks(history, end, hours).stream()
                .mapToDouble(weekEnd -> sum(history, weekEnd - hours, weekEnd, false)).toArray();
        if (weeks.length < settings.minBaselineWeeks()) {
            return Optional.empty();
        }
        RobustBaseline baseline = RobustBaseline.of(weeks);
        double mean = Math.max(baseline.median(), 0.5);
        double band = settings.k() * Math.max(baseline.spread(),
                settings.noiseFloor() * baseline.median() / Math.sqrt(hours));
        boolean unusual = direction == AnomalyDirection.LOW
                ? observed < baseline.median() - band && ChanceTails.poissonAtMost(observed, mean) < settings.tail()
                : observed > baseline.median() + band && ChanceTails.poissonAtLeast(observed, mean) < settings.tail();
        if (!unusual) {
            return Optional.empty();
        }
        double width = Math.max(band, 3 * Math.sqrt(mean));
        return Optional.of(new Judgement(hours, observed, baseline, Math.abs(observed - baseline.median()) / width));
    }

    private Optional<Judgement> judgeFailureRate(HourlyHistory history, int end, int hours) {
        if (end - hours < 0) {
            return Optional.empty();
        }
        long runs = sum(history, end - hours, end, false);
        long failed = sum(history, end - hours, end, true);
        if (runs < MIN_RUNS_FOR_RATES || failed < MIN_FAILURES) {
            return Optional.empty();
        }
        List<Double> rates = new ArrayList<>();
        long baselineRuns = 0;
        long baselineFailed = 0;
        for (int weekEnd : baselineWeeks(history, end, hours)) {
            long weekRuns = sum(history, weekEnd - hours, weekEnd, false);
            long weekFailed = sum(history, weekEnd - hours, weekEnd, true);
            if (weekRuns > 0) {
                rates.add((double) weekFailed / weekRuns);
                baselineRuns += weekRuns;
                baselineFailed += weekFailed;
            }
        }
        if (rates.size() < settings.minBaselineWeeks()) {
            return Optional.empty();
        }
        RobustBaseline baseline = RobustBaseline.of(rates.stream().mapToDouble(Double::doubleValue).toArray());
        double usual = (baselineFailed + 0.5) / (baselineRuns + 1.0);
        double rate = (double) failed / runs;
        double band = settings.k() * baseline.spread();
        if (rate <= baseline.median() + band || ChanceTails.binomialAtLeast(failed, runs, usual) >= settings.tail()) {
            return Optional.empty();
        }
        double width = Math.max(band, 3 * Math.sqrt(usual * (1 - usual) / runs));
        return Optional.of(new Judgement(hours, rate, baseline, (rate - baseline.median()) / width));
    }

    private Optional<Judgement> judgeDuration(HourlyHistory history, int end, int hours) {
        if (end - hours < 0 || sum(history, end - hours, end, false) < MIN_RUNS_FOR_DURATION) {
            return Optional.empty();
        }
        double observed = history.p95DurationMs(end - hours, end);
        List<Double> weeks = new ArrayList<>();
        for (int weekEnd : baselineWeeks(history, end, hours)) {
            if (sum(history, weekEnd - hours, weekEnd, false) >= MIN_RUNS_FOR_DURATION) {
                double p95 = history.p95DurationMs(weekEnd - hours, weekEnd);
                if (!Double.isNaN(p95)) {
                    weeks.add(p95);
                }
            }
        }
        if (Double.isNaN(observed) || weeks.size() < settings.minBaselineWeeks()) {
            return Optional.empty();
        }
        RobustBaseline baseline = RobustBaseline.of(weeks.stream().mapToDouble(Double::doubleValue).toArray());
        double band = settings.k() * Math.max(baseline.spread(), DURATION_RESOLUTION * baseline.median());
        if (observed <= baseline.median() + band || observed < MIN_SLOWDOWN * baseline.median()
                || !slowRunsImprobable(history, end, hours, baseline.median())) {
            return Optional.empty();
        }
        double width = Math.max(band, (MIN_SLOWDOWN - 1) * baseline.median());
        return Optional.of(new Judgement(hours, observed, baseline, (observed - baseline.median()) / width));
    }

    /**
     * The chance test of a slowdown: the window's runs longer than the usual p95 (the baseline weeks' median p95)
     * are more than chance gives at the share of the baseline weeks' runs longer than it (binomial, under the tail).
     * A p95 of 30 runs is their second-longest run, so one or two slow runs move it; a count of all runs does not.
     * True when the history keeps no histograms (the p95 band alone judges then).
     */
    private boolean slowRunsImprobable(HourlyHistory history, int end, int hours, double usualP95) {
        long slow = history.runsLongerThan(end - hours, end, usualP95);
        if (slow < 0) {
            return true;
        }
        long runs = sum(history, end - hours, end, false);
        long baselineSlow = 0;
        long baselineRuns = 0;
        for (int weekEnd : baselineWeeks(history, end, hours)) {
            baselineSlow += history.runsLongerThan(weekEnd - hours, weekEnd, usualP95);
            baselineRuns += sum(history, weekEnd - hours, weekEnd, false);
        }
        double usual = (baselineSlow + 0.5) / (baselineRuns + 1.0);
        return usual < 1 && ChanceTails.binomialAtLeast(slow, runs, usual) < settings.tail();
    }

    /** The ends of the same window in the baseline weeks that the history holds, latest week first. */
    List<Integer> baselineWeeks(HourlyHistory history, int end, int hours) {
        List<Integer> ends = new ArrayList<>();
        for (int week = 1; week <= settings.baselineWeeks(); week++) {
            int weekEnd = end - week * HOURS_PER_WEEK;
            if (weekEnd - hours < history.firstHour()) {
                break;
            }
            ends.add(weekEnd);
        }
        return ends;
    }

    private static long sum(HourlyHistory history, int from, int to, boolean failedOnly) {
        long sum = 0;
        for (int hour = from; hour < to; hour++) {
            sum += failedOnly ? history.failed(hour) : history.runs(hour);
        }
        return sum;
    }

    private static int emptyHours(HourlyHistory history, int end, int limit) {
        int empty = 0;
        while (empty < limit && end - empty - 1 >= 0 && history.runs(end - empty - 1) == 0) {
            empty++;
        }
        return empty;
    }
}
