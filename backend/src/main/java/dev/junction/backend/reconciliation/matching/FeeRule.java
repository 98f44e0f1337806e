package dev.junction.backend.reconciliation.matching;

/**
 * One row of the fee-allocation table: which general-ledger account an amount of this type is posted to. The most
 * specific rule wins (a named transaction type and amount type beat {@code *}); among equals, the first.
 *
 * @param source          Amazon settlement row or Opayo transaction fee
 * @param transactionType Amazon {@code transaction-type} ({@code Order}, {@code Refund}, …) or the Opayo transaction
 *                        type ({@code Payment}, {@code Refund}); {@code *} for any
 * @param amountType      Amazon {@code amount-type} ({@code ItemFees}, {@code ItemPrice}, …) or {@code *} for any;
 *                        for Opayo always {@code *}
 * @param feeType         Amazon {@code amount-description} ({@code Commission}, {@code FBAPerUnitFulfillmentFee}, …);
 *                        for Opayo {@code TransactionFee}
 * @param glAccount       the ledger account code (e.g. {@code 6110})
 * @param description     what the account is, for people ("Amazon referral fees")
 */
public record FeeRule(FeeSource source, String transactionType, String amountType, String feeType, String glAccount,
                      String description) {

    /** Types compare case-insensitively, ignoring spaces, dashes and underscores; {@code *} matches any. */
    public FeeRule {
        Require.present(source, "source");
        transactionType = transactionType == null || transactionType.isBlank() ? "*" : transactionType.trim();
        amountType = amountType == null || amountType.isBlank() ? "*" : amountType.trim();
        Require.text(feeType, "feeType");
        Require.text(glAccount, "glAccount");
        description = description == null ? "" : description;
    }
}
