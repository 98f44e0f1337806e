package dev.junction.db.reconciliation;

import java.time.Instant;
import java.util.UUID;

/**
 * A settlement in the list: the settlement and its latest reconciliation run, if any — the run's status, how many
 * discrepancies it found and how many of those are still open (not resolved).
 */
public record SettlementOverview(StoredSettlement settlement, UUID latestRunId, String status, int discrepancies,
                                 int openDiscrepancies, Instant reconciledAt) {

    /** {@code not_reconciled} when no run exists, else the latest run's status. */
    public String statusOrNotReconciled() {
        return latestRunId == null ? "not_reconciled" : status;
    }
}
