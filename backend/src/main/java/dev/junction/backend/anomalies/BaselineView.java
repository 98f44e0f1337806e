package dev.junction.backend.anomalies;

import dev.junction.engine.anomalies.HourOfWeekBaseline;

import java.time.Instant;
import java.util.UUID;

/**
 * What the baseline view of a workflow's metric shows: the 168 hours of the week (median and band of the baseline
 * weeks, and the latest week's actuals) and the metric's current flag (null when it has none).
 */
public record BaselineView(UUID workflowId, String workflowName, HourOfWeekBaseline baseline, WorkflowAnomaly flag) {

    /** Whether hour {@code index} of the baseline lies in the flag's window. */
    public boolean flagged(int index) {
        if (flag == null) {
            return false;
        }
        Instant start = baseline.hourStarts().get(index);
        return !start.isBefore(flag.from()) && start.isBefore(flag.to());
    }
}
