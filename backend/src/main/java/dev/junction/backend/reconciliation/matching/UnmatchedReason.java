package dev.junction.backend.reconciliation.matching;

/** Why an item stayed unmatched. Only some reasons are discrepancies (see each). */
public enum UnmatchedReason {
    /** The other side has nothing for it (a discrepancy: MISSING_PAYMENT, MISSING_REFUND or MISSING_SETTLEMENT_LINE). */
    NO_COUNTERPART,
    /** A second copy of an item already matched (a discrepancy: DUPLICATE). */
    DUPLICATE,
    /** An account-level settlement row (storage fee, subscription, …): posted to the ledger, nothing to match. */
    SETTLEMENT_ONLY,
    /** An Opayo transaction that is not settled (status other than Ok): nothing to match, no discrepancy. */
    NOT_SETTLED,
    /** An Opayo transaction outside every settlement's period (plus the date tolerance): a later run will see it. */
    OUTSIDE_PERIOD
}
