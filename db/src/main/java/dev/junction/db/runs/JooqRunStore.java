package dev.junction.db.runs;

import dev.junction.engine.runs.ClaimedTask;
import dev.junction.engine.runs.NewRun;
import dev.junction.engine.runs.NextTask;
import dev.junction.engine.runs.PayloadJson;
import dev.junction.engine.runs.RunState;
import dev.junction.engine.runs.RunStatus;
import dev.junction.engine.runs.RunStore;
import dev.junction.engine.runs.StepError;
import dev.junction.engine.runs.StepRecord;
import dev.junction.engine.runs.StepStatus;
import dev.junction.engine.runs.TaskKind;
import dev.junction.engine.runs.Transition;
import dev.junction.db.schema.tables.records.ForEachProgressRecord;
import dev.junction.db.schema.tables.records.RunsRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.junction.db.schema.Tables.FOR_EACH_PROGRESS;
import static dev.junction.db.schema.Tables.IDEMPOTENCY_RECORDS;
import static dev.junction.db.schema.Tables.PAYLOADS;
import static dev.junction.db.schema.Tables.RUNS;
import static dev.junction.db.schema.Tables.STEPS;
import static dev.junction.db.schema.Tables.STEP_TASKS;
import static dev.junction.db.schema.Tables.WORKFLOW_TRIGGERS;

/**
 * The engine's {@link RunStore} on PostgreSQL. Workers claim due tasks with {@code FOR UPDATE SKIP LOCKED} under a
 * lease; a completion locks the run's row first (so that two workers finishing the last two tasks of one run agree
 * on its end), then checks that the worker still holds the task's lease, and commits the step's record with
 * everything that follows from it.
 */
public class JooqRunStore implements RunStore {

    private static final OffsetDateTime NEVER = OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);

    private final DSLContext db;

    public JooqRunStore(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<UUID> start(List<NewRun> runs, PollCursor cursor) {
        return db.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            if (cursor != null) {
                moveCursor(tx, cursor);
            }
            List<UUID> ids = new ArrayList<>(runs.size());
            for (NewRun run : runs) {
                ids.add(insertRun(tx, run, null, null));
            }
            return ids;
        });
    }

    private static void moveCursor(DSLContext tx, PollCursor cursor) {
        tx.insertInto(WORKFLOW_TRIGGERS).set(WORKFLOW_TRIGGERS.WORKFLOW_ID, cursor.workflowId())
                .onConflictDoNothing().execute();
        int moved = tx.update(WORKFLOW_TRIGGERS)
                .set(WORKFLOW_TRIGGERS.POLL_CURSOR, cursor.next())
                .set(WORKFLOW_TRIGGERS.POLLED_AT, DSL.currentOffsetDateTime())
                .where(WORKFLOW_TRIGGERS.WORKFLOW_ID.eq(cursor.workflowId()))
                .and(WORKFLOW_TRIGGERS.POLL_CURSOR.isNotDistinctFrom(cursor.expected()))
                .execute();
        if (moved != 1) {
            throw new CursorMovedException("the polling cursor of workflow " + cursor.workflowId()
                    + " is no longer '" + cursor.expected() + "': another node polled in between");
        }
    }

    private UUID insertRun(DSLContext tx, NewRun run, UUID parentRunId, Long parentTaskId) {
        UUID id = UUID.randomUUID();
        Payloads.Stored input = Payloads.store(tx, run.input());
        tx.insertInto(RUNS)
                .set(RUNS.ID, id)
                .set(RUNS.WORKFLOW_ID, run.workflowId())
                .set(RUNS.WORKFLOW_VERSION, run.version())
                .set(RUNS.TRIGGER_KIND, run.triggerKind())
                .set(RUNS.BUSINESS_KEY, run.businessKey())
                .set(RUNS.INPUT, input.inline())
                .set(RUNS.INPUT_REF, input.ref())
                .set(RUNS.INPUT_SIZE, input.size())
                .set(RUNS.PARENT_RUN_ID, parentRunId)
                .set(RUNS.PARENT_TASK_ID, parentTaskId)
                .execute();
        if (run.firstNodes().isEmpty()) {
            RunEnding.finish(tx, id, RunStatus.SUCCEEDED, run.input(), null);
        } else {
            insertTasks(tx, id, run.firstNodes().stream().map(NextTask::of).toList());
        }
        return id;
    }

    @Override
    public Optional<ClaimedTask> claim(String workerId, Duration lease) {
        return db.resultQuery("""
                        with claimed as (
                            update step_tasks set lease_owner = {0}, lease_until = now() + {1} * interval '1 millisecond',
                                   claims = claims + 1
                            where id = (select id from step_tasks
                                        where due_at <= now() and (lease_until is null or lease_until < now())
                                        order by due_at limit 1 for update skip locked)
                            returning id, run_id, node_id, for_each_id, item_index, attempt, kind, resume_value
                        ), started as (
                            update runs set status = 'running', started_at = coalesce(started_at, now()),
                                   updated_at = now()
                            where id = (select run_id from claimed) and status in ('queued', 'waiting')
                        )
                        select claimed.*, runs.workflow_id, runs.workflow_version, runs.replays
                        from claimed join runs on runs.id = claimed.run_id""",
                        DSL.val(workerId), DSL.val(lease.toMillis()))
                .fetchOptional()
                .map(row -> new ClaimedTask(row.get("id", Long.class), row.get("run_id", UUID.class),
                        row.get("workflow_id", UUID.class), row.get("workflow_version", Integer.class),
                        row.get("node_id", String.class), row.get("for_each_id", String.class),
                        row.get("item_index", Integer.class), row.get("attempt", Integer.class),
                        TaskKind.fromDb(row.get("kind", String.class)),
                        Payloads.read(row.get("resume_value", JSONB.class), null), workerId,
                        row.get("replays", Integer.class) > 0));
    }

    @Override
    public RunState load(ClaimedTask task) {
        Record run = db.select(RUNS.BUSINESS_KEY, RUNS.GENERATION, RUNS.INPUT, PAYLOADS.BODY)
                .from(RUNS).leftJoin(PAYLOADS).on(PAYLOADS.HASH.eq(RUNS.INPUT_REF))
                .where(RUNS.ID.eq(task.runId()))
                .fetchSingle();
        var stepOutput = DSL.field("coalesce({0}, {1})", JSONB.class, STEPS.OUTPUT, PAYLOADS.BODY);
        var itemScope = STEPS.ITEM_INDEX.isNull();
        if (task.itemIndex() != null) {
            itemScope = itemScope.or(STEPS.FOR_EACH_ID.eq(task.forEachId()).and(STEPS.ITEM_INDEX.eq(task.itemIndex())));
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        db.selectDistinct(STEPS.NODE_ID, stepOutput)
                .on(STEPS.NODE_ID)
                .from(STEPS).leftJoin(PAYLOADS).on(PAYLOADS.HASH.eq(STEPS.OUTPUT_REF))
                .where(STEPS.RUN_ID.eq(task.runId()), STEPS.GENERATION.eq(run.get(RUNS.GENERATION)),
                        STEPS.OUTPUT.isNotNull().or(STEPS.OUTPUT_REF.isNotNull()), itemScope)
                .orderBy(STEPS.NODE_ID, STEPS.ITEM_INDEX.isNotNull().desc(), STEPS.ID.desc())
                .forEach(row -> outputs.put(row.value1(), Payloads.read(row.value2(), null)));
        Map<String, Object> vars = new LinkedHashMap<>();
        if (task.itemIndex() != null) {
            JSONB item = db.select(DSL.field("{0} -> {1}", JSONB.class, FOR_EACH_PROGRESS.ITEMS,
                            DSL.val(task.itemIndex())))
                    .from(FOR_EACH_PROGRESS)
                    .where(FOR_EACH_PROGRESS.RUN_ID.eq(task.runId()), FOR_EACH_PROGRESS.FOR_EACH_ID.eq(task.forEachId()))
                    .fetchOptional(0, JSONB.class).orElse(null);
            vars.put("item", Payloads.read(item, null));
            vars.put("index", task.itemIndex().longValue());
        }
        return new RunState(task.runId(), run.get(RUNS.BUSINESS_KEY),
                Payloads.read(run.get(RUNS.INPUT), run.get(PAYLOADS.BODY)), outputs, vars);
    }

    @Override
    public Optional<IdempotentOutput> idempotentOutput(String idempotencyKey) {
        return db.select(IDEMPOTENCY_RECORDS.OUTPUT).from(IDEMPOTENCY_RECORDS)
                .where(IDEMPOTENCY_RECORDS.KEY.eq(idempotencyKey))
                .fetchOptional()
                .map(row -> new IdempotentOutput(Payloads.read(row.value1(), null)));
    }

    @Override
    public Completion complete(ClaimedTask task, Transition transition, Duration chainLease) {
        return db.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            // the run's row first, so that two workers ending the last two tasks of one run agree on its end
            Record locked = tx.select(RUNS.asterisk(), STEP_TASKS.LEASE_OWNER)
                    .from(RUNS).join(STEP_TASKS).on(STEP_TASKS.RUN_ID.eq(RUNS.ID))
                    .where(RUNS.ID.eq(task.runId()), STEP_TASKS.ID.eq(task.id()))
                    .forUpdate().fetchOne();
            if (locked == null || !task.leaseOwner().equals(locked.get(STEP_TASKS.LEASE_OWNER))) {
                return Completion.REFUSED;
            }
            RunsRecord run = locked.into(RUNS);
            if (RunStatus.fromJson(run.getStatus()).orElseThrow().isFinal()) {
                return Completion.REFUSED;
            }
            return new Completion(true, apply(tx, run, task, transition, chainLease));
        });
    }

    /** Applies the transition; answers the task chained to this worker, if any. */
    private ClaimedTask apply(DSLContext tx, RunsRecord run, ClaimedTask task, Transition transition,
                              Duration chainLease) {
        StepRecord step = transition.step();
        insertStep(tx, run.getId(), run.getGeneration(), step, task.leaseOwner());
        if (transition.rememberIdempotent() && step.status() == StepStatus.SUCCEEDED) {
            tx.insertInto(IDEMPOTENCY_RECORDS).set(IDEMPOTENCY_RECORDS.KEY, step.idempotencyKey())
                    .set(IDEMPOTENCY_RECORDS.OUTPUT, step.output() == null ? null
                            : JSONB.valueOf(PayloadJson.write(step.output())))
                    .onConflictDoNothing().execute();
        }
        if (transition.reschedule() != null) {
            tx.update(STEP_TASKS)
                    .set(STEP_TASKS.DUE_AT, at(transition.reschedule().dueAt()))
                    .set(STEP_TASKS.ATTEMPT, transition.reschedule().attempt())
                    .set(STEP_TASKS.KIND, transition.reschedule().kind().dbName())
                    .setNull(STEP_TASKS.RESUME_VALUE).setNull(STEP_TASKS.LEASE_OWNER).setNull(STEP_TASKS.LEASE_UNTIL)
                    .where(STEP_TASKS.ID.eq(task.id())).execute();
        } else if (transition.childStart() != null) {
            tx.update(STEP_TASKS)
                    .set(STEP_TASKS.DUE_AT, NEVER)
                    .set(STEP_TASKS.KIND, TaskKind.WAIT_CHILD.dbName())
                    .setNull(STEP_TASKS.LEASE_OWNER).setNull(STEP_TASKS.LEASE_UNTIL)
                    .where(STEP_TASKS.ID.eq(task.id())).execute();
        } else if (!mayChain(transition, chainLease)) {
            tx.deleteFrom(STEP_TASKS).where(STEP_TASKS.ID.eq(task.id())).execute();
        }
        if (transition.runEnd() != null) {
            StepError error = transition.runEnd().error();
            tx.deleteFrom(STEP_TASKS).where(STEP_TASKS.RUN_ID.eq(run.getId())).execute();
            tx.update(RUNS)
                    .set(RUNS.FAILED_NODE_ID, task.nodeId())
                    .set(RUNS.FAILED_FOR_EACH_ID, task.forEachId())
                    .set(RUNS.FAILED_ITEM_INDEX, task.itemIndex())
                    .where(RUNS.ID.eq(run.getId())).execute();
            RunEnding.finish(tx, run.getId(), transition.runEnd().status(), null, error);
            return null;
        }
        ClaimedTask chained = null;
        List<NextTask> next = transition.next();
        if (mayChain(transition, chainLease)) {
            chained = chain(tx, run, task, next.getFirst(), chainLease);
            if (chained == null) {
                tx.deleteFrom(STEP_TASKS).where(STEP_TASKS.ID.eq(task.id())).execute();
            } else {
                next = next.subList(1, next.size());
            }
        }
        insertTasks(tx, run.getId(), next);
        if (transition.forEachStart() != null) {
            startItems(tx, run, transition.forEachStart());
        }
        if (transition.itemEnd() != null) {
            endItem(tx, run, transition.itemEnd());
        }
        if (transition.childStart() != null) {
            Transition.ChildStart child = transition.childStart();
            insertRun(tx, new NewRun(child.workflowId(), child.version(), "subflow", run.getBusinessKey(),
                    child.input(), child.firstNodes()), run.getId(), task.id());
        }
        if (chained == null || transition.reschedule() != null) {
            settle(tx, run, step.output());
        }
        return chained;
    }

    /** Whether the worker may go straight on with one of the tasks that follow (this task's row becomes it). */
    private static boolean mayChain(Transition transition, Duration chainLease) {
        return chainLease != null && !transition.next().isEmpty() && transition.reschedule() == null
                && transition.childStart() == null && transition.runEnd() == null;
    }

    /**
     * Turns the finished task's row into the task of {@code next}, still leased to the same worker; null when
     * {@code next} is queued already (paths met), which leaves the row as it was.
     */
    private static ClaimedTask chain(DSLContext tx, RunsRecord run, ClaimedTask task, NextTask next, Duration lease) {
        var other = STEP_TASKS.as("other");
        int changed = tx.update(STEP_TASKS)
                .set(STEP_TASKS.NODE_ID, next.nodeId())
                .set(STEP_TASKS.FOR_EACH_ID, next.forEachId())
                .set(STEP_TASKS.ITEM_INDEX, next.itemIndex())
                .set(STEP_TASKS.ATTEMPT, 1)
                .set(STEP_TASKS.KIND, TaskKind.EXECUTE.dbName())
                .setNull(STEP_TASKS.RESUME_VALUE)
                .set(STEP_TASKS.DUE_AT, DSL.currentOffsetDateTime())
                .set(STEP_TASKS.LEASE_UNTIL, DSL.field("now() + {0} * interval '1 millisecond'", OffsetDateTime.class,
                        DSL.val(lease.toMillis())))
                .set(STEP_TASKS.CLAIMS, 1)
                .where(STEP_TASKS.ID.eq(task.id()))
                .andNotExists(DSL.selectOne().from(other).where(other.RUN_ID.eq(run.getId()),
                        other.NODE_ID.eq(next.nodeId()),
                        DSL.coalesce(other.FOR_EACH_ID, "").eq(DSL.coalesce(DSL.val(next.forEachId()), "")),
                        DSL.coalesce(other.ITEM_INDEX, -1).eq(DSL.coalesce(DSL.val(next.itemIndex()), -1))))
                .execute();
        return changed == 0 ? null : new ClaimedTask(task.id(), run.getId(), run.getWorkflowId(),
                run.getWorkflowVersion(), next.nodeId(), next.forEachId(), next.itemIndex(), 1, TaskKind.EXECUTE,
                null, task.leaseOwner(), run.getReplays() > 0);
    }

    /** After a step: the run ends when nothing of it is left to do, else it is running or waiting. */
    private void settle(DSLContext tx, RunsRecord run, Object lastOutput) {
        Record counts = tx.select(DSL.count(), DSL.count().filterWhere(STEP_TASKS.DUE_AT.le(DSL.currentOffsetDateTime())))
                .from(STEP_TASKS).where(STEP_TASKS.RUN_ID.eq(run.getId())).fetchSingle();
        int remaining = counts.get(0, Integer.class);
        if (remaining == 0) {
            RunEnding.finish(tx, run.getId(), RunStatus.SUCCEEDED, lastOutput, null);
            return;
        }
        String status = counts.get(1, Integer.class) > 0 ? RunStatus.RUNNING.jsonName() : RunStatus.WAITING.jsonName();
        if (!status.equals(run.getStatus())) {
            tx.update(RUNS).set(RUNS.STATUS, status).set(RUNS.UPDATED_AT, DSL.currentOffsetDateTime())
                    .where(RUNS.ID.eq(run.getId())).execute();
        }
    }

    private void startItems(DSLContext tx, RunsRecord run, Transition.ForEachStart start) {
        int total = start.items().size();
        int first = start.bodyEntries().isEmpty() ? total : Math.min(start.concurrency(), total);
        List<Object> results = new ArrayList<>(Collections.nCopies(total, null));
        tx.insertInto(FOR_EACH_PROGRESS)
                .set(FOR_EACH_PROGRESS.RUN_ID, run.getId())
                .set(FOR_EACH_PROGRESS.FOR_EACH_ID, start.forEachId())
                .set(FOR_EACH_PROGRESS.ITEMS, JSONB.valueOf(PayloadJson.write(start.items())))
                .set(FOR_EACH_PROGRESS.TOTAL, total)
                .set(FOR_EACH_PROGRESS.CONCURRENCY, start.concurrency())
                .set(FOR_EACH_PROGRESS.NEXT_INDEX, first)
                .set(FOR_EACH_PROGRESS.DONE_COUNT, start.bodyEntries().isEmpty() ? total : 0)
                .set(FOR_EACH_PROGRESS.BODY_ENTRIES, start.bodyEntries().toArray(String[]::new))
                .set(FOR_EACH_PROGRESS.DONE_ENTRIES, start.doneEntries().toArray(String[]::new))
                .set(FOR_EACH_PROGRESS.RESULTS, JSONB.valueOf(PayloadJson.write(results)))
                .onConflict(FOR_EACH_PROGRESS.RUN_ID, FOR_EACH_PROGRESS.FOR_EACH_ID).doUpdate()
                .set(FOR_EACH_PROGRESS.ITEMS, DSL.excluded(FOR_EACH_PROGRESS.ITEMS))
                .set(FOR_EACH_PROGRESS.TOTAL, DSL.excluded(FOR_EACH_PROGRESS.TOTAL))
                .set(FOR_EACH_PROGRESS.CONCURRENCY, DSL.excluded(FOR_EACH_PROGRESS.CONCURRENCY))
                .set(FOR_EACH_PROGRESS.NEXT_INDEX, DSL.excluded(FOR_EACH_PROGRESS.NEXT_INDEX))
                .set(FOR_EACH_PROGRESS.DONE_COUNT, DSL.excluded(FOR_EACH_PROGRESS.DONE_COUNT))
                .set(FOR_EACH_PROGRESS.BODY_ENTRIES, DSL.excluded(FOR_EACH_PROGRESS.BODY_ENTRIES))
                .set(FOR_EACH_PROGRESS.DONE_ENTRIES, DSL.excluded(FOR_EACH_PROGRESS.DONE_ENTRIES))
                .set(FOR_EACH_PROGRESS.RESULTS, DSL.excluded(FOR_EACH_PROGRESS.RESULTS))
                .execute();
        if (start.bodyEntries().isEmpty()) {
            finishItems(tx, run, start.forEachId(), results, start.doneEntries());
            return;
        }
        for (int index = 0; index < first; index++) {
            insertItemTasks(tx, run.getId(), start.forEachId(), index, start.bodyEntries());
        }
    }

    private void endItem(DSLContext tx, RunsRecord run, Transition.ItemEnd end) {
        ForEachProgressRecord progress = tx.selectFrom(FOR_EACH_PROGRESS)
                .where(FOR_EACH_PROGRESS.RUN_ID.eq(run.getId()), FOR_EACH_PROGRESS.FOR_EACH_ID.eq(end.forEachId()))
                .fetchSingle();
        @SuppressWarnings("unchecked")
        List<Object> results = (List<Object>) PayloadJson.read(progress.getResults().data());
        results.set(end.itemIndex(), end.result());
        progress.setResults(JSONB.valueOf(PayloadJson.write(results)));
        boolean itemOpen = tx.fetchExists(STEP_TASKS, STEP_TASKS.RUN_ID.eq(run.getId()),
                STEP_TASKS.FOR_EACH_ID.eq(end.forEachId()), STEP_TASKS.ITEM_INDEX.eq(end.itemIndex()));
        if (!itemOpen) {
            progress.setDoneCount(progress.getDoneCount() + 1);
            if (progress.getNextIndex() < progress.getTotal()) {
                insertItemTasks(tx, run.getId(), end.forEachId(), progress.getNextIndex(),
                        List.of(progress.getBodyEntries()));
                progress.setNextIndex(progress.getNextIndex() + 1);
            }
        }
        progress.store();
        if (!itemOpen && progress.getDoneCount() >= progress.getTotal()) {
            finishItems(tx, run, end.forEachId(), results, List.of(progress.getDoneEntries()));
        }
    }

    /** Every item ended: the forEach succeeds with the items' results and its done port's nodes run. */
    private void finishItems(DSLContext tx, RunsRecord run, String forEachId, List<Object> results,
                             List<String> doneEntries) {
        Instant now = Instant.now();
        Map<String, Object> output = Map.of("items", results);
        insertStep(tx, run.getId(), run.getGeneration(), new StepRecord(forEachId, null, null, 1, StepStatus.SUCCEEDED, null,
                output, null, null, null, now, now), null);
        insertTasks(tx, run.getId(), doneEntries.stream().map(NextTask::of).toList());
    }

    private void insertItemTasks(DSLContext tx, UUID runId, String forEachId, int index, List<String> entries) {
        insertTasks(tx, runId, entries.stream().map(node -> new NextTask(node, forEachId, index)).toList());
    }

    private static void insertTasks(DSLContext tx, UUID runId, List<NextTask> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(STEP_TASKS, STEP_TASKS.RUN_ID, STEP_TASKS.NODE_ID, STEP_TASKS.FOR_EACH_ID,
                STEP_TASKS.ITEM_INDEX);
        for (NextTask task : tasks) {
            insert = insert.values(runId, task.nodeId(), task.forEachId(), task.itemIndex());
        }
        insert.onConflictDoNothing().execute();
    }

    private static void insertStep(DSLContext tx, UUID runId, int generation, StepRecord step, String workerId) {
        Payloads.Stored input = Payloads.store(tx, step.input());
        Payloads.Stored output = Payloads.store(tx, step.output());
        StepError error = step.error();
        tx.insertInto(STEPS)
                .set(STEPS.RUN_ID, runId)
                .set(STEPS.GENERATION, generation)
                .set(STEPS.NODE_ID, step.nodeId())
                .set(STEPS.FOR_EACH_ID, step.forEachId())
                .set(STEPS.ITEM_INDEX, step.itemIndex())
                .set(STEPS.ATTEMPT, step.attempt())
                .set(STEPS.STATUS, step.status().jsonName())
                .set(STEPS.INPUT, input.inline())
                .set(STEPS.INPUT_REF, input.ref())
                .set(STEPS.OUTPUT, output.inline())
                .set(STEPS.OUTPUT_REF, output.ref())
                .set(STEPS.OUTPUT_SIZE, output.size())
                .set(STEPS.ERROR_CLASS, error == null ? null : error.errorClass())
                .set(STEPS.ERROR_MESSAGE, error == null ? null : error.message())
                .set(STEPS.REMOTE_STATUS, error == null ? null : error.remoteStatus())
                .set(STEPS.REMOTE_BODY, error == null ? null : error.remoteBody())
                .set(STEPS.RETRY_AT, step.retryAt() == null ? null : at(step.retryAt()))
                .set(STEPS.IDEMPOTENCY_KEY, step.idempotencyKey())
                .set(STEPS.WORKER_ID, workerId)
                .set(STEPS.STARTED_AT, at(step.startedAt()))
                .set(STEPS.FINISHED_AT, at(step.finishedAt()))
                .execute();
    }

    @Override
    public int release(String workerId) {
        return db.update(STEP_TASKS).setNull(STEP_TASKS.LEASE_OWNER).setNull(STEP_TASKS.LEASE_UNTIL)
                .where(STEP_TASKS.LEASE_OWNER.eq(workerId)).execute();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
