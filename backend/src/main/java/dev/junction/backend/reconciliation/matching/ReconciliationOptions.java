package dev.junction.backend.reconciliation.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How strictly to match and how to convert.
 *
 * @param toleranceDays        a transaction and its settlement line may be this many days apart and still match
 *                             cleanly; further apart they match by reference with a DATE discrepancy
 * @param toleranceMinor       amounts (after conversion) may differ by this many minor units and still match cleanly
 * @param rounding             how converted amounts are rounded to whole minor units (default HALF_EVEN)
 * @param bookCurrency         the currency journal entries are written in; null writes each amount in its own
 *                             currency (each currency then balances on its own)
 * @param refundShareThreshold a settlement whose refunds exceed this share of its order amounts gets a
 *                             HIGH_REFUND_SHARE hint (e.g. 0.2 = 20 %)
 */
public record ReconciliationOptions(int toleranceDays, long toleranceMinor, RoundingMode rounding, String bookCurrency,
                                    BigDecimal refundShareThreshold) {

    public ReconciliationOptions {
        if (toleranceDays < 0) {
            throw new IllegalArgumentException("toleranceDays: must be zero or more, was " + toleranceDays);
        }
        if (toleranceMinor < 0) {
            throw new IllegalArgumentException("toleranceMinor: must be zero or more, was " + toleranceMinor);
        }
        rounding = rounding == null ? RoundingMode.HALF_EVEN : rounding;
        if (rounding == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("rounding: UNNECESSARY cannot round converted amounts");
        }
        if (bookCurrency != null) {
            Require.currency(bookCurrency, "bookCurrency");
        }
        refundShareThreshold = refundShareThreshold == null ? new BigDecimal("0.20") : refundShareThreshold;
    }

    /** 3 days, 0 minor units, HALF_EVEN, amounts in their own currency, refund share over 20 %. */
    public static ReconciliationOptions defaults() {
        return new ReconciliationOptions(3, 0, RoundingMode.HALF_EVEN, null, new BigDecimal("0.20"));
    }
}
