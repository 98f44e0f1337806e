package dev.junction.backend.payloads;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * {@code GET /api/v1/runs/{runId}/steps/{stepId}/input?page=1} (or {@code /output}): one page of a step's payload,
 * redacted ({@link StepPayloads}). Every signed-in user may read it, as they may read the run.
 */
@RestController
class StepPayloadController {

    private final StepPayloads payloads;

    StepPayloadController(StepPayloads payloads) {
        this.payloads = payloads;
    }

    @GetMapping("/api/v1/runs/{runId}/steps/{stepId}/{side}")
    PayloadPage page(@PathVariable UUID runId, @PathVariable long stepId, @PathVariable String side,
                     @RequestParam(defaultValue = "1") int page) {
        return payloads.page(runId, stepId, side, page);
    }
}
