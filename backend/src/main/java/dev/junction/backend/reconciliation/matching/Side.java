package dev.junction.backend.reconciliation.matching;

/** Which side of the reconciliation an item is on. */
public enum Side {
    /** An Amazon settlement row. */
    SETTLEMENT,
    /** An Opayo transaction. */
    PAYMENT
}
