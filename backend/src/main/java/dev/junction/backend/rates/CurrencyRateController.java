package dev.junction.backend.rates;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.JsonBodies;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.rates.CurrencyRateRepository;
import dev.junction.db.rates.StoredRate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The exchange rates mappings convert with: list, add (date-effective), delete. Each change and its audit entry
 * commit together.
 */
@RestController
class CurrencyRateController {

    private final CurrencyRateRepository rates;
    private final AuditTrail audit;

    CurrencyRateController(CurrencyRateRepository rates, AuditTrail audit) {
        this.rates = rates;
        this.audit = audit;
    }

    /** The dates a rate may take effect on: plain four-digit years, which every store and format can hold. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    @GetMapping("/api/v1/currency-rates")
    @PreAuthorize("isAuthenticated()")
    List<StoredRate> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return rates.list(from == null ? null : currency("from", from), to == null ? null : currency("to", to));
    }

    @PostMapping(value = "/api/v1/currency-rates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'DESIGNER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public StoredRate add(@RequestBody String body) {
        Map<?, ?> fields = JsonBodies.object(body, "a JSON object {from, to, rate, effectiveFrom, source}",
                "from", "to", "rate", "effectiveFrom", "source");
        String from = currency("from", text(fields, "from"));
        String to = currency("to", text(fields, "to"));
        if (from.equals(to)) {
            throw new InvalidInputException("to", "must differ from 'from'");
        }
        BigDecimal rate;
        try {
            rate = fields.get("rate") instanceof Number number ? new BigDecimal(number.toString())
                    : new BigDecimal(text(fields, "rate"));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("rate", "must be a positive decimal number, like 0.8612");
        }
        if (rate.signum() <= 0 || rate.precision() - rate.scale() > 10 || rate.scale() > 10) {
            throw new InvalidInputException("rate", "must be a positive decimal with at most 10 digits before and"
                    + " after the point");
        }
        LocalDate effectiveFrom;
        try {
            effectiveFrom = LocalDate.parse(text(fields, "effectiveFrom"));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("effectiveFrom", "must be a date like 2026-11-24");
        }
        if (effectiveFrom.isBefore(EARLIEST_DATE) || effectiveFrom.isAfter(LATEST_DATE)) {
            throw new InvalidInputException("effectiveFrom", "must be a date from " + EARLIEST_DATE + " to "
                    + LATEST_DATE + ", was " + effectiveFrom);
        }
        String source = fields.get("source") instanceof String text ? text.strip() : "";
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

    @DeleteMapping("/api/v1/currency-rates/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'DESIGNER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    public void delete(@PathVariable long id) {
        if (!rates.delete(id)) {
            throw new NotFoundException("No currency rate with id " + id);
        }
        audit.record("currency_rate.deleted", "currency_rate", Long.toString(id), Map.of());
    }

    private static String text(Map<?, ?> fields, String name) {
        if (!(fields.get(name) instanceof String text) || text.isBlank()) {
            throw new InvalidInputException(name, "is required");
        }
        return text.strip();
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
