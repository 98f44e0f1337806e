package dev.junction.db.runs;

import dev.junction.db.sql.Sql;
import dev.junction.engine.runs.ClaimedTask;
import dev.junction.engine.runs.NewRun;
import dev.junction.engine.runs.NextTask;
import dev.junction.engine.runs.RunStatus;
import dev.junction.engine.runs.RunStore;
import dev.junction.engine.runs.RunStore.CursorMovedException;
import dev.junction.engine.runs.RunStore.PollCursor;
import dev.junction.engine.runs.TaskKind;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Run intake: creates runs with the tasks of their first nodes (queued, or the one task leased already). */
final class RunIntake {

    private static final String INSERT_RUNS = """
            insert into runs (id, workflow_id, workflow_version, trigger_kind, business_key, input, input_ref,
                              input_size, parent_run_id, parent_task_id, status, started_at, stop_after_node)
            values\s""";
    private static final String RUN_VALUES =
            "(?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, case when ? = 'running' then now() end, ?)";
    /** A run's row (a running one starts now); its values are {@link #runValues}. */
    private static final String INSERT_RUN = INSERT_RUNS + RUN_VALUES;

    private final DSLContext db;

    RunIntake(DSLContext db) {
        this.db = db;
    }

    /** Creates the runs and their first tasks, and moves the cursor (if any), in one transaction. */
    List<UUID> start(List<NewRun> runs, PollCursor cursor) {
        return db.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            if (cursor != null) {
                moveCursor(tx, cursor);
            }
            List<UUID> ids = new ArrayList<>(runs.size());
            for (NewRun run : runs) {
                ids.add(insertRun(tx, run, null, null, UUID.randomUUID()));
            }
            return ids;
        });
    }

    private static void moveCursor(DSLContext tx, PollCursor cursor) {
        Sql.update(tx, "insert into workflow_triggers (workflow_id) values (?) on conflict do nothing",
                cursor.workflowId());
        int moved = Sql.update(tx, """
                        update workflow_triggers set poll_cursor = ?, polled_at = now()
                        where workflow_id = ? and poll_cursor is not distinct from ?""",
                cursor.next(), cursor.workflowId(), cursor.expected());
        if (moved != 1) {
            throw new CursorMovedException("the polling cursor of workflow " + cursor.workflowId()
                    + " is no longer '" + cursor.expected() + "': another node polled in between");
        }
    }

    /** Creates one run with its only first task leased to {@code leaseOwner}; answers that task. */
    ClaimedTask startLeased(NewRun run, String leaseOwner, Duration lease) {
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
        values.addAll(Arrays.asList(node, leaseOwner, lease.toMillis()));
        long taskId = Sql.queryOne(db, "with run as (" + INSERT_RUN + " returning id)\n" + """
                        insert into step_tasks (run_id, node_id, lease_owner, lease_until, claims)
                        select run.id, ?, ?, now() + ? * interval '1 millisecond', 1 from run returning id""",
                row -> row.getLong("id"), values.toArray());
        return new ClaimedTask(taskId, id, run.workflowId(), run.version(), node, null, null, 1, TaskKind.EXECUTE,
                null, leaseOwner, false);
    }

    /**
     * Starts runs of one first node each in one transaction and one statement (besides the large inputs stored
     * first): the handed ones running with their task leased to {@code leaseOwner}, the others queued.
     */
    List<RunStore.Started> startGroup(List<RunStore.Intake> runs, String leaseOwner, Duration lease) {
        for (RunStore.Intake intake : runs) {
            if (intake.run().firstNodes().size() != 1) {
                throw new IllegalArgumentException("a run started in a group has exactly one first node, not "
                        + intake.run().firstNodes().size());
            }
        }
        return db.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            List<UUID> ids = new ArrayList<>(runs.size());
            List<Object> values = new ArrayList<>(runs.size() * 16 + 1);
            for (RunStore.Intake intake : runs) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                values.addAll(runValues(id, intake.run(), Payloads.store(tx, intake.run().input()), null, null,
                        intake.handed() ? "running" : "queued"));
            }
            values.add(lease.toMillis());
            for (int i = 0; i < runs.size(); i++) {
                values.addAll(Arrays.asList(ids.get(i), runs.get(i).run().firstNodes().getFirst(),
                        runs.get(i).handed() ? leaseOwner : null));
            }
            Map<UUID, Long> tasks = new HashMap<>();
            Sql.query(tx, "with run as (" + INSERT_RUNS + String.join(", ", Collections.nCopies(runs.size(),
                            RUN_VALUES)) + " returning id),\n" + """
                            task as (
                                insert into step_tasks (run_id, node_id, lease_owner, lease_until, claims)
                                select v.run_id, v.node_id, v.lease_owner,
                                       case when v.lease_owner is not null
                                            then now() + ?::bigint * interval '1 millisecond' end,
                                       case when v.lease_owner is not null then 1 else 0 end
                                from (values\s""" + String.join(", ", Collections.nCopies(runs.size(),
                            "(?::uuid, ?::text, ?::text)")) + """
                                ) as v (run_id, node_id, lease_owner) join run on run.id = v.run_id
                                returning id, run_id)
                            select id, run_id from task""",
                    row -> tasks.put(row.getObject("run_id", UUID.class), row.getLong("id")), values.toArray());
            List<RunStore.Started> started = new ArrayList<>(runs.size());
            for (int i = 0; i < runs.size(); i++) {
                NewRun run = runs.get(i).run();
                UUID id = ids.get(i);
                ClaimedTask task = !runs.get(i).handed() ? null : new ClaimedTask(tasks.get(id), id,
                        run.workflowId(), run.version(), run.firstNodes().getFirst(), null, null, 1,
                        TaskKind.EXECUTE, null, leaseOwner, false);
                started.add(new RunStore.Started(id, task));
            }
            return started;
        });
    }

    /**
     * Starts the run unless a run of the same workflow was started under {@code dedupKey} already, in one
     * transaction with the key: answers the run started, or the first run of the key (creating nothing). Two
     * starts with the same key at once meet on the key's primary key: the second waits for the first to commit and
     * then answers its run.
     */
    DeduplicatedStart startOnce(NewRun run, String dedupKey) {
        return db.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            UUID id = UUID.randomUUID();
            int taken = Sql.update(tx, """
                    insert into webhook_dedup_keys (workflow_id, dedup_key, run_id) values (?, ?, ?)
                    on conflict do nothing""", run.workflowId(), dedupKey, id);
            if (taken == 0) {
                UUID first = Sql.queryOne(tx, "select run_id from webhook_dedup_keys where workflow_id = ? and"
                        + " dedup_key = ?", row -> row.getObject("run_id", UUID.class), run.workflowId(), dedupKey);
                return new DeduplicatedStart(first, true);
            }
            insertRun(tx, run, null, null, id);
            return new DeduplicatedStart(id, false);
        });
    }

    /** Inserts a queued run and its first tasks (a run with no first node succeeds at once) in {@code tx}. */
    static UUID insertRun(DSLContext tx, NewRun run, UUID parentRunId, Long parentTaskId, UUID id) {
        Payloads.Stored input = Payloads.store(tx, run.input());
        Sql.update(tx, INSERT_RUN, runValues(id, run, input, parentRunId, parentTaskId, "queued").toArray());
        if (run.firstNodes().isEmpty()) {
            RunEnding.finish(tx, id, RunStatus.SUCCEEDED, run.input(), null);
        } else {
            StepTasks.insert(tx, id, run.firstNodes().stream().map(NextTask::of).toList());
        }
        return id;
    }

    private static List<Object> runValues(UUID id, NewRun run, Payloads.Stored input, UUID parentRunId,
                                          Long parentTaskId, String status) {
        return Arrays.asList(id, run.workflowId(), run.version(), run.triggerKind(), run.businessKey(),
                json(input.inline()), input.ref(), input.size(), parentRunId, parentTaskId, status, status,
                run.stopAfterNode());
    }

    private static Sql.Json json(JSONB value) {
        return value == null ? null : new Sql.Json(value.data());
    }
}
