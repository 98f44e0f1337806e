package dev.junction.backend.reconciliation.matching;

/** What is wrong. New kinds may be added (consumers show unknown kinds by name). */
public enum DiscrepancyKind {
    /** Matched by reference, but the amounts differ by more than the tolerance. */
    AMOUNT,
    /** Matched by reference, but in another currency and no rate makes the amounts agree (or no rate exists). */
    CURRENCY,
    /** Matched, but further apart in time than the date tolerance. */
    DATE,
    /** The settlement refunds an order and Opayo has no refund for it. */
    MISSING_REFUND,
    /** The settlement has an order and Opayo has no payment for it. */
    MISSING_PAYMENT,
    /** Opayo settled a payment or refund in the settlement's period that no settlement row accounts for. */
    MISSING_SETTLEMENT_LINE,
    /** The same payment or settlement row appears twice. */
    DUPLICATE,
    /** A fee type the rule table does not know; posted to the suspense account. */
    UNKNOWN_FEE_TYPE,
    /** The settlement's deposited total differs from the sum of its rows; the difference is posted to suspense. */
    TOTAL_MISMATCH,
    /** A conversion into the book currency has no exchange rate; the amount is posted unconverted to suspense. */
    MISSING_RATE
}
