package dev.junction.backend.reconciliation.matching;

import dev.junction.connectors.sandbox.reconciliation.ReconciliationScenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measurement of docs/benchmarks.md: the simulators' scenarios inject known discrepancies; the reconciliation
 * must find each of them (recall 1) and nothing else (precision 1), over several seeds and sizes.
 */
class InjectedDiscrepanciesTest {

    private static final LocalDate END = LocalDate.of(2026, 11, 30);

    /** A discrepancy or hint as compared: its kind and its order. */
    record Finding(String kind, String orderId) {
    }

    static Set<Finding> injected(ReconciliationScenario scenario) {
        Set<Finding> findings = new HashSet<>();
        scenario.injectedDiscrepancies().forEach(item -> findings.add(new Finding(item.kind(), item.orderId())));
        return findings;
    }

    /**
     * The discrepancies as findings; one that names no order (an unknown fee type on rows of several orders) counts
     * once per order of its rows.
     */
    static List<Finding> found(ReconciliationResult result, Settlement settlement) {
        Map<String, String> orderOfLine = new HashMap<>();
        settlement.lines().forEach(line -> orderOfLine.put(line.lineId(), line.orderId()));
        List<Finding> found = new ArrayList<>();
        for (Discrepancy item : result.discrepancies()) {
            if (item.orderId() == null && !item.lineIds().isEmpty()) {
                item.lineIds().stream().map(orderOfLine::get).distinct()
                        .forEach(order -> found.add(new Finding(item.kind().name(), order)));
            } else {
                found.add(new Finding(item.kind().name(), item.orderId()));
            }
        }
        return found;
    }

    @ParameterizedTest(name = "seed {0}, {1} orders")
    @CsvSource({"1, 40", "2, 40", "3, 120", "4, 120", "5, 400", "6, 400", "7, 1000", "8, 2000"})
    void everyInjectedDiscrepancyIsFoundAndNothingElse(long seed, int orders) {
        ReconciliationScenario scenario = ReconciliationScenario.generate(seed, orders, END);
        ReconciliationInput input = ScenarioRecords.input(scenario);
        ReconciliationResult result = Reconciler.reconcile(input);

        Set<Finding> expected = injected(scenario);
        List<Finding> found = found(result, input.settlements().getFirst());
        long truePositives = found.stream().filter(expected::contains).count();
        double precision = found.isEmpty() ? 1 : (double) truePositives / found.size();
        double recall = (double) new HashSet<>(found).stream().filter(expected::contains).count() / expected.size();

        assertThat(found).as("found once each").doesNotHaveDuplicates();
        assertThat(new HashSet<>(found)).isEqualTo(expected);
        assertThat(recall).isEqualTo(1.0);
        assertThat(precision).isEqualTo(1.0);
        assertThat(expected.stream().map(Finding::kind).distinct()).containsExactlyInAnyOrder("AMOUNT", "CURRENCY",
                "DATE", "MISSING_PAYMENT", "MISSING_REFUND", "DUPLICATE", "MISSING_SETTLEMENT_LINE",
                "UNKNOWN_FEE_TYPE");
        assertThat(result.journalEntries()).allMatch(JournalEntry::isBalanced);
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"1", "2", "3"})
    void everyInjectedFraudHintIsGivenAndNoOther(long seed) {
        ReconciliationScenario scenario = ReconciliationScenario.generate(seed, 200, END);
        ReconciliationResult result = Reconciler.reconcile(ScenarioRecords.input(scenario));

        Set<Finding> expected = new HashSet<>();
        scenario.injectedHints().forEach(hint -> expected.add(new Finding(hint.kind(), hint.orderId())));
        assertThat(result.hints().stream().map(hint -> new Finding(hint.kind().name(), hint.orderId())).toList())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theSameSeedGivesTheSameScenario() {
        assertThat(ReconciliationScenario.generate(9, 100, END).toJson())
                .isEqualTo(ReconciliationScenario.generate(9, 100, END).toJson());
        assertThat(ReconciliationScenario.generate(9, 100, END).payments())
                .isEqualTo(ReconciliationScenario.generate(9, 100, END).payments());
        assertThat(ReconciliationScenario.generate(9, 100, END).rows())
                .isNotEqualTo(ReconciliationScenario.generate(10, 100, END).rows());
    }
}
