package dev.junction.backend.reconciliation.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Fraud and anomaly hints from Opayo's checks and from a settlement's refund share. */
final class AnomalyHints {

    /** 3-D Secure outcomes that mean the card holder was not authenticated when the check ran. */
    static final Set<String> NOT_AUTHENTICATED = Set.of("notauthenticated", "error", "incomplete",
            "malformedorinvalid");
    /** avsCvcCheck statuses with a failed address check. */
    static final Set<String> ADDRESS_FAILED = Set.of("nomatches", "securitycodematchonly");
    /** avsCvcCheck statuses with a failed security-code check. */
    static final Set<String> SECURITY_CODE_FAILED = Set.of("nomatches", "addressmatchonly");

    private AnomalyHints() {
    }

    static List<AnomalyHint> of(PaymentTransaction transaction, Settlement settlement, String orderId) {
        List<AnomalyHint> hints = new ArrayList<>();
        String settlementId = settlement == null ? null : settlement.settlementId();
        String id = transaction.transactionId();
        String what = (transaction.isRefund() ? "Refund " : "Payment ") + transaction.vendorTxCode() + " ("
                + Amounts.text(transaction.amountMinor(), transaction.currency()) + ")";
        if (transaction.threeDSecureStatus() != null
                && NOT_AUTHENTICATED.contains(FeeRules.normal(transaction.threeDSecureStatus()))) {
            hints.add(new AnomalyHint(AnomalyKind.THREE_D_SECURE_NOT_AUTHENTICATED, settlementId, id, orderId,
                    what + " was taken although 3-D Secure answered " + transaction.threeDSecureStatus()
                            + ": the card holder was not authenticated, so a chargeback is not covered."));
        }
        String avs = FeeRules.normal(transaction.avsCvcStatus());
        if (ADDRESS_FAILED.contains(avs)) {
            hints.add(new AnomalyHint(AnomalyKind.AVS_MISMATCH, settlementId, id, orderId,
                    what + ": the billing address did not match the card issuer's (AVS "
                            + transaction.avsCvcStatus() + ")."));
        }
        if (SECURITY_CODE_FAILED.contains(avs) || "notmatched".equals(FeeRules.normal(transaction.securityCodeResult()))) {
            hints.add(new AnomalyHint(AnomalyKind.CV2_MISMATCH, settlementId, id, orderId,
                    what + ": the card security code (CV2) did not match."));
        }
        return hints;
    }

    /** A HIGH_REFUND_SHARE hint when refunds exceed the threshold share of the order amounts. */
    static Optional<AnomalyHint> refundShare(Settlement settlement, long orders, long refunds, BigDecimal threshold) {
        if (refunds <= 0) {
            return Optional.empty();
        }
        boolean high = orders <= 0 || BigDecimal.valueOf(refunds)
                .compareTo(BigDecimal.valueOf(orders).multiply(threshold)) > 0;
        if (!high) {
            return Optional.empty();
        }
        String share = orders <= 0 ? "more than the orders"
                : BigDecimal.valueOf(refunds).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(orders), 1, RoundingMode.HALF_UP).toPlainString() + " % of the orders";
        return Optional.of(new AnomalyHint(AnomalyKind.HIGH_REFUND_SHARE, settlement.settlementId(), null, null,
                "Settlement " + settlement.settlementId() + " refunds " + Amounts.text(refunds, settlement.currency())
                        + ", " + share + " (" + Amounts.text(orders, settlement.currency()) + "); the threshold is "
                        + threshold.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + " %."));
    }
}
