package dev.junction.backend.reconciliation.matching;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Exchange rates by pair and date: the rate in effect on a date is the one with the latest {@code effectiveFrom} on
 * or before it; a pair given only the other way round is used inverted (1 / rate, 16 significant digits). Converted
 * amounts are {@code round(amount × rate)} in whole minor units of the target currency, rounded with the options'
 * rounding mode after scaling by the two currencies' minor digits.
 */
final class RateTable {

    /** A conversion: the amount in the target currency and the rate used. */
    record Converted(long minor, BigDecimal rate) {
    }

    private final Map<String, TreeMap<LocalDate, BigDecimal>> byPair = new HashMap<>();
    private final RoundingMode rounding;

    RateTable(List<ExchangeRate> rates, RoundingMode rounding) {
        this.rounding = rounding;
        for (ExchangeRate rate : rates) {
            byPair.computeIfAbsent(pair(rate.from(), rate.to()), key -> new TreeMap<>())
                    .put(rate.effectiveFrom(), rate.rate());
        }
    }

    /** The rate from → to in effect on {@code date}; 1 for the same currency. */
    Optional<BigDecimal> rate(String from, String to, LocalDate date) {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        Optional<BigDecimal> direct = inEffect(pair(from, to), date);
        if (direct.isPresent()) {
            return direct;
        }
        return inEffect(pair(to, from), date).map(inverse -> BigDecimal.ONE.divide(inverse, MathContext.DECIMAL64));
    }

    /** {@code amountMinor} of {@code from} in minor units of {@code to}, or empty when no rate is in effect. */
    Optional<Converted> convert(long amountMinor, String from, String to, LocalDate date) {
        if (from.equals(to)) {
            return Optional.of(new Converted(amountMinor, null));
        }
        return rate(from, to, date).map(rate -> new Converted(convert(amountMinor, from, to, rate), rate));
    }

    /** The conversion rule itself: major units × rate, rounded to the target's minor units. */
    long convert(long amountMinor, String from, String to, BigDecimal rate) {
        BigDecimal major = BigDecimal.valueOf(amountMinor, Amounts.digits(from));
        return major.multiply(rate).setScale(Amounts.digits(to), rounding).unscaledValue().longValueExact();
    }

    List<String> pairs() {
        return new ArrayList<>(byPair.keySet());
    }

    private Optional<BigDecimal> inEffect(String pair, LocalDate date) {
        TreeMap<LocalDate, BigDecimal> rates = byPair.get(pair);
        if (rates == null) {
            return Optional.empty();
        }
        Entry<LocalDate, BigDecimal> entry = rates.floorEntry(date);
        return entry == null ? Optional.empty() : Optional.of(entry.getValue());
    }

    private static String pair(String from, String to) {
        return from + '>' + to;
    }
}
