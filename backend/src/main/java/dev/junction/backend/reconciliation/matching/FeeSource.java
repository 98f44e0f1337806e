package dev.junction.backend.reconciliation.matching;

/** Where a fee or amount line comes from. */
public enum FeeSource {
    /** A row of an Amazon V2 settlement report, keyed by its {@code amount-description}. */
    AMAZON,
    /** An Opayo transaction fee, keyed by the transaction type ({@code Payment}, {@code Refund}, …). */
    OPAYO
}
