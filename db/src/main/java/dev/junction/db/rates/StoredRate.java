package dev.junction.db.rates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One exchange rate as stored: one unit of {@code from} in {@code to}, in effect from {@code effectiveFrom}. */
public record StoredRate(long id, String from, String to, BigDecimal rate, LocalDate effectiveFrom, String source,
                         String createdBy, OffsetDateTime createdAt) {
}
