package dev.junction.backend.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One kind of alert rule condition ("a run failed", "failure rate over X %", "an anomaly"…): its description and its
 * evaluation. Every condition kind is a Spring bean; the alert evaluator finds them all, the rule form renders each
 * kind's parameters from {@link #parametersSchema()} (the same JSON Schema the server checks a rule against).
 */
public interface AlertCondition {

    /** The kind's name in rules and the API, e.g. {@code run_failed}, {@code anomaly}. */
    String kind();

    /** The kind for people, e.g. "A run failed". */
    String title();

    /** A JSON Schema (type object, properties in order) of the rule's parameters for this kind. */
    Map<String, Object> parametersSchema();

    /**
     * What holds now for a rule of this kind with these (already validated) parameters within {@code scope}: one
     * finding per distinct thing to alert on (its fingerprint deduplicates repeated firings). Empty when the
     * condition is clear — an alert whose fingerprint is no longer found resolves itself.
     */
    List<AlertFinding> evaluate(AlertScope scope, Map<String, Object> parameters, Instant now);

    /**
     * The same within an evaluation cycle: a kind that reads for all its rules at once takes what it needs from
     * {@code reads} (read there once per cycle) instead of reading for this rule alone.
     */
    default List<AlertFinding> evaluate(AlertScope scope, Map<String, Object> parameters, Instant now,
                                        CycleReads reads) {
        return evaluate(scope, parameters, now);
    }
}
