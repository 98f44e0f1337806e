package dev.junction.backend.reconciliation.matching;

/**
 * One amount posted to a ledger account by the fee table.
 *
 * @param settlementId the settlement whose journal carries it
 * @param source       Amazon row or Opayo fee
 * @param itemId       the settlement row's {@code lineId} or the Opayo {@code transactionId}
 * @param feeType      the row's {@code amount-description} or the Opayo transaction type
 * @param glAccount    the account posted to (the suspense account when no rule knew the type)
 * @param amountMinor  the amount in Amazon's sign convention (negative = a cost to the seller), minor units
 * @param currency     its currency
 * @param suspense     true when no rule knew the type (then also an UNKNOWN_FEE_TYPE discrepancy)
 */
public record FeeAllocation(String settlementId, FeeSource source, String itemId, String feeType, String glAccount,
                            long amountMinor, String currency, boolean suspense) {
}
