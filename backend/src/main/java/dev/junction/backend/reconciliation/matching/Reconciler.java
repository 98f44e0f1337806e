package dev.junction.backend.reconciliation.matching;

/**
 * The reconciliation: pure, deterministic, no I/O. {@code reconcile} matches every settlement's order and refund rows
 * to Opayo transactions, lists what stayed unmatched and why, raises discrepancies, allocates every amount to a
 * ledger account by the fee table, writes one balanced journal entry per settlement and attaches fraud hints.
 * The rules are in docs/reconciliation.md.
 */
public final class Reconciler {

    private Reconciler() {
    }

    /**
     * Reconciles the input.
     *
     * @throws IllegalArgumentException naming the field when the input is inconsistent (duplicate settlement ids,
     *                                  duplicate transaction ids, duplicate line ids within a settlement, a line whose
     *                                  currency is not its settlement's)
     */
    public static ReconciliationResult reconcile(ReconciliationInput input) {
        throw new UnsupportedOperationException("the algorithm follows in the next commit");
    }
}
