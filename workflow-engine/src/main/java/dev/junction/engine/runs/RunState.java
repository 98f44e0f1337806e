package dev.junction.engine.runs;

import dev.junction.engine.json.PayloadJson;

import java.util.LinkedHashMap;
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

    /**
     * What the first step of a run just started sees, as the store would answer it: the input as read back from
     * JSON, no outputs or variables yet, its task the run's only one.
     */
    public static RunState ofNewRun(UUID runId, NewRun run) {
        return new RunState(runId, run.businessKey(), PayloadJson.normalized(run.input()), Map.of(), Map.of(), true,
                run.stopAfterNode());
    }

    /**
     * What the step that follows {@code transition} sees, without reading it again; null when that is not known:
     * known only while the step's task was its run's only one, the transition is {@linkplain Transition#chainable()
     * chainable} with exactly one task and no effect besides (no other task of the run can then have added outputs).
     */
    public static RunState after(RunState state, Transition transition) {
        if (!state.soleTask() || !transition.chainable() || transition.next().size() != 1
                || !(transition.effect() instanceof Transition.Continue)) {
            return null;
        }
        StepRecord step = transition.step();
        Map<String, Object> outputs = new LinkedHashMap<>(state.outputs());
        if (step.output() != null) {
            outputs.put(step.nodeId(), step.output());
        }
        return new RunState(state.runId(), state.businessKey(), state.trigger(), outputs, state.vars(), true,
                state.stopAfterNode());
    }
}
