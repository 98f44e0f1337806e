package dev.junction.backend.reconciliation.matching;

/**
 * Counts and totals of one settlement, for lists.
 *
 * @param settlementId        the settlement
 * @param currency            its currency
 * @param totalMinor          the deposited total
 * @param lines               rows in the settlement
 * @param matchedLines        rows in a match
 * @param unmatchedLines      rows not in a match (any reason)
 * @param matches             matches
 * @param discrepancies       discrepancies concerning it
 * @param orderAmountMinor    charge amounts of its order rows
 * @param refundAmountMinor   charge amounts of its refund rows (positive)
 * @param feeAmountMinor      its fee rows (Amazon's sign: negative = cost)
 */
public record SettlementSummary(String settlementId, String currency, long totalMinor, int lines, int matchedLines,
                                int unmatchedLines, int matches, int discrepancies, long orderAmountMinor,
                                long refundAmountMinor, long feeAmountMinor) {
}
