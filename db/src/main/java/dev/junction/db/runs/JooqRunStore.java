package dev.junction.db.runs;

import dev.junction.engine.runs.ClaimedTask;
import dev.junction.engine.runs.NewRun;
import dev.junction.engine.runs.NextTask;
import dev.junction.engine.json.PayloadJson;
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

    @Override
    public ClaimedTask startLeased(NewRun run, String leaseOwner, Duration lease) {
        if (run.firstNodes().size() != 1) {
            throw new IllegalArgumentException("a run handed to a worker has exactly one first node, not "
                    + run.firstNodes().size());
        }
        String node = run.firstNodes().getFirst();
        UUID id = UUID.randomUUID();
        // a large input is stored first (content-addressed, so a stored payload nobody refers to is harmless); the
        // run and its task are then one statement, atomic on its own: no transaction of its own, no extra round trips
        Payloads.Stored input = Payloads.store(db, run.input());
        List<Object> values = new ArrayList<>(runValues(id, run, input, null, null, "running"));
        values.addAll(java.util.Arrays.asList(node, leaseOwner, lease.toMillis()));
        long taskId = Jdbc.queryOne(db, "with run as (" + INSERT_RUN + " returning id)\n" + """
                        insert into step_tasks (run_id, node_id, lease_owner, lease_until, claims)
                        select run.id, ?, ?, now() + ? * interval '1 millisecond', 1 from run returning id""",
                row -> row.getLong("id"), values.toArray());
        return new ClaimedTask(taskId, id, run.workflowId(), run.version(), node, null, null, 1, TaskKind.EXECUTE,
                null, leaseOwner, false);
    }

    /** A run's row (a running one starts now); its values are {@link #runValues}. */
    private static final String INSERT_RUN = """
            insert into runs (id, workflow_id, workflow_version, trigger_kind, business_key, input, input_ref,
                              input_size, parent_run_id, parent_task_id, status, started_at, stop_after_node)
            values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, case when ? = 'running' then now() end, ?)""";

    private static List<Object> runValues(UUID id, NewRun run, Payloads.Stored input, UUID parentRunId,
                                          Long parentTaskId, String status) {
        return java.util.Arrays.asList(id, run.workflowId(), run.version(), run.triggerKind(), run.businessKey(),
                json(input.inline()), input.ref(), input.size(), parentRunId, parentTaskId, status, status,
                run.stopAfterNode());
    }

    /**
     * Starts the run unless a run of the same workflow was started under {@code dedupKey} already, in one
     * transaction with the key: answers the run started, or the first run of the key (creating nothing). Two
     * starts with the same key at once meet on the key's primary key: the second waits for the first to commit and
     * then answers its run.
     */
    public DeduplicatedStart startOnce(NewRun run, String dedupKey) {
        return db.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            UUID id = UUID.randomUUID();
            int taken = Jdbc.update(tx, """
                    insert into webhook_dedup_keys (workflow_id, dedup_key, run_id) values (?, ?, ?)
                    on conflict do nothing""", run.workflowId(), dedupKey, id);
            if (taken == 0) {
                UUID first = Jdbc.queryOne(tx, "select run_id from webhook_dedup_keys where workflow_id = ? and"
                        + " dedup_key = ?", row -> row.getObject("run_id", UUID.class), run.workflowId(), dedupKey);
                return new DeduplicatedStart(first, true);
            }
            insertRun(tx, run, null, null, id);
            return new DeduplicatedStart(id, false);
        });
    }

    /** A run started under a dedup key: its id, and whether it was started by an earlier delivery of the key. */
    public record DeduplicatedStart(UUID runId, boolean duplicate) {
    }

    private UUID insertRun(DSLContext tx, NewRun run, UUID parentRunId, Long parentTaskId) {
        return insertRun(tx, run, parentRunId, parentTaskId, UUID.randomUUID());
    }

    private UUID insertRun(DSLContext tx, NewRun run, UUID parentRunId, Long parentTaskId, UUID id) {
        Payloads.Stored input = Payloads.store(tx, run.input());
        Jdbc.update(tx, INSERT_RUN, runValues(id, run, input, parentRunId, parentTaskId, "queued").toArray());
        if (run.firstNodes().isEmpty()) {
            RunEnding.finish(tx, id, RunStatus.SUCCEEDED, run.input(), null);
        } else {
            insertTasks(tx, id, run.firstNodes().stream().map(NextTask::of).toList());
        }
        return id;
    }

    @Override
    public Optional<ClaimedTask> claim(String workerId, Duration lease) {
        return Optional.ofNullable(Jdbc.queryOne(db, """
                        with claimed as (
                            update step_tasks set lease_owner = ?, lease_until = now() + ? * interval '1 millisecond',
                                   claims = claims + 1
                            where id = (select id from step_tasks
                                        where due_at <= now() and (lease_until is null or lease_until < now())
                                        order by due_at limit 1 for update skip locked)
                            returning id, run_id, node_id, for_each_id, item_index, attempt, attempts_before, kind,
                                      resume_value, claims, retry_deadline
                        ), started as (
                            update runs set status = 'running', started_at = coalesce(started_at, now()),
                                   updated_at = now()
                            where id = (select run_id from claimed) and status in ('queued', 'waiting')
                        )
                        select claimed.id, claimed.run_id, claimed.node_id, claimed.for_each_id, claimed.item_index,
                               claimed.attempt, claimed.attempts_before, claimed.kind,
                               claimed.resume_value::text as resume_value, claimed.claims, claimed.retry_deadline,
                               runs.workflow_id, runs.workflow_version, runs.replays
                        from claimed join runs on runs.id = claimed.run_id""",
                row -> new ClaimedTask(row.getLong("id"), row.getObject("run_id", UUID.class),
                        row.getObject("workflow_id", UUID.class), row.getInt("workflow_version"),
                        row.getString("node_id"), row.getString("for_each_id"), Jdbc.integer(row, "item_index"),
                        row.getInt("attempt"), TaskKind.fromDb(row.getString("kind")),
                        text(row.getString("resume_value")), workerId, row.getInt("replays") > 0,
                        row.getInt("claims") > 1, row.getInt("attempts_before"),
                        instant(row.getObject("retry_deadline", OffsetDateTime.class))),
                workerId, lease.toMillis()));
    }

    @Override
    public RunState load(ClaimedTask task) {
        return db.connectionResult(connection -> {
            DSLContext on = DSL.using(connection, db.dialect());
            record Run(String businessKey, int generation, Object input, boolean soleTask, String stopAfterNode) {
            }
            Run run = Jdbc.queryOne(on, """
                    select r.business_key, r.generation, coalesce(r.input, p.body)::text as input,
                           (select count(*) from step_tasks t where t.run_id = r.id) = 1 as sole_task,
                           r.stop_after_node
                    from runs r left join payloads p on p.hash = r.input_ref where r.id = ?""",
                    row -> new Run(row.getString("business_key"), row.getInt("generation"),
                            text(row.getString("input")), row.getBoolean("sole_task"),
                            row.getString("stop_after_node")), task.runId());
            Map<String, Object> outputs = new LinkedHashMap<>();
            Jdbc.query(on, """
                            select distinct on (s.node_id) s.node_id, coalesce(s.output, p.body)::text as output
                            from steps s left join payloads p on p.hash = s.output_ref
                            where s.run_id = ? and s.generation = ? and (s.output is not null or s.output_ref is not null)
                              and (s.item_index is null or (s.for_each_id = ? and s.item_index = ?))
                            order by s.node_id, s.item_index is not null desc, s.id desc""",
                    row -> outputs.put(row.getString("node_id"), text(row.getString("output"))),
                    task.runId(), run.generation(), task.forEachId(), task.itemIndex());
            Map<String, Object> vars = new LinkedHashMap<>();
            if (task.itemIndex() != null) {
                Object item = Jdbc.queryOne(on, """
                                select (items -> ?)::text as item from for_each_progress
                                where run_id = ? and for_each_id = ?""",
                        row -> text(row.getString("item")), task.itemIndex(), task.runId(), task.forEachId());
                vars.put("item", item);
                vars.put("index", task.itemIndex().longValue());
            }
            return new RunState(task.runId(), run.businessKey(), run.input(), outputs, vars, run.soleTask(),
                    run.stopAfterNode());
        });
    }

    private static Object text(String json) {
        return json == null ? null : PayloadJson.read(json);
    }

    @Override
    public Optional<IdempotentOutput> idempotentOutput(String idempotencyKey) {
        return db.select(IDEMPOTENCY_RECORDS.OUTPUT).from(IDEMPOTENCY_RECORDS)
                .where(IDEMPOTENCY_RECORDS.KEY.eq(idempotencyKey))
                .fetchOptional()
                .map(row -> new IdempotentOutput(Payloads.read(row.value1(), null)));
    }

    @Override
    public Completion complete(List<FinishedStep> turn, Duration chainLease) {
        ClaimedTask task = turn.getFirst().task();
        return db.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            // the run's row first, so that two workers ending the last two tasks of one run agree on its end
            record Locked(RunsRecord run, String owner) {
            }
            Locked locked = Jdbc.queryOne(tx, """
                            select r.id, r.workflow_id, r.workflow_version, r.business_key, r.status, r.generation,
                                   r.replays, t.lease_owner
                            from runs r join step_tasks t on t.run_id = r.id
                            where r.id = ? and t.id = ? for update""",
                    row -> {
                        RunsRecord record = new RunsRecord();
                        record.setId(row.getObject("id", UUID.class));
                        record.setWorkflowId(row.getObject("workflow_id", UUID.class));
                        record.setWorkflowVersion(row.getInt("workflow_version"));
                        record.setBusinessKey(row.getString("business_key"));
                        record.setStatus(row.getString("status"));
                        record.setGeneration(row.getInt("generation"));
                        record.setReplays(row.getInt("replays"));
                        return new Locked(record, row.getString("lease_owner"));
                    }, task.runId(), task.id());
            if (locked == null || !task.leaseOwner().equals(locked.owner())) {
                return Completion.REFUSED;
            }
            RunsRecord run = locked.run();
            if (RunStatus.fromJson(run.getStatus()).orElseThrow().isFinal()) {
                return Completion.REFUSED;
            }
            // the steps before the last were each followed by the next one's task, on the same row: only their
            // records are written; the row is the last step's task by the time its transition is applied
            StepWrites writes = new StepWrites();
            for (FinishedStep step : turn) {
                writes.step(step.transition().step(), step.transition().rememberIdempotent()
                        && step.transition().step().status() == StepStatus.SUCCEEDED);
            }
            FinishedStep last = turn.getLast();
            return new Completion(true, apply(tx, run, last.task(), last.transition(), chainLease, writes));
        });
    }

    /** Applies the transition after writing the turn's steps; answers the task chained to this worker, if any. */
    private ClaimedTask apply(DSLContext tx, RunsRecord run, ClaimedTask task, Transition transition,
                              Duration chainLease, StepWrites writes) {
        StepRecord step = transition.step();
        if (transition.reschedule() == null && transition.childStart() == null && !mayChain(transition, chainLease)) {
            writes.removingTask(task.id());
        }
        writes.write(tx, run.getId(), run.getGeneration(), task.leaseOwner());
        if (transition.reschedule() != null) {
            // the row's node too: it was an earlier step's task when the turn ran more than one step
            tx.update(STEP_TASKS)
                    .set(STEP_TASKS.NODE_ID, task.nodeId())
                    .set(STEP_TASKS.FOR_EACH_ID, task.forEachId())
                    .set(STEP_TASKS.ITEM_INDEX, task.itemIndex())
                    .set(STEP_TASKS.DUE_AT, at(transition.reschedule().dueAt()))
                    .set(STEP_TASKS.ATTEMPT, transition.reschedule().attempt())
                    .set(STEP_TASKS.ATTEMPTS_BEFORE, task.attemptsBefore())
                    .set(STEP_TASKS.KIND, transition.reschedule().kind().dbName())
                    .set(STEP_TASKS.RESUME_VALUE, transition.reschedule().resumeValue() == null ? null
                            : JSONB.valueOf(PayloadJson.write(transition.reschedule().resumeValue())))
                    .set(STEP_TASKS.RETRY_DEADLINE, transition.reschedule().retryDeadline() == null ? null
                            : at(transition.reschedule().retryDeadline()))
                    .setNull(STEP_TASKS.LEASE_OWNER).setNull(STEP_TASKS.LEASE_UNTIL)
                    .where(STEP_TASKS.ID.eq(task.id())).execute();
        } else if (transition.childStart() != null) {
            tx.update(STEP_TASKS)
                    .set(STEP_TASKS.NODE_ID, task.nodeId())
                    .set(STEP_TASKS.FOR_EACH_ID, task.forEachId())
                    .set(STEP_TASKS.ITEM_INDEX, task.itemIndex())
                    .set(STEP_TASKS.DUE_AT, NEVER)
                    .set(STEP_TASKS.KIND, TaskKind.WAIT_CHILD.dbName())
                    .set(STEP_TASKS.ATTEMPTS_BEFORE, task.attemptsBefore())
                    .setNull(STEP_TASKS.LEASE_OWNER).setNull(STEP_TASKS.LEASE_UNTIL)
                    .where(STEP_TASKS.ID.eq(task.id())).execute();
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
        int changed = Jdbc.update(tx, """
                        update step_tasks set node_id = ?, for_each_id = ?, item_index = ?, attempt = 1, attempts_before = 0,
                               kind = 'execute', resume_value = null, retry_deadline = null, due_at = now(),
                               lease_until = now() + ? * interval '1 millisecond',
                               claims = 1
                        where id = ? and not exists (
                            select 1 from step_tasks other
                            where other.run_id = ? and other.id <> ? and other.node_id = ?
                              and coalesce(other.for_each_id, '') = coalesce(?, '')
                              and coalesce(other.item_index, -1) = coalesce(?, -1))""",
                next.nodeId(), next.forEachId(), next.itemIndex(), lease.toMillis(), task.id(), run.getId(),
                task.id(), next.nodeId(), next.forEachId(), next.itemIndex());
        return changed == 0 ? null : task.chainedAfterCommit(next);
    }

    /** After a step: the run ends when nothing of it is left to do, else it is running or waiting. */
    private void settle(DSLContext tx, RunsRecord run, Object lastOutput) {
        int[] counts = Jdbc.queryOne(tx, """
                        select count(*) as remaining, count(*) filter (where due_at <= now()) as due
                        from step_tasks where run_id = ?""",
                row -> new int[] {row.getInt("remaining"), row.getInt("due")}, run.getId());
        if (counts[0] == 0) {
            RunEnding.finish(tx, run.getId(), RunStatus.SUCCEEDED, lastOutput, null);
            return;
        }
        String status = counts[1] > 0 ? RunStatus.RUNNING.jsonName() : RunStatus.WAITING.jsonName();
        if (!status.equals(run.getStatus())) {
            Jdbc.update(tx, "update runs set status = ?, updated_at = now() where id = ?", status, run.getId());
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
        new StepWrites().step(new StepRecord(forEachId, null, null, 1, StepStatus.SUCCEEDED, null, output, null,
                null, null, now, now), false).write(tx, run.getId(), run.getGeneration(), null);
        insertTasks(tx, run.getId(), doneEntries.stream().map(NextTask::of).toList());
    }

    private void insertItemTasks(DSLContext tx, UUID runId, String forEachId, int index, List<String> entries) {
        insertTasks(tx, runId, entries.stream().map(node -> new NextTask(node, forEachId, index)).toList());
    }

    private static void insertTasks(DSLContext tx, UUID runId, List<NextTask> tasks) {
        for (NextTask task : tasks) {
            Jdbc.update(tx, """
                            insert into step_tasks (run_id, node_id, for_each_id, item_index) values (?, ?, ?, ?)
                            on conflict do nothing""",
                    runId, task.nodeId(), task.forEachId(), task.itemIndex());
        }
    }

    private static Jdbc.Json json(JSONB value) {
        return value == null ? null : new Jdbc.Json(value.data());
    }

    @Override
    public boolean postpone(ClaimedTask task, Instant dueAt) {
        return db.update(STEP_TASKS).set(STEP_TASKS.DUE_AT, at(dueAt))
                .setNull(STEP_TASKS.LEASE_OWNER).setNull(STEP_TASKS.LEASE_UNTIL)
                .where(STEP_TASKS.ID.eq(task.id()), STEP_TASKS.LEASE_OWNER.eq(task.leaseOwner())).execute() == 1;
    }

    @Override
    public int release(List<String> workerIds) {
        return db.update(STEP_TASKS).setNull(STEP_TASKS.LEASE_OWNER).setNull(STEP_TASKS.LEASE_UNTIL)
                .where(STEP_TASKS.LEASE_OWNER.in(workerIds)).execute();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
