package dev.junction.backend.reconciliation.matching;

/**
 * A fraud or anomaly hint: not an error, something worth a look (and an input for alert rules).
 *
 * @param kind          what was seen
 * @param settlementId  the settlement; may be null (a transaction outside every settlement)
 * @param transactionId the Opayo transaction; null for settlement-level hints
 * @param orderId       the order; may be null
 * @param message       one sentence for a finance user
 */
public record AnomalyHint(AnomalyKind kind, String settlementId, String transactionId, String orderId,
                          String message) {
}
