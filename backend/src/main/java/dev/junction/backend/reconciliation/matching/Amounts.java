package dev.junction.backend.reconciliation.matching;

import java.math.BigDecimal;
import java.util.Currency;

/** Minor-unit helpers: the currency's digits and amounts written for people ("45.00 EUR"). */
final class Amounts {

    private Amounts() {
    }

    /** The currency's minor digits (2 for EUR, 0 for JPY, 3 for BHD). */
    static int digits(String currency) {
        return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    }

    /** {@code 4500, "EUR"} → {@code "45.00 EUR"}. */
    static String text(long minor, String currency) {
        return BigDecimal.valueOf(minor, digits(currency)).toPlainString() + " " + currency;
    }
}
