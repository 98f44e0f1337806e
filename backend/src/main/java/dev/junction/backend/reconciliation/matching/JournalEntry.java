package dev.junction.backend.reconciliation.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The journal entry of one settlement: its rows by the fee table against the Amazon clearing account, Opayo's fees
 * of the matched transactions against the Opayo clearing account, rounding differences on the rounding account.
 * Debits equal credits per currency ({@link #isBalanced()} always holds for what {@link Reconciler} makes).
 *
 * @param entryId      {@code JE-<settlementId>}
 * @param settlementId the settlement
 * @param date         the settlement's deposit date
 * @param description  "Amazon settlement 2428… (Amazon.de, 2026-11-08 – 2026-11-22)"
 * @param lines        the lines, numbered from 1
 */
public record JournalEntry(String entryId, String settlementId, LocalDate date, String description,
                           List<JournalLine> lines) {

    public JournalEntry {
        lines = List.copyOf(lines);
    }

    /** Debits minus credits per currency (all zero when balanced). */
    public Map<String, Long> imbalanceByCurrency() {
        Map<String, Long> imbalance = new TreeMap<>();
        for (JournalLine line : lines) {
            imbalance.merge(line.currency(), Math.subtractExact(line.debitMinor(), line.creditMinor()), Math::addExact);
        }
        return imbalance;
    }

    /** Whether debits equal credits in every currency. */
    public boolean isBalanced() {
        return imbalanceByCurrency().values().stream().allMatch(value -> value == 0L);
    }
}
