package dev.junction.backend.reconciliation;

import dev.junction.backend.reconciliation.matching.AnomalyHint;
import dev.junction.backend.reconciliation.matching.Discrepancy;
import dev.junction.backend.reconciliation.matching.FeeAllocation;
import dev.junction.backend.reconciliation.matching.FeeRule;
import dev.junction.backend.reconciliation.matching.FeeSource;
import dev.junction.backend.reconciliation.matching.JournalEntry;
import dev.junction.backend.reconciliation.matching.JournalLine;
import dev.junction.backend.reconciliation.matching.LedgerAccounts;
import dev.junction.backend.reconciliation.matching.Match;
import dev.junction.backend.reconciliation.matching.ReconciliationResult;
import dev.junction.backend.reconciliation.matching.Settlement;
import dev.junction.backend.reconciliation.matching.SettlementLine;
import dev.junction.backend.reconciliation.matching.SettlementSummary;
import dev.junction.backend.reconciliation.matching.Side;
import dev.junction.backend.reconciliation.matching.Unmatched;
import dev.junction.db.reconciliation.RunRows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A reconciliation's result as the rows a run stores: lines with their outcome, matches, unmatched, discrepancies, journal. */
final class ResultRows {

    static final String BALANCED = "balanced";
    static final String DISCREPANCIES = "discrepancies";
    static final String UNBALANCED = "unbalanced";

    private ResultRows() {
    }

    /** What the run stores besides its result: who started it, the Opayo connection and what was read there. */
    record Context(String opayoConnectionId, String startedBy, Map<String, Object> read) {
    }

    static RunRows.NewRun rows(Settlement settlement, ReconciliationResult result, List<FeeRule> rules,
                               LedgerAccounts accounts, Context context) {
        Map<String, String> lineMatch = new HashMap<>();
        for (Match match : result.matches()) {
            match.lineIds().forEach(lineId -> lineMatch.put(lineId, match.matchId()));
        }
        Map<String, String> lineUnmatched = new HashMap<>();
        for (Unmatched item : result.unmatched()) {
            if (item.side() == Side.SETTLEMENT) {
                lineUnmatched.put(item.itemId(), lower(item.reason().name()));
            }
        }
        Map<String, String> lineAccount = new HashMap<>();
        for (FeeAllocation allocation : result.allocations()) {
            if (allocation.source() == FeeSource.AMAZON) {
                lineAccount.put(allocation.itemId(), allocation.glAccount());
            }
        }
        List<RunRows.Line> lines = new ArrayList<>();
        int lineNo = 0;
        for (SettlementLine line : settlement.lines()) {
            String matchId = lineMatch.get(line.lineId());
            lines.add(new RunRows.Line(++lineNo, line.lineId(), line.transactionType(), line.orderId(),
                    line.amountType(), line.amountDescription(), line.amountMinor(), line.currency(),
                    line.postedDate(), line.sku(), matchId != null ? "matched"
                    : lineUnmatched.getOrDefault(line.lineId(), "unmatched"), matchId, lineAccount.get(line.lineId())));
        }
        List<RunRows.Match> matches = new ArrayList<>();
        for (Match match : result.matches()) {
            matches.add(new RunRows.Match(matches.size() + 1, match.matchId(), match.orderId(),
                    lower(match.type().name()), lower(match.basis().name()), match.transactionId(),
                    match.settlementAmountMinor(), match.settlementCurrency(), match.transactionAmountMinor(),
                    match.transactionCurrency(), match.rate(), match.convertedAmountMinor(), match.differenceMinor(),
                    match.dayDifference(), match.lineIds(), match.hints().stream().map(ResultRows::hint).toList()));
        }
        List<RunRows.Unmatched> unmatched = new ArrayList<>();
        for (Unmatched item : result.unmatched()) {
            unmatched.add(new RunRows.Unmatched(unmatched.size() + 1, lower(item.side().name()), item.itemId(),
                    item.orderId(), item.amountMinor(), item.currency(), lower(item.reason().name()),
                    item.explanation()));
        }
        List<RunRows.Discrepancy> discrepancies = new ArrayList<>();
        for (Discrepancy discrepancy : result.discrepancies()) {
            discrepancies.add(new RunRows.Discrepancy(discrepancies.size() + 1, discrepancy.kind().name(),
                    discrepancy.key(), discrepancy.orderId(), discrepancy.lineIds(), discrepancy.transactionIds(),
                    discrepancy.expectedMinor(), discrepancy.actualMinor(), discrepancy.currency(),
                    discrepancy.message(), null, null, null));
        }
        Map<String, String> accountNames = accountNames(rules, accounts);
        List<RunRows.JournalLine> journal = new ArrayList<>();
        boolean balanced = true;
        Map<String, long[]> totals = new TreeMap<>();
        for (JournalEntry entry : result.journalEntries()) {
            balanced &= entry.isBalanced();
            for (JournalLine line : entry.lines()) {
                journal.add(new RunRows.JournalLine(journal.size() + 1, entry.entryId(), entry.date(),
                        entry.description(), line.lineNumber(), line.account(),
                        accountNames.getOrDefault(line.account(), ""), line.debitMinor(), line.creditMinor(),
                        line.currency(), line.originalMinor(), line.originalCurrency(), line.rate(), line.memo(),
                        line.reference()));
                long[] total = totals.computeIfAbsent(line.currency(), currency -> new long[2]);
                total[0] += line.debitMinor();
                total[1] += line.creditMinor();
            }
        }
        String status = !balanced ? UNBALANCED : discrepancies.isEmpty() ? BALANCED : DISCREPANCIES;
        List<Object> hints = new ArrayList<>(result.hints().stream().map(ResultRows::hint).toList());
        return new RunRows.NewRun(context.opayoConnectionId(), status, summary(result, totals, context, balanced),
                hints, context.startedBy(), lines, matches, unmatched, discrepancies, journal);
    }

    private static Map<String, Object> summary(ReconciliationResult result, Map<String, long[]> totals,
                                               Context context, boolean balanced) {
        Map<String, Object> summary = new LinkedHashMap<>();
        SettlementSummary settlement = result.summaries().isEmpty() ? null : result.summaries().getFirst();
        if (settlement != null) {
            summary.put("lines", (long) settlement.lines());
            summary.put("matchedLines", (long) settlement.matchedLines());
            summary.put("unmatchedLines", (long) settlement.unmatchedLines());
            summary.put("orderAmountMinor", settlement.orderAmountMinor());
            summary.put("refundAmountMinor", settlement.refundAmountMinor());
            summary.put("feeAmountMinor", settlement.feeAmountMinor());
            summary.put("totalMinor", settlement.totalMinor());
            summary.put("currency", settlement.currency());
        }
        summary.put("matches", (long) result.matches().size());
        summary.put("unmatchedSettlementLines", result.unmatched().stream()
                .filter(item -> item.side() == Side.SETTLEMENT).count());
        summary.put("unmatchedPayments", result.unmatched().stream().filter(item -> item.side() == Side.PAYMENT)
                .count());
        Map<String, Object> byKind = new TreeMap<>();
        result.discrepancies().forEach(discrepancy -> byKind.merge(discrepancy.kind().name(), 1L,
                (a, b) -> (Long) a + (Long) b));
        summary.put("discrepanciesByKind", byKind);
        summary.put("fraudHints", (long) result.hints().size());
        Map<String, Object> journal = new LinkedHashMap<>();
        totals.forEach((currency, total) -> journal.put(currency, Map.of("debitMinor", total[0],
                "creditMinor", total[1])));
        summary.put("journalTotals", journal);
        summary.put("balanced", balanced);
        summary.put("read", context.read());
        return summary;
    }

    private static Map<String, String> accountNames(List<FeeRule> rules, LedgerAccounts accounts) {
        Map<String, String> names = new HashMap<>();
        names.put(accounts.amazonClearing(), "Amazon clearing");
        names.put(accounts.opayoClearing(), "Opayo clearing");
        names.put(accounts.suspense(), "Suspense");
        names.put(accounts.rounding(), "Rounding differences");
        for (FeeRule rule : rules) {
            if (!rule.description().isBlank()) {
                names.putIfAbsent(rule.glAccount(), rule.description());
            }
        }
        return names;
    }

    static Map<String, Object> hint(AnomalyHint hint) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", hint.kind().name());
        map.put("settlementId", hint.settlementId());
        map.put("transactionId", hint.transactionId());
        map.put("orderId", hint.orderId());
        map.put("message", hint.message());
        return map;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
