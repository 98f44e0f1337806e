package dev.junction.backend.metrics;

import dev.junction.db.rollups.RunRollups;
import dev.junction.engine.runs.ErrorCategory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Run metrics on {@code /actuator/prometheus}, counted from the run endings this node folds into the rollups (every
 * ending is folded once, by one node, and nothing is added to the run path): sum over the nodes for the cluster's
 * figures. Tags are the workflow id (never a business key), the ending status and the error category, so the
 * number of series stays at workflows × statuses (+ categories).
 * <ul>
 *   <li>{@code junction_runs_ended_total{workflow,status}}</li>
 *   <li>{@code junction_run_failures_total{workflow,category}} (failed and dead-lettered runs)</li>
 *   <li>{@code junction_run_duration_seconds{workflow}} (a histogram; cancelled runs left out)</li>
 * </ul>
 * Designer test runs are not counted (they have no ending).
 */
@Component
class RunMetrics {

    private final MeterRegistry meters;

    RunMetrics(MeterRegistry meters, RunRollups rollups) {
        this.meters = meters;
        rollups.onFolded(this::count);
    }

    private void count(List<RunRollups.FoldedEnding> endings) {
        for (RunRollups.FoldedEnding ending : endings) {
            String workflow = ending.workflowId().toString();
            Counter.builder("junction.runs.ended").description("Runs ended, by workflow and ending status")
                    .tag("workflow", workflow).tag("status", ending.status()).register(meters).increment();
            if (ending.status().equals("failed") || ending.status().equals("dead_lettered")) {
                ErrorCategory category = ErrorCategory.of(ending.errorClass());
                Counter.builder("junction.run.failures").description("Failed and dead-lettered runs, by category")
                        .tag("workflow", workflow)
                        .tag("category", (category == null ? ErrorCategory.OTHER : category).jsonName())
                        .register(meters).increment();
            }
            if (!ending.status().equals("cancelled")) {
                Timer.builder("junction.run.duration").description("Run duration from start to end")
                        .tag("workflow", workflow).publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofHours(1))
                        .register(meters).record(Duration.ofMillis(ending.durationMs()));
            }
        }
    }
}
