package dev.junction.backend.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A condition that remembers something between evaluations (e.g. the last failed run it has seen), kept in
 * {@code alert_rules.evaluation_state} and written in the transaction that applies its findings, and that may count
 * more than one occurrence of a finding per evaluation (five failures seen at once are five occurrences).
 */
public interface StatefulAlertCondition extends AlertCondition {

    AlertEvaluation evaluate(AlertScope scope, Map<String, Object> parameters, AlertMemory memory, Instant now);

    /** The same within an evaluation cycle, sharing its reads (see {@link CycleReads}). */
    default AlertEvaluation evaluate(AlertScope scope, Map<String, Object> parameters, AlertMemory memory,
                                     Instant now, CycleReads reads) {
        return evaluate(scope, parameters, memory, now);
    }

    /** A stateless look: as if the rule had just been created now. */
    @Override
    default List<AlertFinding> evaluate(AlertScope scope, Map<String, Object> parameters, Instant now) {
        return evaluate(scope, parameters, new AlertMemory(now, Map.of()), now).findings();
    }
}
