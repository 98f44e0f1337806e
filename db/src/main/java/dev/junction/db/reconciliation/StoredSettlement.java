package dev.junction.db.reconciliation;

import java.time.Instant;

/**
 * An Amazon settlement as fetched through an Amazon connection: its id, report, period, deposit date, total (minor
 * units) and currency, how many detail lines it has, and who fetched it when. The lines themselves are in the stored
 * document ({@link ReconciliationRepository#document}).
 */
public record StoredSettlement(long id, String amazonConnectionId, String settlementId, String reportId,
                               String reportDocumentId, Instant periodStart, Instant periodEnd, Instant depositDate,
                               Long totalMinor, String currency, int lineCount, String fetchedBy, Instant fetchedAt) {
}
