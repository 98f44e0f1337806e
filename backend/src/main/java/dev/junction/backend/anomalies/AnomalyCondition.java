package dev.junction.backend.anomalies;

import dev.junction.backend.alerts.AlertCondition;
import dev.junction.backend.alerts.AlertFinding;
import dev.junction.backend.alerts.AlertScope;
import dev.junction.backend.alerts.CycleReads;
import dev.junction.backend.alerts.ScopedWorkflows;
import dev.junction.engine.anomalies.AnomalyMetric;
import dev.junction.engine.anomalies.AnomalySettings;
import dev.junction.engine.schema.Schemas;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code anomaly} alert condition: a workflow's volume, failure rate, p95 duration or business amounts (order
 * value, refund share, settlement fees) are outside their usual range
 * for this hour of the week ({@link AnomalyService}). One finding per workflow, metric and direction (its
 * fingerprint), worded as the flag's sentence; it clears (and the alert resolves) when the flag does. Parameters:
 * the metric ({@code any} by default), the sensitivity (how many robust deviations make an anomaly: normal the tuned
 * default k, high ¾ of it, low 1½ times it) and the hours a drop or spike must last at least. A rule watches the
 * workflows of its scope ({@link ScopedWorkflows}): one workflow, those carrying a tag, those whose published version
 * uses a connection, or every workflow.
 */
@Component
class AnomalyCondition implements AlertCondition {

    static final String KIND = "anomaly";

    private final AnomalyService anomalies;
    private final ScopedWorkflows workflows;

    AnomalyCondition(AnomalyService anomalies, ScopedWorkflows workflows) {
        this.anomalies = anomalies;
        this.workflows = workflows;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String title() {
        return "An anomaly: volume, failure rate, duration or amounts unusual for the hour of the week";
    }

    @Override
    public Map<String, Object> parametersSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("type", "string");
        metric.put("title", "Metric");
        metric.put("description", "What to watch: any, runs per hour, failure rate, p95 duration, or a business"
                + " amount (order value, refund share, settlement fees: the workflow must record amounts)");
        metric.put("enum", List.of("any", "volume", "failure_rate", "p95_duration", "order_value", "refund_share",
                "settlement_fees"));
        metric.put(Schemas.ENUM_NAMES, List.of("Any metric", "Runs per hour", "Failure rate",
                "95th percentile duration", "Order value", "Refund share", "Settlement fees"));
        metric.put("default", "any");
        properties.put("metric", metric);
        properties.put("sensitivity", Map.of("type", "string", "title", "Sensitivity",
                "description", "high flags smaller deviations (more alerts), low only large ones",
                "enum", List.of("low", "normal", "high"), "default", "normal",
                "x-enumNames", List.of("Low: only large deviations", "Normal", "High: smaller deviations, more"
                        + " alerts")));
        properties.put("minHours", Map.of("type", "integer", "title", "Minimum hours",
                "description", "How many hours a drop or spike must last before it is flagged",
                "minimum", 1, "maximum", 12, "default", AnomalySettings.DEFAULTS.minHours()));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("additionalProperties", false);
        return schema;
    }

    @Override
    public List<AlertFinding> evaluate(AlertScope scope, Map<String, Object> parameters, Instant now) {
        Optional<Map<UUID, String>> scoped = workflows.of(scope);
        return anomalies.flags(scope.workflowId(), settings(parameters), metrics(parameters), now).stream()
                .filter(flag -> scoped.isEmpty() || scoped.get().containsKey(flag.workflowId()))
                .map(AnomalyCondition::finding).toList();
    }

    /**
     * Within an evaluation cycle: the flags of every workflow are computed once per settings (sensitivity, minimum
     * hours) for all anomaly rules — one read of the rollups instead of one per workflow-scoped rule — and each rule
     * keeps its workflow's flags of its metrics.
     */
    @Override
    public List<AlertFinding> evaluate(AlertScope scope, Map<String, Object> parameters, Instant now,
                                       CycleReads reads) {
        Optional<Map<UUID, String>> scoped = workflows.of(scope, reads);
        AnomalySettings settings = settings(parameters);
        EnumSet<AnomalyMetric> metrics = metrics(parameters);
        List<WorkflowAnomaly> all = reads.once(new EveryWorkflow(settings),
                () -> anomalies.flags(null, settings, EnumSet.allOf(AnomalyMetric.class), now));
        return all.stream().filter(flag -> scoped.isEmpty() || scoped.get().containsKey(flag.workflowId()))
                .filter(flag -> metrics.contains(AnomalyMetric.fromJson(flag.metric())))
                .map(AnomalyCondition::finding).toList();
    }

    /** The key of one cycle's flags of every workflow judged with these settings. */
    private record EveryWorkflow(AnomalySettings settings) {
    }

    static AnomalySettings settings(Map<String, Object> parameters) {
        AnomalySettings settings = AnomalySettings.DEFAULTS;
        settings = switch (String.valueOf(parameters.getOrDefault("sensitivity", "normal"))) {
            case "high" -> settings.withK(settings.k() * 0.75);
            case "low" -> settings.withK(settings.k() * 1.5);
            default -> settings;
        };
        if (parameters.get("minHours") instanceof Number hours) {
            settings = settings.withMinHours(Math.clamp(hours.intValue(), 1, 12));
        }
        return settings;
    }

    private static EnumSet<AnomalyMetric> metrics(Map<String, Object> parameters) {
        AnomalyMetric metric = AnomalyMetric.fromJson(String.valueOf(parameters.getOrDefault("metric", "any")));
        return metric == null ? EnumSet.allOf(AnomalyMetric.class) : EnumSet.of(metric);
    }

    private static AlertFinding finding(WorkflowAnomaly flag) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("workflowId", flag.workflowId().toString());
        details.put("workflowName", flag.workflowName());
        details.put("metric", flag.metric());
        details.put("kind", flag.kind());
        details.put("direction", flag.direction());
        details.put("severity", flag.severity());
        details.put("windowHours", flag.windowHours());
        details.put("from", flag.from().toString());
        details.put("to", flag.to().toString());
        details.put("observed", flag.observed());
        details.put("usualLow", flag.usualLow());
        details.put("usualHigh", flag.usualHigh());
        return new AlertFinding(flag.fingerprint(), flag.sentence(), flag.runsLink(), details);
    }
}
