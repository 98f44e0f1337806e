package dev.junction.backend.reconciliation.matching;

/** Why two sides were paired. */
public enum MatchBasis {
    /** The order id equals the vendorTxCode (refunds: through the related payment). */
    REFERENCE,
    /** No reference matched; the only candidate with the same amount within the date tolerance. */
    AMOUNT_AND_DATE
}
