package dev.junction.db.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The rows one reconciliation run stores, as the service hands them over and as they are read back page by page. */
public final class RunRows {

    private RunRows() {
    }

    /** A settlement line and what became of it ({@code matched}, {@code unmatched}, {@code fee}, …). */
    public record Line(int lineNo, String transactionType, String orderId, String amountType,
                       String amountDescription, long amountMinor, String currency, String postedDate, String sku,
                       String outcome, String glAccount) {
    }

    /** An order found on both sides. */
    public record Match(int matchNo, String orderId, String vendorTxCode, String opayoTransactionId,
                        long settlementMinor, long opayoMinor, String currency, String matchedBy,
                        Map<String, Object> detail) {
    }

    /** An item of one side ({@code settlement} or {@code opayo}) with no counterpart. */
    public record Unmatched(int itemNo, String side, String reference, long amountMinor, String currency,
                            String reason) {
    }

    /**
     * A discrepancy; {@code fingerprint} names it across runs (kind and reference), and the resolution — note, who,
     * when — is the settlement's for that fingerprint (null while open).
     */
    public record Discrepancy(int itemNo, String kind, String fingerprint, String reference, Long expectedMinor,
                              Long actualMinor, String currency, String message, String resolutionNote,
                              String resolvedBy, Instant resolvedAt) {

        public boolean resolved() {
            return resolvedAt != null;
        }
    }

    /** A journal line; exactly one of debit and credit is non-zero. */
    public record JournalLine(int lineNo, String entryRef, String account, String accountName, long debitMinor,
                              long creditMinor, String currency, LocalDate postingDate, String description) {
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
