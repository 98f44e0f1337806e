package dev.junction.backend.reconciliation.matching;

import java.util.HashSet;
import java.util.Set;

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
        validate(input);
        return new ReconciliationRun(input).run();
    }

    private static void validate(ReconciliationInput input) {
        Set<String> settlementIds = new HashSet<>();
        for (int s = 0; s < input.settlements().size(); s++) {
            Settlement settlement = input.settlements().get(s);
            if (!settlementIds.add(settlement.settlementId())) {
                throw new IllegalArgumentException("settlements[" + s + "].settlementId: must be unique, '"
                        + settlement.settlementId() + "' appears twice");
            }
            Set<String> lineIds = new HashSet<>();
            for (int l = 0; l < settlement.lines().size(); l++) {
                SettlementLine line = settlement.lines().get(l);
                String field = "settlements[" + s + "].lines[" + l + "]";
                if (!lineIds.add(line.lineId())) {
                    throw new IllegalArgumentException(field + ".lineId: must be unique within the settlement, '"
                            + line.lineId() + "' appears twice");
                }
                if (!line.currency().equals(settlement.currency())) {
                    throw new IllegalArgumentException(field + ".currency: must be the settlement's currency "
                            + settlement.currency() + ", was " + line.currency());
                }
            }
        }
        Set<String> transactionIds = new HashSet<>();
        for (int t = 0; t < input.transactions().size(); t++) {
            PaymentTransaction transaction = input.transactions().get(t);
            if (!transactionIds.add(transaction.transactionId())) {
                throw new IllegalArgumentException("transactions[" + t + "].transactionId: must be unique, '"
                        + transaction.transactionId() + "' appears twice");
            }
        }
    }
}
