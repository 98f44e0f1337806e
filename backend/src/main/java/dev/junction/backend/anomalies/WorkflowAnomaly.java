package dev.junction.backend.anomalies;

import java.time.Instant;
import java.util.UUID;

/**
 * An anomaly flag of one workflow, as the API and the UI show it: the metric ({@code volume}, {@code failure_rate},
 * {@code p95_duration}), its kind ({@code drop}, {@code spike}, {@code drift}) and direction ({@code low},
 * {@code high}), {@code severity} ({@code warning}, {@code critical}), the window [{@code from}, {@code to}) of
 * {@code windowHours}, what was observed and the usual range (runs in the window; a share 0…1; ms), the sentence for
 * people, and {@code runsLink}: the runs list of that workflow and window (failed runs only for a failure rate).
 */
public record WorkflowAnomaly(UUID workflowId, String workflowName, String metric, String kind, String direction,
                              String severity, int windowHours, Instant from, Instant to, double observed,
                              double usualLow, double usualHigh, String sentence, String runsLink) {

    /** What an alert deduplicates this flag by: workflow, metric and direction. */
    public String fingerprint() {
        return "anomaly:" + workflowId + ":" + metric + ":" + direction;
    }
}
