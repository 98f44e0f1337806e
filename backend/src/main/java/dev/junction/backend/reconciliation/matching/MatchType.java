package dev.junction.backend.reconciliation.matching;

/** What a match pairs. */
public enum MatchType {
    /** An order's settlement rows with the Opayo payment of that order. */
    PAYMENT,
    /** A refund's settlement rows with the Opayo refund of that order. */
    REFUND
}
