package dev.junction.backend.reconciliation.matching;

/**
 * A settlement row or an Opayo transaction that is in no match.
 *
 * @param side         which side
 * @param settlementId the settlement (settlement rows; for transactions the settlement whose period it fell in, or null)
 * @param itemId       the row's {@code lineId} or the transaction's {@code transactionId}
 * @param orderId      the order id / vendorTxCode; may be null
 * @param amountMinor  the row's amount or the transaction's amount, minor units
 * @param currency     its currency
 * @param reason       why it stayed unmatched
 * @param explanation  one sentence for a finance user
 */
public record Unmatched(Side side, String settlementId, String itemId, String orderId, long amountMinor,
                        String currency, UnmatchedReason reason, String explanation) {
}
