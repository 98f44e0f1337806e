package dev.junction.backend.reconciliation;

import dev.junction.db.reconciliation.RunRows;
import dev.junction.db.reconciliation.StoredRun;
import dev.junction.db.reconciliation.StoredSettlement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output of a workflow's reconcile-settlement step: the settlement, the run's status and counts, its first
 * {@value #DISCREPANCIES} discrepancies in sentences, the journal's totals, and the journal lines as Dynamics'
 * {@code writeJournalLines} takes them (so the next step can write them). Plain JSON values only.
 */
final class WorkflowStepOutput {

    /** How many discrepancies the output lists (the counts cover all of them). */
    static final int DISCREPANCIES = 100;

    private WorkflowStepOutput() {
    }

    static Map<String, Object> noSettlement(String amazonConnection) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("amazonConnection", amazonConnection);
        output.put("settlementId", null);
        output.put("status", "no_settlement");
        output.put("alreadyReconciled", false);
        output.put("discrepancies", 0L);
        output.put("openDiscrepancies", 0L);
        output.put("discrepancyList", List.of());
        output.put("journalLines", List.of());
        return output;
    }

    static Map<String, Object> of(StoredSettlement settlement, StoredRun run, boolean alreadyReconciled,
                                  int openDiscrepancies, RunRows.Page<RunRows.Discrepancy> discrepancies,
                                  List<RunRows.JournalLine> journal) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("amazonConnection", settlement.amazonConnectionId());
        output.put("settlementId", settlement.settlementId());
        output.put("periodStart", String.valueOf(settlement.periodStart()));
        output.put("periodEnd", String.valueOf(settlement.periodEnd()));
        output.put("depositDate", String.valueOf(settlement.depositDate()));
        output.put("currency", settlement.currency());
        output.put("totalMinor", settlement.totalMinor());
        // the settlement's charges, refunds and fees (the fees with Amazon's sign: negative = cost), for a workflow
        // that records its settlements' amounts (anomaly flags on settlement fees, docs/anomalies.md)
        for (String amount : new String[]{"orderAmountMinor", "refundAmountMinor", "feeAmountMinor"}) {
            output.put(amount, run.summary().get(amount) instanceof Number number ? number.longValue() : null);
        }
        output.put("runId", run.id().toString());
        output.put("opayoConnection", run.opayoConnectionId());
        output.put("status", run.status());
        output.put("alreadyReconciled", alreadyReconciled);
        output.put("discrepancies", (long) run.discrepancyCount());
        output.put("openDiscrepancies", (long) openDiscrepancies);
        List<Object> listed = new ArrayList<>();
        for (RunRows.Discrepancy discrepancy : discrepancies.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("item", (long) discrepancy.itemNo());
            item.put("kind", discrepancy.kind());
            item.put("orderId", discrepancy.orderId());
            item.put("message", discrepancy.message());
            item.put("resolved", discrepancy.resolved());
            listed.add(item);
        }
        output.put("discrepancyList", listed);
        output.put("fraudHints", (long) run.fraudHints().size());
        long debit = 0;
        long credit = 0;
        for (RunRows.JournalLine line : journal) {
            debit += line.debitMinor();
            credit += line.creditMinor();
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("lines", (long) journal.size());
        totals.put("debitMinor", debit);
        totals.put("creditMinor", credit);
        totals.put("balanced", !ResultRows.UNBALANCED.equals(run.status()));
        output.put("journal", totals);
        output.put("journalLines", ResultRows.UNBALANCED.equals(run.status()) ? List.of()
                : StoredJournal.dataverseLines(settlement.settlementId(), journal));
        return output;
    }
}
