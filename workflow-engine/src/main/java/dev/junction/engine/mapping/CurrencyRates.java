package dev.junction.engine.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** Date-effective exchange rates (a port: the application keeps an editable table). */
@FunctionalInterface
public interface CurrencyRates {

    /**
     * The rate in effect on {@code date} (the latest whose effective date is not after it) for one unit of
     * {@code from} in {@code to}; empty when the table has none.
     */
    Optional<Rate> rate(String from, String to, LocalDate date);

    /** A rate and where it came from (shown in a conversion's output, e.g. "ECB 2026-11-20"). */
    record Rate(BigDecimal value, LocalDate effectiveFrom, String source) {
    }

    CurrencyRates NONE = (from, to, date) -> Optional.empty();
}
