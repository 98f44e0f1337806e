package dev.junction.db.runs;

import dev.junction.engine.runs.NextTask;
import dev.junction.engine.runs.RunStatus;
import dev.junction.db.schema.tables.records.RunsRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static dev.junction.db.schema.Tables.FOR_EACH_PROGRESS;
import static dev.junction.db.schema.Tables.RUNS;
import static dev.junction.db.schema.Tables.STEPS;
import static dev.junction.db.schema.Tables.STEP_TASKS;

/** What people do to runs: cancel one, and replay a dead-lettered or failed one. */
public class RunControl {

    private static final Set<String> CANCELLABLE = Set.of(RunStatus.QUEUED.jsonName(), RunStatus.RUNNING.jsonName(),
            RunStatus.WAITING.jsonName());
    private static final Set<String> REPLAYABLE = Set.of(RunStatus.DEAD_LETTERED.jsonName(),
            RunStatus.FAILED.jsonName());

    private final DSLContext db;

    public RunControl(DSLContext db) {
        this.db = db;
    }

    /** What a cancel or a replay came to. */
    public sealed interface Outcome {
        record Done(String status) implements Outcome {
        }

        record NotFound() implements Outcome {
        }

        /** The run's status does not allow it; the message says why. */
        record Refused(String status, String message) implements Outcome {
        }
    }

    /** Where a replay starts, decided from the run (its workflow, version and failed step). */
    public record ReplayPlan(int version, List<NextTask> tasks, boolean newGeneration) {
    }

    /** The facts a replay plan is made from. */
    public record ReplayableRun(UUID id, UUID workflowId, int version, String failedNodeId, String failedForEachId,
                                String stopAfterNode) {
    }

    /** Cancels a queued, running or waiting run: its pending steps are dropped; a step in flight is discarded. */
    public Outcome cancel(UUID runId) {
        return db.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            RunsRecord run = tx.selectFrom(RUNS).where(RUNS.ID.eq(runId)).forUpdate().fetchOne();
            if (run == null) {
                return new Outcome.NotFound();
            }
            if (!CANCELLABLE.contains(run.getStatus())) {
                return new Outcome.Refused(run.getStatus(), "only a queued, running or waiting run can be cancelled;"
                        + " this one is " + run.getStatus());
            }
            tx.deleteFrom(STEP_TASKS).where(STEP_TASKS.RUN_ID.eq(runId)).execute();
            RunEnding.finish(tx, runId, RunStatus.CANCELLED, null, null);
            return new Outcome.Done(RunStatus.CANCELLED.jsonName());
        });
    }

    /**
     * Replays a dead-lettered or failed run in place (same run id, so idempotency keys stay those of its steps):
     * {@code planner} turns the run into the version and first tasks of the replay, or answers empty with nothing to
     * replay on (a message in {@code refusal}).
     */
    public Outcome replay(UUID runId, Function<ReplayableRun, Optional<ReplayPlan>> planner, String refusal) {
        return replay(runId, planner, refusal, null);
    }

    /**
     * As {@link #replay(UUID, Function, String)}, with the replay's first steps due at {@code dueAt} (null: now): a
     * bulk replay spaces its runs out this way to keep to its rate limit.
     */
    public Outcome replay(UUID runId, Function<ReplayableRun, Optional<ReplayPlan>> planner, String refusal,
                          OffsetDateTime dueAt) {
        return db.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            RunsRecord run = tx.selectFrom(RUNS).where(RUNS.ID.eq(runId)).forUpdate().fetchOne();
            if (run == null) {
                return new Outcome.NotFound();
            }
            if (!REPLAYABLE.contains(run.getStatus())) {
                return new Outcome.Refused(run.getStatus(), "only a dead-lettered or failed run can be replayed;"
                        + " this one is " + run.getStatus());
            }
            Optional<ReplayPlan> plan = planner.apply(new ReplayableRun(run.getId(), run.getWorkflowId(),
                    run.getWorkflowVersion(), run.getFailedNodeId(), run.getFailedForEachId(), run.getStopAfterNode()));
            if (plan.isEmpty() || plan.get().tasks().isEmpty()) {
                return new Outcome.Refused(run.getStatus(), refusal);
            }
            int generation = run.getGeneration() + (plan.get().newGeneration() ? 1 : 0);
            if (plan.get().newGeneration()) {
                tx.deleteFrom(FOR_EACH_PROGRESS).where(FOR_EACH_PROGRESS.RUN_ID.eq(runId)).execute();
            }
            tx.update(RUNS)
                    .set(RUNS.STATUS, RunStatus.QUEUED.jsonName())
                    .set(RUNS.WORKFLOW_VERSION, plan.get().version())
                    .set(RUNS.GENERATION, generation)
                    .set(RUNS.REPLAYS, RUNS.REPLAYS.plus(1))
                    .setNull(RUNS.ERROR_CLASS).setNull(RUNS.ERROR_MESSAGE)
                    .setNull(RUNS.FAILED_NODE_ID).setNull(RUNS.FAILED_FOR_EACH_ID).setNull(RUNS.FAILED_ITEM_INDEX)
                    .setNull(RUNS.OUTPUT).setNull(RUNS.OUTPUT_REF).setNull(RUNS.FINISHED_AT)
                    // the replay's own duration counts from when a worker takes it up (the run's creation stays)
                    .setNull(RUNS.STARTED_AT)
                    .set(RUNS.UPDATED_AT, DSL.currentOffsetDateTime())
                    .where(RUNS.ID.eq(runId)).execute();
            var insert = tx.insertInto(STEP_TASKS, STEP_TASKS.RUN_ID, STEP_TASKS.NODE_ID, STEP_TASKS.FOR_EACH_ID,
                    STEP_TASKS.ITEM_INDEX, STEP_TASKS.ATTEMPTS_BEFORE, STEP_TASKS.DUE_AT);
            OffsetDateTime due = dueAt != null ? dueAt : tx.select(DSL.currentOffsetDateTime()).fetchOne(0,
                    OffsetDateTime.class);
            for (NextTask task : plan.get().tasks()) {
                // in the same generation the step's attempts number on from those it had; a new generation starts
                // its steps afresh
                int before = plan.get().newGeneration() ? 0 : attemptsSoFar(tx, runId, generation, task);
                insert = insert.values(runId, task.nodeId(), task.forEachId(), task.itemIndex(), before, due);
            }
            insert.onConflictDoNothing().execute();
            return new Outcome.Done(RunStatus.QUEUED.jsonName());
        });
    }

    /** The highest attempt number the step of {@code task} has in the run's generation (0 when none). */
    private static int attemptsSoFar(DSLContext tx, UUID runId, int generation, NextTask task) {
        Integer highest = tx.select(DSL.max(STEPS.ATTEMPT)).from(STEPS)
                .where(STEPS.RUN_ID.eq(runId), STEPS.GENERATION.eq(generation), STEPS.NODE_ID.eq(task.nodeId()),
                        STEPS.FOR_EACH_ID.isNotDistinctFrom(task.forEachId()),
                        STEPS.ITEM_INDEX.isNotDistinctFrom(task.itemIndex()))
                .fetchOne(0, Integer.class);
        return highest == null ? 0 : highest;
    }
}
