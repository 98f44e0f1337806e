package dev.junction.db.runs;

import dev.junction.db.sql.Sql;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.runs.ClaimedTask;
import dev.junction.engine.runs.GroupCommit;
import dev.junction.engine.runs.NewRun;
import dev.junction.engine.runs.NextTask;
import dev.junction.engine.runs.RunStatus;
import dev.junction.engine.runs.RunStore.Completion;
import dev.junction.engine.runs.RunStore.FinishedStep;
import dev.junction.engine.runs.StepRecord;
import dev.junction.engine.runs.TaskKind;
import dev.junction.engine.runs.Transition;
import org.jooq.DSLContext;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Step completion: a worker's turn committed in one transaction. It locks the run's row first (so that two workers
 * finishing the last two tasks of one run agree on its end), checks that the worker still holds the task's lease,
 * writes the turn's step records, applies the last step's {@link Transition.Effect}, queues the tasks that follow
 * (chaining one of them to the same worker when the transition is {@linkplain Transition#chainable() chainable}),
 * and settles or ends the run.
 */
final class StepCompletion {

    private static final OffsetDateTime NEVER = OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);

    private final DSLContext db;

    StepCompletion(DSLContext db) {
        this.db = db;
    }

    Completion complete(List<FinishedStep> turn, Duration chainLease) {
        return db.transactionResult(configuration -> completeIn(configuration.dsl(), turn, chainLease));
    }

    /** One worker's turn to commit: its steps, and the lease of the task chained to it (null: none). */
    record Pending(List<FinishedStep> turn, Duration chainLease) {
    }

    /**
     * Commits several workers' turns in one transaction (group commit of completions), each as {@link #complete}
     * would on its own, in the order of their runs' ids (so that two nodes' groups lock runs in the same order);
     * answers in the order given. All or nothing: when a turn's statements fail, the transaction is rolled back and
     * {@link GroupCommit.ItemFailed} names that turn.
     */
    List<Completion> completeGroup(List<Pending> group) {
        Integer[] order = new Integer[group.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> group.get(i).turn().getFirst().task().runId()));
        return db.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            Completion[] completions = new Completion[group.size()];
            for (int i : order) {
                try {
                    completions[i] = completeIn(tx, group.get(i).turn(), group.get(i).chainLease());
                } catch (RuntimeException e) {
                    throw new GroupCommit.ItemFailed(i, e);
                }
            }
            return List.of(completions);
        });
    }

    private static Completion completeIn(DSLContext tx, List<FinishedStep> turn, Duration chainLease) {
        ClaimedTask task = turn.getFirst().task();
        // the run's row first, so that two workers ending the last two tasks of one run agree on its end
        record Locked(LockedRun run, String owner) {
        }
        Locked locked = Sql.queryOne(tx, """
                        select r.id, r.business_key, r.status, r.generation, t.lease_owner
                        from runs r join step_tasks t on t.run_id = r.id
                        where r.id = ? and t.id = ? for update""",
                row -> new Locked(new LockedRun(row.getObject("id", UUID.class), row.getString("business_key"),
                        row.getString("status"), row.getInt("generation")), row.getString("lease_owner")),
                task.runId(), task.id());
        if (locked == null || !task.leaseOwner().equals(locked.owner())) {
            return Completion.REFUSED;
        }
        LockedRun run = locked.run();
        if (RunStatus.fromJson(run.status()).orElseThrow().isFinal()) {
            return Completion.REFUSED;
        }
        // the steps before the last were each followed by the next one's task, on the same row: only their
        // records are written; the row is the last step's task by the time its transition is applied
        StepWrites writes = new StepWrites();
        for (FinishedStep step : turn) {
            writes.step(step.transition().step(), step.transition().remembersOutput());
        }
        FinishedStep last = turn.getLast();
        return new Completion(true, apply(tx, run, last.task(), last.transition(), chainLease, writes));
    }

    /** Applies the transition after writing the turn's steps; answers the task chained to this worker, if any. */
    private static ClaimedTask apply(DSLContext tx, LockedRun run, ClaimedTask task, Transition transition,
                                     Duration chainLease, StepWrites writes) {
        boolean chains = chainLease != null && transition.chainable();
        boolean rowStays = switch (transition.effect()) {
            case Transition.Reschedule again -> true;
            case Transition.ChildStart child -> true;
            default -> chains;
        };
        if (!rowStays) {
            writes.removingTask(task.id());
        }
        writes.write(tx, run.id(), run.generation(), task.leaseOwner());
        switch (transition.effect()) {
            case Transition.Reschedule again -> {
                // the row's node too: it was an earlier step's task when the turn ran more than one step
                Sql.update(tx, """
                                update step_tasks set node_id = ?, for_each_id = ?, item_index = ?, due_at = ?,
                                       attempt = ?, attempts_before = ?, kind = ?, resume_value = ?::jsonb,
                                       retry_deadline = ?, lease_owner = null, lease_until = null
                                where id = ?""",
                        task.nodeId(), task.forEachId(), task.itemIndex(), Sql.at(again.dueAt()), again.attempt(),
                        task.attemptsBefore(), again.kind().dbName(),
                        again.resumeValue() == null ? null : new Sql.Json(PayloadJson.write(again.resumeValue())),
                        Sql.at(again.retryDeadline()), task.id());
                settle(tx, run, transition.step().output());
                return null;
            }
            case Transition.ChildStart child -> {
                Sql.update(tx, """
                                update step_tasks set node_id = ?, for_each_id = ?, item_index = ?, due_at = ?,
                                       kind = ?, attempts_before = ?, lease_owner = null, lease_until = null
                                where id = ?""",
                        task.nodeId(), task.forEachId(), task.itemIndex(), NEVER, TaskKind.WAIT_CHILD.dbName(),
                        task.attemptsBefore(), task.id());
                RunIntake.insertRun(tx, new NewRun(child.workflowId(), child.version(), "subflow",
                        run.businessKey(), child.input(), child.firstNodes()), run.id(), task.id(), UUID.randomUUID());
                settle(tx, run, transition.step().output());
                return null;
            }
            case Transition.RunEnd end -> {
                Sql.update(tx, "delete from step_tasks where run_id = ?", run.id());
                Sql.update(tx, "update runs set failed_node_id = ?, failed_for_each_id = ?, failed_item_index = ?"
                        + " where id = ?", task.nodeId(), task.forEachId(), task.itemIndex(), run.id());
                RunEnding.finish(tx, run.id(), end.status(), null, end.error());
                return null;
            }
            case Transition.Continue c -> {
            }
            case Transition.ForEachStart start -> {
            }
            case Transition.ItemEnd end -> {
            }
        }
        ClaimedTask chained = null;
        List<NextTask> next = transition.next();
        if (chains) {
            chained = chain(tx, run, task, next.getFirst(), chainLease);
            if (chained == null) {
                Sql.update(tx, "delete from step_tasks where id = ?", task.id());
            } else {
                next = next.subList(1, next.size());
            }
        }
        StepTasks.insert(tx, run.id(), next);
        switch (transition.effect()) {
            case Transition.ForEachStart start -> ForEachProgress.start(tx, run, start);
            case Transition.ItemEnd end -> ForEachProgress.endItem(tx, run, end);
            default -> {
            }
        }
        if (chained == null) {
            settle(tx, run, transition.step().output());
        }
        return chained;
    }

    /**
     * Turns the finished task's row into the task of {@code next}, still leased to the same worker; null when
     * {@code next} is queued already (paths met), which leaves the row as it was.
     */
    private static ClaimedTask chain(DSLContext tx, LockedRun run, ClaimedTask task, NextTask next, Duration lease) {
        int changed = Sql.update(tx, """
                        update step_tasks set node_id = ?, for_each_id = ?, item_index = ?, attempt = 1, attempts_before = 0,
                               kind = 'execute', resume_value = null, retry_deadline = null, due_at = now(),
                               lease_until = now() + ? * interval '1 millisecond',
                               claims = 1
                        where id = ? and not exists (
                            select 1 from step_tasks other
                            where other.run_id = ? and other.id <> ? and other.node_id = ?
                              and coalesce(other.for_each_id, '') = coalesce(?, '')
                              and coalesce(other.item_index, -1) = coalesce(?, -1))""",
                next.nodeId(), next.forEachId(), next.itemIndex(), lease.toMillis(), task.id(), run.id(),
                task.id(), next.nodeId(), next.forEachId(), next.itemIndex());
        return changed == 0 ? null : task.chainedAfterCommit(next);
    }

    /** After a step: the run ends when nothing of it is left to do, else it is running or waiting. */
    private static void settle(DSLContext tx, LockedRun run, Object lastOutput) {
        int[] counts = Sql.queryOne(tx, """
                        select count(*) as remaining, count(*) filter (where due_at <= now()) as due
                        from step_tasks where run_id = ?""",
                row -> new int[] {row.getInt("remaining"), row.getInt("due")}, run.id());
        if (counts[0] == 0) {
            RunEnding.finish(tx, run.id(), RunStatus.SUCCEEDED, lastOutput, null);
            return;
        }
        String status = counts[1] > 0 ? RunStatus.RUNNING.jsonName() : RunStatus.WAITING.jsonName();
        if (!status.equals(run.status())) {
            Sql.update(tx, "update runs set status = ?, updated_at = now() where id = ?", status, run.id());
        }
    }
}
