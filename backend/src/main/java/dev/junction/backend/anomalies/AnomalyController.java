package dev.junction.backend.anomalies;

import dev.junction.backend.api.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The anomaly flags now, over REST: of every workflow, or of one ({@code ?workflow=<id>}). */
@RestController
class AnomalyController {

    private final AnomalyService anomalies;

    AnomalyController(AnomalyService anomalies) {
        this.anomalies = anomalies;
    }

    @GetMapping("/api/v1/anomalies")
    List<WorkflowAnomaly> list(@RequestParam(required = false) String workflow) {
        return anomalies.current(workflowId(workflow));
    }

    private static UUID workflowId(String workflow) {
        if (workflow == null || workflow.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(workflow.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("workflow", "must be a workflow id (a UUID)");
        }
    }
}
