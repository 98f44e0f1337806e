package dev.junction.engine.anomalies;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnomalyDetectorTest {

    private static final int WEEK = 168;
    private static final EnumSet<AnomalyMetric> ALL = EnumSet.allOf(AnomalyMetric.class);
    private final AnomalyDetector detector = new AnomalyDetector(AnomalySettings.DEFAULTS);

    /** Eight weeks and a day, each week's hours at 20 runs plus that week's offset. */
    private static ArrayHistory steadyWeeks() {
        int[] offsets = {-3, -2, -1, 0, 1, 2, 3, 5};
        ArrayHistory history = new ArrayHistory(8 * WEEK + 24);
        for (int hour = 0; hour < history.hours(); hour++) {
            history.runs[hour] = 20 + offsets[Math.min(7, hour / WEEK)];
        }
        return history;
    }

    @Test
    void twoEmptyHoursAfterSteadyWeeksAreACriticalDropSaidInASentence() {
        ArrayHistory history = steadyWeeks();
        history.runs[history.hours() - 1] = 0;
        history.runs[history.hours() - 2] = 0;

        List<AnomalyFlag> flags = detector.detect("orders polled", history, ALL);

        assertThat(flags).hasSize(1);
        AnomalyFlag drop = flags.getFirst();
        assertThat(drop.metric()).isEqualTo(AnomalyMetric.VOLUME);
        assertThat(drop.kind()).isEqualTo(AnomalyKind.DROP);
        assertThat(drop.severity()).isEqualTo(AnomalySeverity.CRITICAL);
        assertThat(drop.windowHours()).isEqualTo(2);
        assertThat(drop.to()).isEqualTo(ArrayHistory.START.plusSeconds(3600L * history.hours()));
        assertThat(drop.sentence()).isEqualTo("orders polled: 0 runs in the last 2 h, usually 36–46");
    }

    @Test
    void aRunOfEmptyHoursIsReportedOverItsWholeLength() {
        ArrayHistory history = steadyWeeks();
        for (int hour = 1; hour <= 5; hour++) {
            history.runs[history.hours() - hour] = 0;
        }

        assertThat(detector.detect("orders polled", history, ALL)).singleElement()
                .satisfies(flag -> assertThat(flag.sentence()).startsWith("orders polled: 0 runs in the last 5 h"));
    }

    @Test
    void noRunsInQuietHoursIsNoAnomaly() {
        // a night workflow: one run every other hour, then three hours with none (Poisson: nothing unusual)
        ArrayHistory history = new ArrayHistory(8 * WEEK + 24);
        for (int hour = 0; hour < history.hours(); hour++) {
            history.runs[hour] = hour % 2;
        }
        for (int hour = 1; hour <= 3; hour++) {
            history.runs[history.hours() - hour] = 0;
        }

        assertThat(detector.detect("night sync", history, ALL)).isEmpty();
    }

    @Test
    void ordinaryNoiseIsNoAnomaly() {
        assertThat(detector.detect("orders polled", steadyWeeks(), ALL)).isEmpty();
    }

    @Test
    void aSpikeAFailureBurstAndASlowdownAreFlaggedEachOnItsMetric() {
        ArrayHistory history = steadyWeeks();
        int last = history.hours() - 1;
        for (int hour = last - 1; hour <= last; hour++) {
            history.runs[hour] = 120;
            history.failed[hour] = 40;
            history.p95[hour] = 5_000;
        }

        List<AnomalyFlag> flags = detector.detect("payments", history, ALL);

        assertThat(flags).extracting(AnomalyFlag::metric).containsExactly(AnomalyMetric.VOLUME,
                AnomalyMetric.FAILURE_RATE, AnomalyMetric.P95_DURATION);
        assertThat(flags).extracting(AnomalyFlag::sentence).containsExactly(
                "payments: 240 runs in the last 2 h, usually 36–46",
                "payments: failure rate 33 % in the last 2 h, usually 0 %",
                "payments: p95 duration 5.0 s in the last 2 h, usually 800 ms");
    }

    @Test
    void aSustainedShiftIsADrift() {
        // 20 runs every hour for eight weeks, then a day at 14 an hour: no short window is unusual, the day is
        ArrayHistory history = new ArrayHistory(8 * WEEK + 24);
        java.util.Arrays.fill(history.runs, 20);
        for (int hour = 1; hour <= 24; hour++) {
            history.runs[history.hours() - hour] = 14;
        }

        assertThat(detector.detect("orders polled", history, EnumSet.of(AnomalyMetric.VOLUME))).singleElement()
                .satisfies(flag -> {
                    assertThat(flag.kind()).isEqualTo(AnomalyKind.DRIFT);
                    assertThat(flag.sentence()).isEqualTo(
                            "orders polled: 336 runs in the last 24 h, usually 480 (a sustained drop)");
                });
    }

    @Test
    void hoursBeforeTheWorkflowExistedAreNoBaseline() {
        ArrayHistory history = steadyWeeks();
        history.runs[history.hours() - 1] = 0;
        history.runs[history.hours() - 2] = 0;
        history.firstHour = history.hours() - 2 * WEEK - 24;

        assertThat(detector.detect("orders polled", history, ALL)).as("two weeks are too few to judge").isEmpty();
    }

    @Test
    void numbersAreWrittenAsPeopleReadThem() {
        assertThat(AnomalySentences.count(1250)).isEqualTo("1,250");
        assertThat(AnomalySentences.percent(0.025)).isEqualTo("2.5 %");
        assertThat(AnomalySentences.percent(0.35)).isEqualTo("35 %");
        assertThat(AnomalySentences.duration(850)).isEqualTo("850 ms");
        assertThat(AnomalySentences.duration(14_200)).isEqualTo("14 s");
        assertThat(AnomalySentences.duration(270_000)).isEqualTo("4.5 min");
        assertThat(AnomalySentences.of("refunds", AnomalyMetric.VOLUME, AnomalyKind.SPIKE, AnomalyDirection.HIGH, 1,
                1, 0, 0)).isEqualTo("refunds: 1 run in the last hour, usually 0");
    }

    @Test
    void chanceTailsMatchTheirDistributions() {
        assertThat(ChanceTails.poissonAtMost(0, 6)).isCloseTo(Math.exp(-6), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ChanceTails.poissonAtLeast(3, 0.5)).isCloseTo(1 - Math.exp(-0.5) * (1 + 0.5 + 0.125),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ChanceTails.binomialAtLeast(2, 2, 0.5)).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ChanceTails.logFactorial(10)).isCloseTo(Math.log(3_628_800), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void settingsOutsideTheirRangeAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AnomalySettings.DEFAULTS.withK(0))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AnomalySettings.DEFAULTS.withMinHours(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHigherP95FromAFewSlowRunsIsNoSlowdownButManySlowRunsAre() {
        ArrayHistory history = new ArrayHistory(8 * WEEK + 24);
        history.slowRuns = new long[history.hours()];
        for (int hour = 0; hour < history.hours(); hour++) {
            history.runs[hour] = 40;
            history.slowRuns[hour] = hour % 2;
        }
        for (int hour = 1; hour <= 3; hour++) {
            history.p95[history.hours() - hour] = 2400;
            history.slowRuns[history.hours() - hour] = 2;
        }

        assertThat(detector.detect("orders polled", history, EnumSet.of(AnomalyMetric.P95_DURATION)))
                .as("6 of 120 runs slower than usual: chance gives as many").isEmpty();

        for (int hour = 1; hour <= 3; hour++) {
            history.slowRuns[history.hours() - hour] = 30;
        }
        assertThat(detector.detect("orders polled", history, EnumSet.of(AnomalyMetric.P95_DURATION)))
                .singleElement().satisfies(flag -> assertThat(flag.sentence())
                        .startsWith("orders polled: p95 duration 2.4 s in the last "));
    }
}
