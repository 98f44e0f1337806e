package dev.junction.engine.runs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything one finished task changes, committed by the {@link RunStore} in one transaction: the step's record, the
 * tasks that follow, and one {@link Effect} on the run besides (none: {@link Continue}).
 */
public record Transition(StepRecord step, List<NextTask> next, Effect effect) {

    public Transition {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(effect, "effect");
        next = List.copyOf(next);
    }

    /** The tasks that follow, and nothing else. */
    public static Transition onward(StepRecord step, List<NextTask> next) {
        return new Transition(step, next, Continue.INSTANCE);
    }

    /**
     * The one chaining rule: whether this task's row may become one of the tasks that follow, still leased to the
     * same worker, so that it goes straight on with it (in the completing transaction, or in the same turn when
     * what its step sees is known, see {@link RunState#after}). Not when the task is due again, waits for a
     * subflow's run, or ended the run; not when nothing follows.
     */
    public boolean chainable() {
        return !next.isEmpty() && switch (effect) {
            case Continue c -> true;
            case ItemEnd end -> true;
            case ForEachStart start -> true;
            case Reschedule again -> false;
            case ChildStart child -> false;
            case RunEnd end -> false;
        };
    }

    /** Whether the step's output is kept under its idempotency key too (a succeeded step that has one). */
    public boolean remembersOutput() {
        return step.status() == StepStatus.SUCCEEDED && step.idempotencyKey() != null;
    }

    /** The reschedule, if that is this transition's effect (else null). */
    public Reschedule reschedule() {
        return effect instanceof Reschedule again ? again : null;
    }

    /** The forEach start, if that is this transition's effect (else null). */
    public ForEachStart forEachStart() {
        return effect instanceof ForEachStart start ? start : null;
    }

    /** The item's end, if that is this transition's effect (else null). */
    public ItemEnd itemEnd() {
        return effect instanceof ItemEnd end ? end : null;
    }

    /** The subflow's start, if that is this transition's effect (else null). */
    public ChildStart childStart() {
        return effect instanceof ChildStart child ? child : null;
    }

    /** The run's end, if that is this transition's effect (else null). */
    public RunEnd runEnd() {
        return effect instanceof RunEnd end ? end : null;
    }

    /** What a finished task changes in its run besides its step's record and the tasks that follow. */
    public sealed interface Effect permits Continue, Reschedule, ForEachStart, ItemEnd, ChildStart, RunEnd {
    }

    /** Nothing besides: the run goes on with the tasks that follow (or settles when none are left). */
    public enum Continue implements Effect {
        INSTANCE
    }

    /**
     * This task runs again at {@code dueAt} as {@code kind} (a retry: EXECUTE with the next attempt number; a wait
     * for a rate limit: EXECUTE with the same one), with {@code resumeValue} stored for it (null: none) and the
     * step's retry budget ending at {@code retryDeadline} (null when no failure started it).
     */
    public record Reschedule(Instant dueAt, int attempt, TaskKind kind, Object resumeValue, Instant retryDeadline)
            implements Effect {

        public Reschedule(Instant dueAt, int attempt, TaskKind kind) {
            this(dueAt, attempt, kind, null, null);
        }
    }

    /**
     * A forEach starts its items: each item runs {@code bodyEntries} with {@code vars.item}; once every item has
     * ended, the forEach's output is the list of the items' results and {@code doneEntries} run.
     */
    public record ForEachStart(String forEachId, List<Object> items, int concurrency, List<String> bodyEntries,
                               List<String> doneEntries) implements Effect {
    }

    /** A path of a forEach item ended with {@code result} (the item ends when none of its tasks remain). */
    public record ItemEnd(String forEachId, int itemIndex, Object result) implements Effect {
    }

    /** A subflow starts a run of {@code workflowId}'s version; this task waits until that run ends. */
    public record ChildStart(UUID workflowId, int version, Object input, List<String> firstNodes) implements Effect {
    }

    /** The run ends now with this status (dead-lettered by a step that failed for good). */
    public record RunEnd(RunStatus status, StepError error) implements Effect {
    }
}
