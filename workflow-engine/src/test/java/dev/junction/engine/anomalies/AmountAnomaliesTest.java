package dev.junction.engine.anomalies;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bands and sentences of the business-amount metrics: order value, refund share, settlement fees. */
class AmountAnomaliesTest {

    private static final int WEEK = 168;
    private static final EnumSet<AnomalyMetric> AMOUNTS = EnumSet.of(AnomalyMetric.ORDER_VALUE,
            AnomalyMetric.REFUND_SHARE, AnomalyMetric.SETTLEMENT_FEES);
    private final AnomalyDetector detector = new AnomalyDetector(AnomalySettings.DEFAULTS);

    /**
     * Eight weeks and a day of 20 runs an hour, each a sale (£25 to £31 a run by week, so the weekly sums differ),
     * one refund of £30 an hour on top, and settlements of £1,000 an hour with fees of £24 to £26.
     */
    private static ArrayHistory steadyWeeks() {
        double[] perRun = {25, 26, 27, 28, 28, 29, 30, 31};
        double[] fees = {24, 24.5, 25, 25.5, 26, 25, 24.5, 25.5};
        ArrayHistory history = new ArrayHistory(8 * WEEK + 24);
        history.currency = "GBP";
        for (int hour = 0; hour < history.hours(); hour++) {
            int week = Math.min(7, hour / WEEK);
            history.runs[hour] = 21;
            history.sales[hour] = 20;
            history.saleAmount[hour] = 20 * perRun[week];
            history.refunds[hour] = 1;
            history.refundAmount[hour] = 30;
            history.settled[hour] = 1000;
            history.fees[hour] = fees[week];
        }
        return history;
    }

    @Test
    void threeHoursOfOrdersWithoutValueAreACriticalDropOfOrderValueSaidInPounds() {
        ArrayHistory history = steadyWeeks();
        for (int hour = 1; hour <= 3; hour++) {
            history.saleAmount[history.hours() - hour] = 0;
        }

        List<AnomalyFlag> flags = detector.detect("orders polled", history, AMOUNTS);

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.metric()).isEqualTo(AnomalyMetric.ORDER_VALUE);
            assertThat(flag.direction()).isEqualTo(AnomalyDirection.LOW);
            assertThat(flag.kind()).isEqualTo(AnomalyKind.DROP);
            assertThat(flag.severity()).isEqualTo(AnomalySeverity.CRITICAL);
            // the shortest unusual window is reported: 2 h of the 3; the baseline weeks gave 2 × 20 × £25…£31 =
            // £1,000…1,240 in those hours, without the lowest and highest week £1,040–1,200
            assertThat(flag.windowHours()).isEqualTo(2);
            assertThat(flag.sentence()).isEqualTo("orders polled: order value £0 in the last 2 h, usually £1,040–1,200");
        });
    }

    /** Eight weeks and a day of a night shop: 2 orders an hour of £30 to £44 (too few for a band of their sum). */
    private static ArrayHistory fewOrdersAnHour() {
        ArrayHistory history = new ArrayHistory(8 * WEEK + 24);
        history.currency = "GBP";
        for (int hour = 0; hour < history.hours(); hour++) {
            history.runs[hour] = 2;
            history.sales[hour] = 2;
            history.saleAmount[hour] = 2 * (30 + hour % 8 * 2);
        }
        return history;
    }

    @Test
    void aFewOrdersWithoutAnyValueAreADropWhereTheirSumHasNoBand() {
        ArrayHistory history = fewOrdersAnHour();
        for (int hour = 1; hour <= 2; hour++) {
            history.saleAmount[history.hours() - hour] = 0;
        }

        assertThat(detector.detect("orders polled", history, AMOUNTS)).singleElement().satisfies(flag -> {
            assertThat(flag.metric()).isEqualTo(AnomalyMetric.ORDER_VALUE);
            assertThat(flag.direction()).isEqualTo(AnomalyDirection.LOW);
            assertThat(flag.severity()).isEqualTo(AnomalySeverity.CRITICAL);
            assertThat(flag.windowHours()).isEqualTo(2);
            assertThat(flag.observed()).isZero();
        });

        // a quarter of the value is within the noise of four orders: nothing
        ArrayHistory quarter = fewOrdersAnHour();
        for (int hour = 1; hour <= 2; hour++) {
            quarter.saleAmount[quarter.hours() - hour] /= 4;
        }
        assertThat(detector.detect("orders polled", quarter, AMOUNTS)).isEmpty();

        // two orders are not enough to say (one may be a free sample)
        ArrayHistory one = fewOrdersAnHour();
        one.saleAmount[one.hours() - 1] = 0;
        one.sales[one.hours() - 2] = 0;
        one.runs[one.hours() - 2] = 0;
        one.saleAmount[one.hours() - 2] = 0;
        assertThat(detector.detect("orders polled", one, AMOUNTS)).isEmpty();
    }

    @Test
    void ordersWorthAQuarterAreADropOfTheValuePerOrderAndHalfTheOrdersAreNot() {
        ArrayHistory history = steadyWeeks();
        for (int hour = 1; hour <= 2; hour++) {
            history.saleAmount[history.hours() - hour] /= 4;
        }

        // the sum of 40 orders (£1,120 usually) has a band of about ±£990 — a quarter, £280, is inside it; the value
        // per order (£28 usually, ±£16 for 40 orders) fell to £7.75
        assertThat(detector.detect("orders polled", history, AMOUNTS)).singleElement().satisfies(flag -> {
            assertThat(flag.metric()).isEqualTo(AnomalyMetric.ORDER_VALUE);
            assertThat(flag.direction()).isEqualTo(AnomalyDirection.LOW);
            assertThat(flag.windowHours()).isEqualTo(2);
            assertThat(flag.observed()).isCloseTo(2 * 20 * 31 / 4.0, org.assertj.core.data.Offset.offset(1e-6));
        });

        // half the orders at their usual value (a quiet day, a holiday): the value per order did not change
        ArrayHistory quiet = steadyWeeks();
        for (int hour = 1; hour <= 2; hour++) {
            quiet.sales[quiet.hours() - hour] = 10;
            quiet.runs[quiet.hours() - hour] = 11;
            quiet.saleAmount[quiet.hours() - hour] /= 2;
        }
        assertThat(detector.detect("orders polled", quiet, AMOUNTS)).noneMatch(flag -> flag.metric()
                == AnomalyMetric.ORDER_VALUE);
    }

    @Test
    void ordersWithoutValueInTwoOfTheBaselineWeeksAreUsualThere() {
        ArrayHistory history = fewOrdersAnHour();
        for (int hour = 1; hour <= 2; hour++) {
            history.saleAmount[history.hours() - hour] = 0;
            history.saleAmount[history.hours() - WEEK - hour] = 0;
        }
        assertThat(detector.detect("orders polled", history, AMOUNTS)).as("one odd week does not make it usual")
                .singleElement().satisfies(flag -> assertThat(flag.metric()).isEqualTo(AnomalyMetric.ORDER_VALUE));

        for (int hour = 1; hour <= 2; hour++) {
            history.saleAmount[history.hours() - 3 * WEEK - hour] = 0;
        }
        assertThat(detector.detect("orders polled", history, AMOUNTS)).isEmpty();
    }

    @Test
    void aRefundBurstIsARefundShareSpikeWithItsUsualShare() {
        ArrayHistory history = steadyWeeks();
        for (int hour = 1; hour <= 2; hour++) {
            history.refunds[history.hours() - hour] = 8;
            history.refundAmount[history.hours() - hour] = 8 * 30;
        }

        List<AnomalyFlag> flags = detector.detect("payments", history, AMOUNTS);

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.metric()).isEqualTo(AnomalyMetric.REFUND_SHARE);
            assertThat(flag.kind()).isEqualTo(AnomalyKind.SPIKE);
            assertThat(flag.observed()).isCloseTo(240 / 620.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(flag.sentence()).isEqualTo("payments: refund share 39 % in the last 2 h, usually 5–5.8 %");
        });
    }

    @Test
    void higherFeesAreFlaggedAndTenPercentMoreOrderValueIsNothing() {
        ArrayHistory history = steadyWeeks();
        for (int hour = 1; hour <= 24; hour++) {
            history.fees[history.hours() - hour] = 38;
            history.saleAmount[history.hours() - hour] *= 1.1;
        }

        List<AnomalyFlag> flags = detector.detect("settlements", history, AMOUNTS);

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.metric()).isEqualTo(AnomalyMetric.SETTLEMENT_FEES);
            assertThat(flag.direction()).isEqualTo(AnomalyDirection.HIGH);
            assertThat(flag.sentence()).startsWith("settlements: settlement fees 3.8 % of the settled amount in the"
                    + " last 2 h, usually 2.").endsWith(" %");
        });
    }

    @Test
    void aWorkflowWithoutAmountsIsNeverJudgedOnThem() {
        ArrayHistory history = steadyWeeks();
        history.currency = null;
        for (int hour = 1; hour <= 3; hour++) {
            history.saleAmount[history.hours() - hour] = 0;
        }

        assertThat(detector.detect("orders polled", history, AMOUNTS)).isEmpty();
    }

    @Test
    void fewSalesAnHourMakeNoOrderValueBaseline() {
        ArrayHistory history = steadyWeeks();
        for (int hour = 0; hour < history.hours(); hour++) {
            history.sales[hour] = 2;
            history.saleAmount[hour] = 2 * 28 + (hour / WEEK);
        }
        for (int hour = 1; hour <= 3; hour++) {
            history.sales[history.hours() - hour] = 0;
            history.saleAmount[history.hours() - hour] = 0;
        }

        assertThat(detector.detect("quiet shop", history, EnumSet.of(AnomalyMetric.ORDER_VALUE))).isEmpty();
    }

    @Test
    void moneyAndSharesAreSaidAsPeopleReadThem() {
        assertThat(AnomalySentences.money(1250.4, "GBP")).isEqualTo("£1,250");
        assertThat(AnomalySentences.money(45.2, "EUR")).isEqualTo("€45.20");
        assertThat(AnomalySentences.money(0, "USD")).isEqualTo("$0");
        assertThat(AnomalySentences.money(1250, "CHF")).isEqualTo("CHF 1,250");
        assertThat(AnomalySentences.moneyRange(1200, 1900, "GBP")).isEqualTo("£1,200–1,900");
        assertThat(AnomalySentences.moneyRange(1200, 1900, "PLN")).isEqualTo("PLN 1,200–1,900");
        assertThat(AnomalySentences.percent(0.0296)).as("not 3.0 %").isEqualTo("3 %");
        assertThat(AnomalySentences.percent(0.025)).isEqualTo("2.5 %");
    }

    @Test
    void theHourOfWeekBaselineHas168HoursWithTheirMedianBandAndActual() {
        ArrayHistory history = steadyWeeks();
        history.saleAmount[history.hours() - 1] = 0;

        HourOfWeekBaseline baseline = HourOfWeekBaseline.of(history, AnomalyMetric.ORDER_VALUE, history.hours(),
                AnomalySettings.DEFAULTS);

        assertThat(baseline.hourStarts()).hasSize(168);
        assertThat(baseline.hourStarts().getLast()).isEqualTo(ArrayHistory.START.plusSeconds(3600L
                * (history.hours() - 1)));
        assertThat(baseline.median()[167]).isEqualTo(20 * 28.0);
        assertThat(baseline.low()[167]).isLessThan(560).isGreaterThanOrEqualTo(0);
        assertThat(baseline.high()[167]).isGreaterThan(560);
        assertThat(baseline.actual()[167]).isZero();
        assertThat(baseline.actual()[166]).isEqualTo(20 * 31.0);
        assertThat(baseline.currency()).isEqualTo("GBP");
    }
}
