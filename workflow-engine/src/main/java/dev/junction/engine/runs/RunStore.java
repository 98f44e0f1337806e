package dev.junction.engine.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where runs live (a port: the database answers it). Tasks are claimed under a lease; a lease that expires hands
 * the task to another worker, and a completion by a worker that no longer holds the lease changes nothing.
 */
public interface RunStore {

    /** Creates runs and their first tasks in one transaction; answers their ids in order. */
    default List<UUID> start(List<NewRun> runs) {
        return start(runs, null);
    }

    /**
     * Creates runs and their first tasks and moves a polling trigger's cursor, in one transaction, so that a crash
     * neither skips nor repeats records. Refused with {@link CursorMovedException} (nothing created) when the
     * cursor is no longer {@code cursor.expected()}: another node polled in between.
     */
    List<UUID> start(List<NewRun> runs, PollCursor cursor);

    /**
     * Creates one run, its only first task already leased to {@code leaseOwner}, in one transaction; answers that
     * task. For handing a new run straight to a worker of this process, which saves the trip to the queue.
     *
     * @throws IllegalArgumentException when the run does not have exactly one first node
     */
    ClaimedTask startLeased(NewRun run, String leaseOwner, Duration lease);

    /**
     * Starts several runs, each with exactly one first node, in one transaction (group commit of intake): the
     * {@linkplain Intake#handed() handed} ones with their first task leased to {@code leaseOwner} for {@code lease},
     * the others queued. All or nothing: when it throws, none of them was started. Answers in the order given.
     *
     * @throws IllegalArgumentException when a run does not have exactly one first node
     */
    List<Started> startGroup(List<Intake> runs, String leaseOwner, Duration lease);

    /** One run of a group start: handed to a worker of this process, or queued. */
    record Intake(NewRun run, boolean handed) {
    }

    /** One run a group start started: its id, and its first task when it was handed (else null). */
    record Started(UUID runId, ClaimedTask task) {
    }

    /** Claims the most overdue due task for {@code workerId}, leased for {@code lease}; empty when none is due. */
    Optional<ClaimedTask> claim(String workerId, Duration lease);

    /** What the task's step sees of its run. */
    RunState load(ClaimedTask task);

    /** The output a step with this idempotency key already produced, if one did. */
    Optional<IdempotentOutput> idempotentOutput(String idempotencyKey);

    /**
     * Commits everything the finished task changes, in one transaction. Refused ({@code accepted} false), changing
     * nothing, when the worker no longer holds the task's lease (it expired and another worker took it, or the run
     * was cancelled). With a {@code chainLease}, one of the tasks that follow is claimed for the same worker in the
     * same transaction (a run's next step then starts without another trip to the queue).
     */
    default Completion complete(ClaimedTask task, Transition transition, Duration chainLease) {
        return complete(List.of(new FinishedStep(task, transition)), chainLease);
    }

    /**
     * Commits the steps of one worker's turn in one transaction, as {@link #complete(ClaimedTask, Transition,
     * Duration)} does for one: each step but the last was followed by exactly one task, the next one's, which the
     * worker ran at once on the same task row (see {@link RunWorker}); what follows the last step is committed as
     * for a single step. Refused, changing nothing, when the worker no longer holds the row's lease.
     */
    Completion complete(List<FinishedStep> turn, Duration chainLease);

    /** A step a worker ran and what it changes in its run. */
    record FinishedStep(ClaimedTask task, Transition transition) {
    }

    /** What a completion came to; {@code next} is the task claimed for the same worker, if any. */
    record Completion(boolean accepted, ClaimedTask next) {

        public static final Completion REFUSED = new Completion(false, null);
    }

    /**
     * Gives the task back, due again at {@code dueAt}, as it was claimed (same node, attempt and kind; no step
     * record): for a step that could not run because the platform's own infrastructure was unavailable. Changes
     * nothing (answers false) when the worker no longer holds the task's lease.
     */
    boolean postpone(ClaimedTask task, Instant dueAt);

    /** Gives back every task these workers hold, due at once, for other workers (on shutdown). */
    int release(List<String> workerIds);

    /** A polling trigger's position: from {@code expected} (null before the first poll) to {@code next}. */
    record PollCursor(java.util.UUID workflowId, String expected, String next) {
    }

    /** Another node moved the cursor first. */
    final class CursorMovedException extends RuntimeException {
        public CursorMovedException(String message) {
            super(message);
        }
    }

    /** An output remembered under an idempotency key (null is a possible output). */
    record IdempotentOutput(Object output) {
    }
}
