package dev.junction.backend.reconciliation;

import dev.junction.backend.reconciliation.matching.JournalCsv;
import dev.junction.backend.reconciliation.matching.JournalEntry;
import dev.junction.backend.reconciliation.matching.JournalLine;
import dev.junction.db.reconciliation.RunRows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's stored journal lines as the domain's journal entries again — for the CSV export ({@link JournalCsv}) — and
 * as the lines the Dataverse connector's {@code writeJournalLines} writes (each with the reference
 * {@code <entry id>-<line number>}, so writing the same settlement's journal again updates the same records).
 */
final class StoredJournal {

    private StoredJournal() {
    }

    static List<JournalEntry> entries(String settlementId, List<RunRows.JournalLine> lines) {
        Map<String, List<RunRows.JournalLine>> byEntry = new LinkedHashMap<>();
        for (RunRows.JournalLine line : lines) {
            byEntry.computeIfAbsent(line.entryId(), id -> new ArrayList<>()).add(line);
        }
        List<JournalEntry> entries = new ArrayList<>();
        byEntry.forEach((entryId, entryLines) -> {
            RunRows.JournalLine first = entryLines.getFirst();
            entries.add(new JournalEntry(entryId, settlementId, first.entryDate(), first.entryDescription(),
                    entryLines.stream().map(line -> new JournalLine(line.lineNumber(), line.account(),
                            line.debitMinor(), line.creditMinor(), line.currency(), line.originalMinor(),
                            line.originalCurrency(), line.rate(), line.memo(), line.reference())).toList()));
        });
        return entries;
    }

    static String csv(String settlementId, List<RunRows.JournalLine> lines) {
        return JournalCsv.write(entries(settlementId, lines));
    }

    /** The lines as {@code writeJournalLines} takes them: amounts in major units as decimal text. */
    static List<Object> dataverseLines(String settlementId, List<RunRows.JournalLine> lines) {
        List<Object> out = new ArrayList<>();
        for (RunRows.JournalLine line : lines) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("lineRef", line.entryId() + "-" + line.lineNumber());
            row.put("journal", settlementId);
            row.put("entryRef", line.entryId());
            row.put("account", line.account());
            if (!line.accountName().isBlank()) {
                row.put("accountName", line.accountName());
            }
            row.put("debit", major(line.debitMinor(), line.currency()));
            row.put("credit", major(line.creditMinor(), line.currency()));
            row.put("currency", line.currency());
            row.put("postingDate", line.entryDate().toString());
            row.put("description", truncated(line.memo(), 500));
            out.add(row);
        }
        return out;
    }

    /** Minor units as a plain decimal in major units with the currency's decimals. */
    static String major(long minor, String currency) {
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }

    private static String truncated(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max);
    }
}
