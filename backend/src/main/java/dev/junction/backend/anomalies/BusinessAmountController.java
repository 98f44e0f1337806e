package dev.junction.backend.anomalies;

import dev.junction.backend.api.NotFoundException;
import dev.junction.db.amounts.AmountSettings;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * A workflow's business-amount settings over REST: {@code GET}, {@code PUT} (body: {@link
 * BusinessAmountService.AmountInput}), {@code DELETE} {@code /api/v1/workflows/{id}/amounts}.
 */
@RestController
class BusinessAmountController {

    private final BusinessAmountService amounts;

    BusinessAmountController(BusinessAmountService amounts) {
        this.amounts = amounts;
    }

    @GetMapping("/api/v1/workflows/{id}/amounts")
    AmountSettings get(@PathVariable UUID id) {
        return amounts.of(id).orElseThrow(() -> new NotFoundException("Workflow " + id
                + " records no business amounts"));
    }

    @PutMapping("/api/v1/workflows/{id}/amounts")
    AmountSettings put(@PathVariable UUID id, @RequestBody BusinessAmountService.AmountInput input) {
        return amounts.save(id, input);
    }

    @DeleteMapping("/api/v1/workflows/{id}/amounts")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        amounts.remove(id);
    }
}
