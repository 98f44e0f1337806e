package dev.junction.db.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The rows one reconciliation run stores, as the service hands them over and as they are read back page by page. */
public final class RunRows {

    private RunRows() {
    }

    /**
     * A settlement line and what became of it: {@code matched} (with the match's id) or why it stayed unmatched
     * ({@code no_counterpart}, {@code duplicate}, {@code settlement_only}), and the ledger account it was posted to.
     */
    public record Line(int lineNo, String lineId, String transactionType, String orderId, String amountType,
                       String amountDescription, long amountMinor, String currency, LocalDate postedDate, String sku,
                       String outcome, String matchId, String glAccount) {
    }

    /** Settlement rows of one order paired with one Opayo transaction. */
    public record Match(int matchNo, String matchId, String orderId, String type, String basis, String transactionId,
                        long settlementMinor, String settlementCurrency, long transactionMinor,
                        String transactionCurrency, BigDecimal rate, long convertedMinor, long differenceMinor,
                        long dayDifference, List<String> lineIds, List<Map<String, Object>> hints) {
    }

    /** An item of one side ({@code settlement} or {@code payment}) with no counterpart, and why. */
    public record Unmatched(int itemNo, String side, String itemId, String orderId, long amountMinor, String currency,
                            String reason, String explanation) {
    }

    /**
     * A discrepancy; {@code fingerprint} names it across runs, and the resolution — note, who, when — is the
     * settlement's for that fingerprint (null while open).
     */
    public record Discrepancy(int itemNo, String kind, String fingerprint, String orderId, List<String> lineIds,
                              List<String> transactionIds, Long expectedMinor, Long actualMinor, String currency,
                              String message, String resolutionNote, String resolvedBy, Instant resolvedAt) {

        public boolean resolved() {
            return resolvedAt != null;
        }
    }

    /** A journal line; exactly one of debit and credit is non-zero. {@code lineNo} counts across the run. */
    public record JournalLine(int lineNo, String entryId, LocalDate entryDate, String entryDescription,
                              int lineNumber, String account, String accountName, long debitMinor, long creditMinor,
                              String currency, long originalMinor, String originalCurrency, BigDecimal rate,
                              String memo, String reference) {
    }

    /** Everything a new run stores. */
    public record NewRun(String opayoConnectionId, String status, Map<String, Object> summary,
                         List<Object> fraudHints, String startedBy, List<Line> lines, List<Match> matches,
                         List<Unmatched> unmatched, List<Discrepancy> discrepancies, List<JournalLine> journal) {
    }

    /** One page of rows and how many there are in all. */
    public record Page<T>(List<T> items, int total, int offset, int limit) {
    }
}
