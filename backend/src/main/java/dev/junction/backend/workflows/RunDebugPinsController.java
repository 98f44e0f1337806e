package dev.junction.backend.workflows;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** {@code POST /api/v1/runs/{id}/debug-pins}: "Debug in editor" over REST ({@link RunDebugPins}). */
@RestController
class RunDebugPinsController {

    private final RunDebugPins pins;

    RunDebugPinsController(RunDebugPins pins) {
        this.pins = pins;
    }

    @PostMapping("/api/v1/runs/{id}/debug-pins")
    RunDebugPins.Pinned pin(@PathVariable UUID id) {
        return pins.pinRun(id);
    }
}
