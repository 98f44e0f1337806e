package dev.junction.backend.rates;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.JsonBodies;
import dev.junction.db.rates.StoredRate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The exchange rates mappings convert with, over REST: list, add (date-effective), delete ({@link CurrencyRateService}). */
@RestController
class CurrencyRateController {

    private final CurrencyRateService rates;

    CurrencyRateController(CurrencyRateService rates) {
        this.rates = rates;
    }

    @GetMapping("/api/v1/currency-rates")
    List<StoredRate> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return rates.list(from, to);
    }

    @PostMapping(value = "/api/v1/currency-rates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    StoredRate add(@RequestBody String body) {
        Map<?, ?> fields = JsonBodies.object(body, "a JSON object {from, to, rate, effectiveFrom, source}",
                "from", "to", "rate", "effectiveFrom", "source");
        String rate = fields.get("rate") instanceof Number number ? number.toString() : text(fields, "rate");
        return rates.add(new CurrencyRateService.NewRate(text(fields, "from"), text(fields, "to"), rate,
                text(fields, "effectiveFrom"), fields.get("source") instanceof String source ? source : null));
    }

    @DeleteMapping("/api/v1/currency-rates/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        rates.delete(id);
    }

    /** A text field, or null when absent; any other JSON type is refused by name (the service checks the rest). */
    private static String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InvalidInputException(name, "is required");
    }
}
