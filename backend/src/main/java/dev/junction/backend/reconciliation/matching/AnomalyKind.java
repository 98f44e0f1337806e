package dev.junction.backend.reconciliation.matching;

/** Fraud and anomaly signals from Opayo's fields. */
public enum AnomalyKind {
    /** 3-D Secure was not authenticated ({@code NotAuthenticated}, {@code Error}, {@code Incomplete}, …). */
    THREE_D_SECURE_NOT_AUTHENTICATED,
    /** The address or postcode check failed ({@code avsCvcCheck.status} NoMatches / SecurityCodeMatchOnly). */
    AVS_MISMATCH,
    /** The card security code did not match ({@code securityCode} NotMatched, or status NoMatches / AddressMatchOnly). */
    CV2_MISMATCH,
    /** A settlement's refunds exceed the configured share of its orders. */
    HIGH_REFUND_SHARE
}
