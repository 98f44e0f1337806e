package dev.junction.backend.reconciliation.matching;

import java.time.Instant;

/**
 * One Opayo transaction as the Reporting API lists it ({@code pollTransactions}), with the optional fields
 * {@code getTransactionDetail} adds.
 *
 * @param transactionId        {@code vpstxid} (Pi {@code transactionId}), unique
 * @param vendorTxCode         the merchant's reference; for payments the Amazon order id (see docs/reconciliation.md)
 * @param transactionType      {@code Payment}, {@code Deferred}, {@code Repeat}, {@code Authorise}, {@code Refund}, …
 * @param status               {@code Ok} when authorised/settled; other statuses are never matched
 * @param amountMinor          the amount in minor units (positive; a refund's amount is positive too)
 * @param currency             ISO 4217
 * @param started              when the transaction happened
 * @param batchId              the settlement batch it was paid out in; may be null
 * @param relatedTransactionId for refunds: the original payment's transaction id; may be null
 * @param feeMinor             Opayo's transaction fee in minor units of {@code currency} (0 when unknown)
 * @param threeDSecureStatus   {@code 3DSecure.status} ({@code Authenticated}, {@code NotAuthenticated}, …); may be null
 * @param avsCvcStatus         {@code avsCvcCheck.status} ({@code AllMatched}, {@code NoMatches}, …); may be null
 * @param securityCodeResult   {@code avsCvcCheck.securityCode} ({@code Matched}, {@code NotMatched}, …); may be null
 */
public record PaymentTransaction(String transactionId, String vendorTxCode, String transactionType, String status,
                                 long amountMinor, String currency, Instant started, String batchId,
                                 String relatedTransactionId, long feeMinor, String threeDSecureStatus,
                                 String avsCvcStatus, String securityCodeResult) {

    public PaymentTransaction {
        Require.text(transactionId, "transactionId");
        Require.text(transactionType, "transactionType");
        Require.currency(currency, "currency");
        Require.present(started, "started");
        if (amountMinor < 0) {
            throw new IllegalArgumentException("amountMinor: must be zero or positive (a refund's amount is positive), was "
                    + amountMinor);
        }
        if (feeMinor < 0) {
            throw new IllegalArgumentException("feeMinor: must be zero or positive, was " + feeMinor);
        }
    }

    /** Whether this is a refund (money back to the card holder). */
    public boolean isRefund() {
        return transactionType.equalsIgnoreCase("Refund");
    }

    /** Whether Opayo settled it: status {@code Ok} (case-insensitive). */
    public boolean isSettled() {
        return status != null && status.equalsIgnoreCase("Ok");
    }
}
