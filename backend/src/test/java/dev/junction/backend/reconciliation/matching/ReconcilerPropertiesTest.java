package dev.junction.backend.reconciliation.matching;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariants, each checked over the inputs {@link ReconciliationInputs} generates from 300 seeds (plain JUnit,
 * no property-testing library). A failure names its seed (in the test's name and the message);
 * {@code ReconciliationInputs.input(seed)} gives the same input again to replay it.
 */
class ReconcilerPropertiesTest {

    private static final String SEED = "[{index}] seed={0}";

    /** 300 seeds spread over the whole {@code long} range (a fixed odd stride), so every run checks the same inputs. */
    static LongStream seeds() {
        return LongStream.range(0, 300).map(n -> n * 0x9E3779B97F4A7C15L);
    }

    /** Checks a property on the seed's input; a failure's message starts with the seed, to replay it. */
    private static void check(long seed, Consumer<ReconciliationInput> property) {
        try {
            property.accept(ReconciliationInputs.input(seed));
        } catch (AssertionError failure) {
            throw new AssertionError("seed " + seed + "L (replay: ReconciliationInputs.input(" + seed + "L)): "
                    + failure.getMessage(), failure);
        }
    }

    @ParameterizedTest(name = SEED)
    @MethodSource("seeds")
    void journalEntriesAlwaysBalancePerCurrency(long seed) {
        check(seed, input -> {
            ReconciliationResult result = Reconciler.reconcile(input);
            assertThat(result.journalEntries()).hasSize(input.settlements().size());
            for (JournalEntry entry : result.journalEntries()) {
                assertThat(entry.imbalanceByCurrency()).allSatisfy((currency, imbalance) ->
                        assertThat(imbalance).as("%s in %s", currency, entry.entryId()).isZero());
            }
        });
    }

    @ParameterizedTest(name = SEED)
    @MethodSource("seeds")
    void everySettlementRowIsMatchedOrUnmatchedExactlyOnce(long seed) {
        check(seed, input -> {
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
        });
    }

    @ParameterizedTest(name = SEED)
    @MethodSource("seeds")
    void everyTransactionIsMatchedOrUnmatchedExactlyOnce(long seed) {
        check(seed, input -> {
            ReconciliationResult result = Reconciler.reconcile(input);
            Map<String, Integer> seen = new HashMap<>();
            result.matches().forEach(match -> seen.merge(match.transactionId(), 1, Integer::sum));
            result.unmatched().stream().filter(item -> item.side() == Side.PAYMENT)
                    .forEach(item -> seen.merge(item.itemId(), 1, Integer::sum));
            assertThat(seen).isEqualTo(input.transactions().stream()
                    .collect(Collectors.toMap(PaymentTransaction::transactionId, id -> 1)));
        });
    }

    /**
     * Converting into the book currency: each line is {@code round(original × rate)}, the originals of a currency
     * still sum to zero (nothing dropped), and the rounding line takes exactly what the rounding left over — at most
     * one minor unit per converted line.
     */
    @ParameterizedTest(name = SEED)
    @MethodSource("seeds")
    void convertingAndRoundingNeverCreatesOrLosesAMinorUnitUnaccounted(long seed) {
        check(seed, input -> {
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
                        assertThat(signed).isEqualTo(rates.convert(line.originalMinor(), currency, line.currency(),
                                rate));
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
        });
    }

    @ParameterizedTest(name = SEED)
    @MethodSource("seeds")
    void theSameInputGivesTheSameResult(long seed) {
        check(seed, input -> assertThat(Reconciler.reconcile(input)).isEqualTo(Reconciler.reconcile(
                ReconciliationInputs.input(seed))));
    }
}
