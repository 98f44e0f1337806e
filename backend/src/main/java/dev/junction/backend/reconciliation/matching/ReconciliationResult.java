package dev.junction.backend.reconciliation.matching;

import java.util.List;

/**
 * What a reconciliation found. Every settlement row is in exactly one {@link Match#lineIds()} or one
 * {@link Unmatched} of side SETTLEMENT; every transaction in exactly one {@link Match#transactionId()} or one
 * {@link Unmatched} of side PAYMENT. Lists are in a deterministic order (that of the input's settlements, rows and
 * transactions), so the same input gives an equal result.
 *
 * @param summaries      one per settlement, in input order
 * @param matches        pairs
 * @param unmatched      settlement rows and transactions in no match
 * @param discrepancies  what a finance user has to look at
 * @param allocations    every amount the fee table posted (Amazon rows and Opayo fees)
 * @param journalEntries one balanced entry per settlement, in input order
 * @param hints          fraud/anomaly hints (transaction-level ones also appear on their match)
 */
public record ReconciliationResult(List<SettlementSummary> summaries, List<Match> matches, List<Unmatched> unmatched,
                                   List<Discrepancy> discrepancies, List<FeeAllocation> allocations,
                                   List<JournalEntry> journalEntries, List<AnomalyHint> hints) {

    public ReconciliationResult {
        summaries = List.copyOf(summaries);
        matches = List.copyOf(matches);
        unmatched = List.copyOf(unmatched);
        discrepancies = List.copyOf(discrepancies);
        allocations = List.copyOf(allocations);
        journalEntries = List.copyOf(journalEntries);
        hints = List.copyOf(hints);
    }
}
