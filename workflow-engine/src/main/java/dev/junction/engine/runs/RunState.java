package dev.junction.engine.runs;

import java.util.Map;
import java.util.UUID;

/**
 * What a step sees of its run: the trigger's payload, the latest output of each node that has run (for a forEach
 * body: the item's own outputs over the run's), and the run's variables ({@code item} and {@code index} inside a
 * forEach body). {@code soleTask}: the step's task was its run's only task when this was read. {@code stopAfterNode}:
 * the node a "run to here" test run stops after (its definition is then {@link
 * dev.junction.engine.definition.RunToHere#restrict cut down} to what leads there), null for a whole run.
 */
public record RunState(UUID runId, String businessKey, Object trigger, Map<String, Object> outputs,
                       Map<String, Object> vars, boolean soleTask, String stopAfterNode) {

    public RunState {
        outputs = outputs == null ? Map.of() : outputs;
        vars = vars == null ? Map.of() : vars;
    }

    /** The state of a run of the whole definition. */
    public RunState(UUID runId, String businessKey, Object trigger, Map<String, Object> outputs,
                    Map<String, Object> vars, boolean soleTask) {
        this(runId, businessKey, trigger, outputs, vars, soleTask, null);
    }
}
