package dev.junction.backend.rates;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.rates.CurrencyRateRepository;
import dev.junction.db.rates.StoredRate;
import dev.junction.db.users.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The exchange rates mappings convert with ({@code convertCurrency}): list, add (date-effective), delete. The REST
 * API and the Exchange rates view both go through here; each change and its audit entry commit together.
 */
@Service
public class CurrencyRateService {

    /** The dates a rate may take effect on: plain four-digit years, which every store and format can hold. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);
    private static final String MAY_CHANGE = "hasAnyRole('ADMIN', 'DESIGNER')";

    private final CurrencyRateRepository rates;
    private final AuditTrail audit;

    CurrencyRateService(CurrencyRateRepository rates, AuditTrail audit) {
        this.rates = rates;
        this.audit = audit;
    }

    /** A rate to add, as typed: every field is checked and a wrong one is refused by its name. */
    public record NewRate(String from, String to, String rate, String effectiveFrom, String source) {
    }

    /** Whether the signed-in user may add and delete rates. */
    public boolean currentUserMayChange() {
        return CurrentUser.hasAnyRole(Role.ADMIN, Role.DESIGNER);
    }

    /** The rates, optionally of one source and/or target currency only (null: any). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<StoredRate> list(String from, String to) {
        return rates.list(from == null ? null : currency("from", from), to == null ? null : currency("to", to));
    }

    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public StoredRate add(NewRate input) {
        String from = currency("from", required("from", input.from()));
        String to = currency("to", required("to", input.to()));
        if (from.equals(to)) {
            throw new InvalidInputException("to", "must differ from 'from'");
        }
        BigDecimal rate;
        try {
            rate = new BigDecimal(required("rate", input.rate()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("rate", "must be a positive decimal number, like 0.8612");
        }
        if (rate.signum() <= 0 || rate.precision() - rate.scale() > 10 || rate.scale() > 10) {
            throw new InvalidInputException("rate", "must be a positive decimal with at most 10 digits before and"
                    + " after the point");
        }
        LocalDate effectiveFrom;
        try {
            effectiveFrom = LocalDate.parse(required("effectiveFrom", input.effectiveFrom()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("effectiveFrom", "must be a date like 2026-11-24");
        }
        if (effectiveFrom.isBefore(EARLIEST_DATE) || effectiveFrom.isAfter(LATEST_DATE)) {
            throw new InvalidInputException("effectiveFrom", "must be a date from " + EARLIEST_DATE + " to "
                    + LATEST_DATE + ", was " + effectiveFrom);
        }
        String source = input.source() == null ? "" : input.source().strip();
        if (source.length() > 200) {
            throw new InvalidInputException("source", "must be at most 200 characters");
        }
        long id = rates.add(from, to, rate, effectiveFrom, source, CurrentUser.name()).orElseThrow(() ->
                new ConflictException("effectiveFrom", "There is a rate from " + from + " to " + to + " in effect from "
                        + effectiveFrom + " already: delete it first."));
        audit.record("currency_rate.added", "currency_rate", Long.toString(id), Map.of("from", from, "to", to,
                "effectiveFrom", effectiveFrom.toString()));
        return rates.list(from, to).stream().filter(stored -> stored.id() == id).findFirst().orElseThrow();
    }

    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public void delete(long id) {
        if (!rates.delete(id)) {
            throw new NotFoundException("No currency rate with id " + id);
        }
        audit.record("currency_rate.deleted", "currency_rate", Long.toString(id), Map.of());
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name, "is required");
        }
        return value.strip();
    }

    private static String currency(String field, String code) {
        String upper = code.strip().toUpperCase(Locale.ROOT);
        try {
            if (upper.length() == 3 && Currency.getInstance(upper) != null) {
                return upper;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new InvalidInputException(field, "must be an ISO 4217 currency code like GBP, not '" + code + "'");
    }
}
