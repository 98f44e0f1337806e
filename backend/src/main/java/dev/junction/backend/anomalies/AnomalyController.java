package dev.junction.backend.anomalies;

import dev.junction.backend.api.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.junction.engine.anomalies.AnomalyMetric;
import dev.junction.engine.anomalies.HourOfWeekBaseline;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.UUID;

/**
 * The anomaly flags now, over REST: of every workflow, or of one ({@code ?workflow=<id>}); and the hour-of-week
 * baseline of one workflow's metric ({@code /baseline?workflow=<id>&metric=<metric>}).
 */
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

    /**
     * The hour-of-week baseline of one workflow's metric over the latest 168 hours: each hour's median, usual band
     * and actual value (null where there is none), whether it lies in the metric's current flag, and that flag's
     * sentence.
     */
    @GetMapping("/api/v1/anomalies/baseline")
    BaselineJson baseline(@RequestParam(required = false) String workflow,
                          @RequestParam(required = false) String metric) {
        UUID id = workflowId(workflow);
        if (id == null) {
            throw new InvalidInputException("workflow", "is required: a workflow id (a UUID)");
        }
        AnomalyMetric chosen = metric == null ? null : AnomalyMetric.fromJson(metric.strip());
        if (chosen == null) {
            throw new InvalidInputException("metric", "must be one of " + Arrays.stream(AnomalyMetric.values())
                    .map(AnomalyMetric::jsonName).collect(Collectors.joining(", ")));
        }
        return BaselineJson.of(anomalies.baseline(id, chosen));
    }

    /** {@link BaselineView} as JSON: lists of 168, values null where there is none. */
    record BaselineJson(UUID workflowId, String workflowName, String metric, String currency, List<Instant> hours,
                        List<Double> median, List<Double> low, List<Double> high, List<Double> actual,
                        List<Boolean> flagged, String sentence) {

        static BaselineJson of(BaselineView view) {
            HourOfWeekBaseline baseline = view.baseline();
            return new BaselineJson(view.workflowId(), view.workflowName(), baseline.metric().jsonName(),
                    baseline.currency(), baseline.hourStarts(), list(baseline.median()), list(baseline.low()),
                    list(baseline.high()), list(baseline.actual()),
                    IntStream.range(0, baseline.hourStarts().size()).mapToObj(view::flagged).toList(),
                    view.flag() == null ? null : view.flag().sentence());
        }

        private static List<Double> list(double[] values) {
            return Arrays.stream(values).mapToObj(value -> Double.isNaN(value) ? null : value).toList();
        }
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
