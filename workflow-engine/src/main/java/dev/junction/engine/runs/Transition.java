package dev.junction.engine.runs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything one finished task changes, committed by the {@link RunStore} in one transaction: the step's record, the
 * tasks that follow, and at most one of: this task due again later, a forEach's items started, a forEach item ended,
 * a subflow's run started, the run ended on an error.
 */
public record Transition(StepRecord step, List<NextTask> next, Reschedule reschedule, ForEachStart forEachStart,
                         ItemEnd itemEnd, ChildStart childStart, RunEnd runEnd, boolean rememberIdempotent) {

    public Transition {
        Objects.requireNonNull(step, "step");
        next = List.copyOf(next);
    }

    /**
     * This task runs again at {@code dueAt} as {@code kind} (a retry: EXECUTE with the next attempt number; a wait
     * for a rate limit: EXECUTE with the same one), with {@code resumeValue} stored for it (null: none) and the
     * step's retry budget ending at {@code retryDeadline} (null when no failure started it).
     */
    public record Reschedule(Instant dueAt, int attempt, TaskKind kind, Object resumeValue, Instant retryDeadline) {

        public Reschedule(Instant dueAt, int attempt, TaskKind kind) {
            this(dueAt, attempt, kind, null, null);
        }
    }

    /**
     * A forEach starts its items: each item runs {@code bodyEntries} with {@code vars.item}; once every item has
     * ended, the forEach's output is the list of the items' results and {@code doneEntries} run.
     */
    public record ForEachStart(String forEachId, List<Object> items, int concurrency, List<String> bodyEntries,
                               List<String> doneEntries) {
    }

    /** A path of a forEach item ended with {@code result} (the item ends when none of its tasks remain). */
    public record ItemEnd(String forEachId, int itemIndex, Object result) {
    }

    /** A subflow starts a run of {@code workflowId}'s version; this task waits until that run ends. */
    public record ChildStart(UUID workflowId, int version, Object input, List<String> firstNodes) {
    }

    /** The run ends now with this status (dead-lettered by a step that failed for good). */
    public record RunEnd(RunStatus status, StepError error) {
    }
}
