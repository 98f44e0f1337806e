package dev.junction.backend.reconciliation.matching;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One unit of {@code from} in {@code to}, in effect from {@code effectiveFrom} until the next rate of the same pair
 * (as db {@code currency_rates} stores them). The reverse pair is derived when only one direction is given.
 */
public record ExchangeRate(String from, String to, LocalDate effectiveFrom, BigDecimal rate) {

    public ExchangeRate {
        Require.currency(from, "from");
        Require.currency(to, "to");
        Require.present(effectiveFrom, "effectiveFrom");
        Require.present(rate, "rate");
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("rate: must be greater than zero, was " + rate.toPlainString());
        }
    }
}
