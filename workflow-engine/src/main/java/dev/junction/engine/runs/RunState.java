package dev.junction.engine.runs;

import java.util.Map;
import java.util.UUID;

/**
 * What a step sees of its run: the trigger's payload, the latest output of each node that has run (for a forEach
 * body: the item's own outputs over the run's), and the run's variables ({@code item} and {@code index} inside a
 * forEach body). {@code soleTask}: the step's task was its run's only task when this was read.
 */
public record RunState(UUID runId, String businessKey, Object trigger, Map<String, Object> outputs,
                       Map<String, Object> vars, boolean soleTask) {

    public RunState {
        outputs = outputs == null ? Map.of() : outputs;
        vars = vars == null ? Map.of() : vars;
    }
}
