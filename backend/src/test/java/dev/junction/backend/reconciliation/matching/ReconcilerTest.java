package dev.junction.backend.reconciliation.matching;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static dev.junction.backend.reconciliation.matching.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One example per discrepancy kind and per matching rule. */
class ReconcilerTest {

    private static List<DiscrepancyKind> kinds(ReconciliationResult result) {
        return result.discrepancies().stream().map(Discrepancy::kind).toList();
    }

    @Test
    void anOrderAndItsPaymentMatchCleanlyWithItsFeeRows() {
        Settlement settlement = settlement("S1", new Rows().order("302-1", 4500).lines());
        ReconciliationResult result = reconcile(List.of(settlement), List.of(payment("T1", "302-1", 4500)));

        assertThat(result.discrepancies()).isEmpty();
        assertThat(result.unmatched()).isEmpty();
        assertThat(result.matches()).singleElement().satisfies(match -> {
            assertThat(match.lineIds()).containsExactly("row-1", "row-2", "row-3");
            assertThat(match.transactionId()).isEqualTo("T1");
            assertThat(match.basis()).isEqualTo(MatchBasis.REFERENCE);
            assertThat(match.differenceMinor()).isZero();
        });
        assertThat(result.journalEntries()).singleElement().satisfies(entry -> assertThat(entry.isBalanced()).isTrue());
    }

    @Test
    void aDifferentAmountIsAnAmountDiscrepancyUnlessWithinTheTolerance() {
        Settlement settlement = settlement("S1", new Rows().order("302-1", 4500).lines());
        ReconciliationResult strict = reconcile(List.of(settlement), List.of(payment("T1", "302-1", 4450)));
        assertThat(kinds(strict)).containsExactly(DiscrepancyKind.AMOUNT);
        assertThat(strict.discrepancies().getFirst().message())
                .isEqualTo("Amazon settled order 302-1 for 45.00 EUR but Opayo took 44.50 EUR (0.50 EUR less).");
        assertThat(strict.matches()).hasSize(1);

        ReconciliationResult tolerant = Reconciler.reconcile(input(List.of(settlement),
                List.of(payment("T1", "302-1", 4450)), List.of(),
                new ReconciliationOptions(3, 50, RoundingMode.HALF_EVEN, null, null)));
        assertThat(tolerant.discrepancies()).isEmpty();
    }

    @Test
    void anotherCurrencyMatchesThroughTheRateOrIsACurrencyDiscrepancy() {
        Settlement settlement = settlement("S1", new Rows().order("302-1", 4500).lines());
        List<ExchangeRate> rates = List.of(rate("GBP", "EUR", "1.1700"));

        ReconciliationResult converted = Reconciler.reconcile(input(List.of(settlement),
                List.of(payment("T1", "302-1", 3846, "GBP", POSTED)), rates,
                new ReconciliationOptions(3, 1, RoundingMode.HALF_EVEN, null, null)));
        assertThat(converted.discrepancies()).isEmpty();
        assertThat(converted.matches().getFirst().convertedAmountMinor()).isEqualTo(4500); // 38.46 × 1.17 = 44.9982
        assertThat(converted.matches().getFirst().rate()).isEqualByComparingTo("1.17");

        ReconciliationResult wrongCurrency = Reconciler.reconcile(input(List.of(settlement),
                List.of(payment("T1", "302-1", 4500, "GBP", POSTED)), rates, ReconciliationOptions.defaults()));
        assertThat(kinds(wrongCurrency)).containsExactly(DiscrepancyKind.CURRENCY);
        assertThat(wrongCurrency.discrepancies().getFirst().message()).isEqualTo("Amazon settled order 302-1 for "
                + "45.00 EUR but Opayo took 45.00 GBP (52.65 EUR at 1.17 on 2026-11-10): charged in another currency "
                + "than the order's.");

        ReconciliationResult noRate = reconcile(List.of(settlement), List.of(payment("T1", "302-1", 4500, "GBP",
                POSTED)));
        assertThat(kinds(noRate)).containsExactly(DiscrepancyKind.CURRENCY);
        assertThat(noRate.discrepancies().getFirst().message()).contains("there is no GBP→EUR rate on 2026-11-10");
    }

    @Test
    void theReverseRateIsUsedInvertedWhenOnlyThatOneIsGiven() {
        Settlement settlement = settlement("S1", new Rows().order("302-1", 4500).lines());
        ReconciliationResult result = Reconciler.reconcile(input(List.of(settlement),
                List.of(payment("T1", "302-1", 3600, "GBP", POSTED)), List.of(rate("EUR", "GBP", "0.8")),
                ReconciliationOptions.defaults()));
        assertThat(result.discrepancies()).isEmpty();
        assertThat(result.matches().getFirst().convertedAmountMinor()).isEqualTo(4500); // 36.00 / 0.8
    }

    @Test
    void paymentsFurtherApartThanTheDateToleranceAreADateDiscrepancy() {
        Settlement settlement = settlement("S1", new Rows().order("302-1", 4500).lines());
        ReconciliationResult result = reconcile(List.of(settlement),
                List.of(payment("T1", "302-1", 4500, "EUR", POSTED.minusDays(9))));
        assertThat(kinds(result)).containsExactly(DiscrepancyKind.DATE);
        assertThat(result.discrepancies().getFirst().message()).isEqualTo("Opayo took the payment for order 302-1 on "
                + "2026-11-01 but Amazon settled it on 2026-11-10, 9 days apart (the tolerance is 3 days).");
    }

    @Test
    void anOrderWithoutPaymentIsAMissingPaymentAndItsRowsStayUnmatched() {
        Settlement settlement = settlement("S1", new Rows().order("302-1", 4500).lines());
        ReconciliationResult result = reconcile(List.of(settlement), List.of());
        assertThat(kinds(result)).containsExactly(DiscrepancyKind.MISSING_PAYMENT);
        assertThat(result.discrepancies().getFirst().message()).isEqualTo("Amazon settled order 302-1 for 45.00 EUR "
                + "(2026-11-10) but there is no Opayo payment for it.");
        assertThat(result.unmatched()).extracting(Unmatched::itemId).containsExactly("row-1", "row-2", "row-3");
        assertThat(result.unmatched()).allMatch(item -> item.reason() == UnmatchedReason.NO_COUNTERPART);
    }

    @Test
    void aRefundWithoutOpayoRefundIsAMissingRefund() {
        Settlement settlement = settlement("S1", new Rows().order("302-1", 4500).refund("302-1", 2000).lines());
        ReconciliationResult result = reconcile(List.of(settlement), List.of(payment("T1", "302-1", 4500)));
        assertThat(kinds(result)).containsExactly(DiscrepancyKind.MISSING_REFUND);
        assertThat(result.discrepancies().getFirst().message()).isEqualTo("Amazon refunded 20.00 EUR on order 302-1 "
                + "(2026-11-10) but Opayo has no refund for it.");
    }

    @Test
    void aRefundMatchesTheOpayoRefundOfTheOrdersPayment() {
        Settlement settlement = settlement("S1", new Rows().order("302-1", 4500).refund("302-1", 2000).lines());
        ReconciliationResult result = reconcile(List.of(settlement), List.of(payment("T1", "302-1", 4500),
                refund("T2", "refund-of-302-1", "T1", 2000)));
        assertThat(result.discrepancies()).isEmpty();
        assertThat(result.matches()).extracting(Match::type).containsExactly(MatchType.PAYMENT, MatchType.REFUND);
        assertThat(result.matches().get(1).settlementAmountMinor()).isEqualTo(2000);

        ReconciliationResult bySuffix = reconcile(List.of(settlement), List.of(payment("T1", "302-1", 4500),
                refund("T2", "302-1-R1", null, 2000)));
        assertThat(bySuffix.discrepancies()).isEmpty();
    }

    @Test
    void anOpayoPaymentTheSettlementDoesNotContainIsAMissingSettlementLine() {
        Settlement settlement = settlement("S1", new Rows().order("302-1", 4500).lines());
        ReconciliationResult result = reconcile(List.of(settlement), List.of(payment("T1", "302-1", 4500),
                payment("T9", "302-9", 1999)));
        assertThat(kinds(result)).containsExactly(DiscrepancyKind.MISSING_SETTLEMENT_LINE);
        assertThat(result.discrepancies().getFirst().message()).isEqualTo("Opayo took a payment of 19.99 EUR for "
                + "302-9 on 2026-11-09 that settlement S1 (2026-11-01 – 2026-11-14) does not contain.");
        assertThat(result.unmatched()).singleElement().satisfies(item -> {
            assertThat(item.side()).isEqualTo(Side.PAYMENT);
            assertThat(item.reason()).isEqualTo(UnmatchedReason.NO_COUNTERPART);
        });
    }

    @Test
    void paymentsOutsideEverySettlementsPeriodOrNotSettledAreUnmatchedWithoutDiscrepancy() {
        Settlement settlement = settlement("S1", new Rows().order("302-1", 4500).lines());
        PaymentTransaction declined = new PaymentTransaction("T3", "302-3", "Payment", "NotAuthed", 100, "EUR",
                at(POSTED), null, null, 0, null, null, null);
        ReconciliationResult result = reconcile(List.of(settlement), List.of(payment("T1", "302-1", 4500),
                payment("T2", "302-2", 1000, "EUR", END.plusDays(5)), declined));
        assertThat(result.discrepancies()).isEmpty();
        assertThat(result.unmatched()).extracting(Unmatched::reason)
                .containsExactly(UnmatchedReason.OUTSIDE_PERIOD, UnmatchedReason.NOT_SETTLED);
    }

    @Test
    void aSecondPaymentOfTheSameOrderAndAmountIsADuplicate() {
        Settlement settlement = settlement("S1", new Rows().order("302-1", 4500).lines());
        ReconciliationResult result = reconcile(List.of(settlement), List.of(payment("T1", "302-1", 4500),
                payment("T2", "302-1", 4500)));
        assertThat(kinds(result)).containsExactly(DiscrepancyKind.DUPLICATE);
        assertThat(result.discrepancies().getFirst().transactionIds()).containsExactly("T2");
        assertThat(result.unmatched()).singleElement()
                .satisfies(item -> assertThat(item.reason()).isEqualTo(UnmatchedReason.DUPLICATE));
    }

    @Test
    void anIdenticalSettlementRowTwiceIsADuplicateAndTheCopyStaysUnmatched() {
        Rows rows = new Rows().order("302-1", 4500);
        rows.row("Order", "302-1", null, "ItemFees", "Commission", -675, POSTED);
        ReconciliationResult result = reconcile(List.of(settlement("S1", rows.lines())),
                List.of(payment("T1", "302-1", 4500)));
        assertThat(kinds(result)).containsExactly(DiscrepancyKind.DUPLICATE);
        assertThat(result.discrepancies().getFirst().lineIds()).containsExactly("row-4");
        assertThat(result.matches().getFirst().lineIds()).containsExactly("row-1", "row-2", "row-3");
    }

    @Test
    void anUnknownFeeTypeGoesToSuspenseAndIsReported() {
        Rows rows = new Rows().order("302-1", 4500);
        rows.row("Order", "302-1", null, "ItemFees", "GalacticHandlingFee", -250, POSTED);
        ReconciliationResult result = reconcile(List.of(settlement("S1", rows.lines())),
                List.of(payment("T1", "302-1", 4500)));
        assertThat(kinds(result)).containsExactly(DiscrepancyKind.UNKNOWN_FEE_TYPE);
        assertThat(result.discrepancies().getFirst().message()).isEqualTo("Settlement S1 has 1 row of type "
                + "'GalacticHandlingFee' (Order, ItemFees), -2.50 EUR in all, that the fee table does not know; it was "
                + "posted to suspense account 9999.");
        assertThat(result.allocations()).filteredOn(FeeAllocation::suspense).singleElement()
                .satisfies(allocation -> assertThat(allocation.glAccount()).isEqualTo("9999"));
        assertThat(result.journalEntries().getFirst().lines()).anySatisfy(line -> {
            assertThat(line.account()).isEqualTo("9999");
            assertThat(line.debitMinor()).isEqualTo(250);
        });
    }

    @Test
    void aTotalThatIsNotTheSumOfTheRowsIsATotalMismatchPostedToSuspense() {
        List<SettlementLine> lines = new Rows().order("302-1", 4500).lines();
        Settlement settlement = new Settlement("S1", null, START, END, END.plusDays(1), 3000, "EUR", lines);
        ReconciliationResult result = reconcile(List.of(settlement), List.of(payment("T1", "302-1", 4500)));
        assertThat(kinds(result)).containsExactly(DiscrepancyKind.TOTAL_MISMATCH);
        assertThat(result.journalEntries().getFirst().isBalanced()).isTrue();
        assertThat(result.discrepancies().getFirst().message()).isEqualTo("Settlement S1 deposits 30.00 EUR but its "
                + "rows add up to 35.25 EUR; the 5.25 EUR difference was posted to suspense account 9999.");
    }

    @Test
    void aBookCurrencyWithoutRateLeavesTheAmountsUnconvertedAndSaysSo() {
        Settlement settlement = settlement("S1", new Rows().order("302-1", 4500).lines());
        ReconciliationResult result = Reconciler.reconcile(input(List.of(settlement),
                List.of(payment("T1", "302-1", 4500)), List.of(),
                new ReconciliationOptions(3, 0, RoundingMode.HALF_EVEN, "GBP", null)));
        assertThat(kinds(result)).containsExactly(DiscrepancyKind.MISSING_RATE);
        assertThat(result.journalEntries().getFirst().lines()).allMatch(line -> line.currency().equals("EUR"));
        assertThat(result.journalEntries().getFirst().isBalanced()).isTrue();
    }

    @Test
    void convertingIntoTheBookCurrencyPostsTheRoundingDifferenceExplicitly() {
        // 3 rows of 0.01 EUR to three accounts at 0.5: each rounds (HALF_EVEN) to 0.00 GBP, the deposit of 0.03 to 0.02
        Rows rows = new Rows();
        for (String type : List.of("Storage Fee", "Subscription Fee", "Cost of Advertising")) {
            rows.row("other-transaction", null, null, "other-transaction", type, 1, POSTED);
        }
        Settlement settlement = settlement("S1", rows.lines());
        ReconciliationResult result = Reconciler.reconcile(input(List.of(settlement), List.of(),
                List.of(rate("EUR", "GBP", "0.5")), new ReconciliationOptions(3, 0, RoundingMode.HALF_EVEN, "GBP",
                        null)));
        JournalEntry entry = result.journalEntries().getFirst();
        assertThat(entry.isBalanced()).isTrue();
        assertThat(entry.lines()).filteredOn(line -> line.account().equals("7990")).singleElement()
                .satisfies(line -> assertThat(line.creditMinor()).isEqualTo(2));
    }

    @Test
    void whenNoReferenceMatchesTheOnlyPaymentOfTheSameAmountAndDateMatches() {
        Settlement settlement = settlement("S1", new Rows().order("302-1", 4500).order("302-2", 3000).lines());
        ReconciliationResult result = reconcile(List.of(settlement), List.of(payment("T1", "WEB-77", 4500),
                payment("T2", "302-2", 3000)));
        assertThat(result.discrepancies()).isEmpty();
        assertThat(result.matches()).extracting(Match::basis)
                .containsExactlyInAnyOrder(MatchBasis.AMOUNT_AND_DATE, MatchBasis.REFERENCE);
    }

    @Test
    void accountLevelRowsAreSettlementOnlyAndPostedByTheFeeTable() {
        Settlement settlement = settlement("S1", new Rows().storageFee(-1234).lines());
        ReconciliationResult result = reconcile(List.of(settlement), List.of());
        assertThat(result.discrepancies()).isEmpty();
        assertThat(result.unmatched()).singleElement()
                .satisfies(item -> assertThat(item.reason()).isEqualTo(UnmatchedReason.SETTLEMENT_ONLY));
        assertThat(result.allocations()).singleElement()
                .satisfies(allocation -> assertThat(allocation.glAccount()).isEqualTo("6150"));
    }

    @Test
    void opayoFeesOfMatchedPaymentsArePostedAgainstTheOpayoClearingAccount() {
        Settlement settlement = settlement("S1", new Rows().order("302-1", 4500).lines());
        ReconciliationResult result = reconcile(List.of(settlement), List.of(withFee(payment("T1", "302-1", 4500),
                105)));
        JournalEntry entry = result.journalEntries().getFirst();
        assertThat(entry.isBalanced()).isTrue();
        assertThat(entry.lines()).anySatisfy(line -> {
            assertThat(line.account()).isEqualTo("6210");
            assertThat(line.debitMinor()).isEqualTo(105);
        });
        assertThat(entry.lines()).anySatisfy(line -> {
            assertThat(line.account()).isEqualTo("1220");
            assertThat(line.creditMinor()).isEqualTo(105);
        });
        assertThat(result.allocations()).filteredOn(allocation -> allocation.source() == FeeSource.OPAYO)
                .singleElement().satisfies(allocation -> assertThat(allocation.amountMinor()).isEqualTo(-105));
    }

    @Test
    void fraudHintsComeFromThreeDSecureAvsAndCv2AndTheRefundShare() {
        Settlement settlement = settlement("S1", new Rows().order("302-1", 4500).refund("302-1", 2000).lines());
        ReconciliationResult result = reconcile(List.of(settlement), List.of(
                withChecks(payment("T1", "302-1", 4500), "NotAuthenticated", "NoMatches", "NotMatched"),
                refund("T2", "302-1-R1", "T1", 2000)));
        assertThat(result.hints()).extracting(AnomalyHint::kind).containsExactlyInAnyOrder(
                AnomalyKind.THREE_D_SECURE_NOT_AUTHENTICATED, AnomalyKind.AVS_MISMATCH, AnomalyKind.CV2_MISMATCH,
                AnomalyKind.HIGH_REFUND_SHARE);
        assertThat(result.matches().getFirst().hints()).hasSize(3);
        assertThat(result.hints()).filteredOn(hint -> hint.kind() == AnomalyKind.HIGH_REFUND_SHARE).singleElement()
                .satisfies(hint -> assertThat(hint.message()).isEqualTo("Settlement S1 refunds 20.00 EUR, 44.4 % of "
                        + "the orders (45.00 EUR); the threshold is 20 %."));
    }

    @Test
    void cleanChecksAndALowRefundShareGiveNoHints() {
        Settlement settlement = settlement("S1", new Rows().order("302-1", 4500).lines());
        assertThat(reconcile(List.of(settlement), List.of(payment("T1", "302-1", 4500))).hints()).isEmpty();
    }

    @Test
    void inconsistentInputIsRefusedNamingTheField() {
        Settlement settlement = settlement("S1", new Rows().order("302-1", 4500).lines());
        assertThatThrownBy(() -> reconcile(List.of(settlement, settlement), List.of()))
                .hasMessage("settlements[1].settlementId: must be unique, 'S1' appears twice");
        assertThatThrownBy(() -> reconcile(List.of(settlement), List.of(payment("T1", "a", 1), payment("T1", "b", 2))))
                .hasMessage("transactions[1].transactionId: must be unique, 'T1' appears twice");
        assertThatThrownBy(() -> new ExchangeRate("EUR", "GBP", START, BigDecimal.ZERO))
                .hasMessage("rate: must be greater than zero, was 0");
        assertThatThrownBy(() -> payment("T1", "a", 1, "EURO", POSTED))
                .hasMessage("currency: must be an ISO 4217 currency code, was 'EURO'");
    }
}
