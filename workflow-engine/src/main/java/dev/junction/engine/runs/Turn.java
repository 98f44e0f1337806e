package dev.junction.engine.runs;

import dev.junction.engine.nodes.NodeKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps a worker has run on one task row since its last commit, to be committed together. A turn holds at most
 * one step with effects outside its run (a connector call, a notification, …); the others are pure: they compute
 * their output from what they see of the run alone, so running them again after a crash gives the same output, and
 * the effectful step's idempotency key (run, node, item) is the same on every attempt. A crash before the turn's
 * commit therefore re-runs the whole turn with no effect beyond what one attempt of its effectful step may have.
 */
final class Turn {

    private final List<RunStore.FinishedStep> steps = new ArrayList<>();
    private boolean effectful;

    void add(ClaimedTask task, Transition transition, NodeKind kind) {
        steps.add(new RunStore.FinishedStep(task, transition));
        effectful |= !isPure(kind);
    }

    /** Whether a step of this kind may still join the turn (the turn would hold at most one effectful step). */
    boolean admits(NodeKind kind) {
        return !effectful || isPure(kind);
    }

    List<RunStore.FinishedStep> steps() {
        return List.copyOf(steps);
    }

    /** Whether steps of this kind have no effect outside their run (null: a node that cannot be found). */
    static boolean isPure(NodeKind kind) {
        return kind != null && !kind.sideEffects();
    }
}
