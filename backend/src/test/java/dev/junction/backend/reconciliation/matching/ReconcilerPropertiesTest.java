package dev.junction.backend.reconciliation.matching;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The invariants, over random inputs ({@link RandomInputs}, reproducible from the seed jqwik reports). */
class ReconcilerPropertiesTest {

    @Provide
    Arbitrary<ReconciliationInput> inputs() {
        return Arbitraries.longs().map(RandomInputs::input);
    }

    @Property(tries = 300)
    void journalEntriesAlwaysBalancePerCurrency(@ForAll("inputs") ReconciliationInput input) {
        ReconciliationResult result = Reconciler.reconcile(input);
        assertThat(result.journalEntries()).hasSize(input.settlements().size());
        for (JournalEntry entry : result.journalEntries()) {
            assertThat(entry.imbalanceByCurrency()).allSatisfy((currency, imbalance) ->
                    assertThat(imbalance).as("%s in %s", currency, entry.entryId()).isZero());
        }
    }

    @Property(tries = 300)
    void everySettlementRowIsMatchedOrUnmatchedExactlyOnce(@ForAll("inputs") ReconciliationInput input) {
        ReconciliationResult result = Reconciler.reconcile(input);
        Map<String, Integer> seen = new HashMap<>();
        result.matches().forEach(match -> match.lineIds().forEach(id ->
                seen.merge(match.settlementId() + "/" + id, 1, Integer::sum)));
        result.unmatched().stream().filter(item -> item.side() == Side.SETTLEMENT)
                .forEach(item -> seen.merge(item.settlementId() + "/" + item.itemId(), 1, Integer::sum));
        Map<String, Integer> expected = input.settlements().stream()
                .flatMap(settlement -> settlement.lines().stream().map(line -> settlement.settlementId() + "/"
                        + line.lineId()))
                .collect(Collectors.toMap(id -> id, id -> 1));
        assertThat(seen).isEqualTo(expected);
    }

    @Property(tries = 300)
    void everyTransactionIsMatchedOrUnmatchedExactlyOnce(@ForAll("inputs") ReconciliationInput input) {
        ReconciliationResult result = Reconciler.reconcile(input);
        Map<String, Integer> seen = new HashMap<>();
        result.matches().forEach(match -> seen.merge(match.transactionId(), 1, Integer::sum));
        result.unmatched().stream().filter(item -> item.side() == Side.PAYMENT)
                .forEach(item -> seen.merge(item.itemId(), 1, Integer::sum));
        assertThat(seen).isEqualTo(input.transactions().stream()
                .collect(Collectors.toMap(PaymentTransaction::transactionId, id -> 1)));
    }

    /**
     * Converting into the book currency: each line is {@code round(original × rate)}, the originals of a currency
     * still sum to zero (nothing dropped), and the rounding line takes exactly what the rounding left over — at most
     * one minor unit per converted line.
     */
    @Property(tries = 300)
    void convertingAndRoundingNeverCreatesOrLosesAMinorUnitUnaccounted(@ForAll("inputs") ReconciliationInput input) {
        ReconciliationResult result = Reconciler.reconcile(input);
        RateTable rates = new RateTable(input.rates(), input.options().rounding());
        String rounding = input.accounts().rounding();
        for (JournalEntry entry : result.journalEntries()) {
            Map<String, List<JournalLine>> converted = entry.lines().stream()
                    .filter(line -> line.rate() != null)
                    .collect(Collectors.groupingBy(JournalLine::originalCurrency));
            converted.forEach((currency, lines) -> {
                List<JournalLine> posted = lines.stream().filter(line -> !line.account().equals(rounding)).toList();
                BigDecimal rate = posted.getFirst().rate();
                long originals = 0;
                long sum = 0;
                for (JournalLine line : posted) {
                    long signed = line.debitMinor() - line.creditMinor();
                    assertThat(signed).isEqualTo(rates.convert(line.originalMinor(), currency, line.currency(), rate));
                    originals += line.originalMinor();
                    sum += signed;
                }
                assertThat(originals).as("the %s originals of %s", currency, entry.entryId()).isZero();
                long roundingLine = lines.stream().filter(line -> line.account().equals(rounding))
                        .mapToLong(line -> line.debitMinor() - line.creditMinor()).sum();
                assertThat(sum + roundingLine).isZero();
                assertThat(Math.abs(roundingLine)).isLessThanOrEqualTo(posted.size());
            });
        }
    }

    @Property(tries = 100)
    void theSameInputGivesTheSameResult(@ForAll long seed) {
        assertThat(Reconciler.reconcile(RandomInputs.input(seed))).isEqualTo(Reconciler.reconcile(
                RandomInputs.input(seed)));
    }
}
