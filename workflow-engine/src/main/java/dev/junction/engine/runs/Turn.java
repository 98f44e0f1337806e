package dev.junction.engine.runs;

import dev.junction.engine.definition.NodeType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The steps a worker has run on one task row since its last commit, to be committed together. A turn holds at most
 * one step with effects outside its run (a connector call, a notification, …); the others are pure: they compute
 * their output from what they see of the run alone, so running them again after a crash gives the same output, and
 * the effectful step's idempotency key (run, node, item) is the same on every attempt. A crash before the turn's
 * commit therefore re-runs the whole turn with no effect beyond what one attempt of its effectful step may have.
 */
final class Turn {

    /** Node types whose steps have no effect outside their run. */
    static final Set<NodeType> PURE = EnumSet.of(NodeType.MAP, NodeType.BRANCH, NodeType.SCRIPT);

    private final List<RunStore.FinishedStep> steps = new ArrayList<>();
    private boolean effectful;

    void add(ClaimedTask task, Transition transition, NodeType type) {
        steps.add(new RunStore.FinishedStep(task, transition));
        effectful |= !isPure(type);
    }

    /** Whether a step of this type may still join the turn (the turn would hold at most one effectful step). */
    boolean admits(NodeType type) {
        return !effectful || isPure(type);
    }

    List<RunStore.FinishedStep> steps() {
        return List.copyOf(steps);
    }

    static boolean isPure(NodeType type) {
        return type != null && PURE.contains(type);
    }
}
