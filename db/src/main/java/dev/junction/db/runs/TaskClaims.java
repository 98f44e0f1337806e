package dev.junction.db.runs;

import dev.junction.db.sql.Sql;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.runs.ClaimedTask;
import dev.junction.engine.runs.TaskKind;
import org.jooq.DSLContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Task claims: workers claim due tasks with {@code FOR UPDATE SKIP LOCKED} under a lease, give one back for later
 * (an outage of the platform), or give back all they hold (on shutdown).
 */
final class TaskClaims {

    private final DSLContext db;

    TaskClaims(DSLContext db) {
        this.db = db;
    }

    Optional<ClaimedTask> claim(String workerId, Duration lease) {
        return Optional.ofNullable(Sql.queryOne(db, """
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
                        row.getString("node_id"), row.getString("for_each_id"), Sql.integer(row, "item_index"),
                        row.getInt("attempt"), TaskKind.fromDb(row.getString("kind")),
                        text(row.getString("resume_value")), workerId, row.getInt("replays") > 0,
                        row.getInt("claims") > 1, row.getInt("attempts_before"),
                        Sql.instant(row, "retry_deadline")),
                workerId, lease.toMillis()));
    }

    boolean postpone(ClaimedTask task, Instant dueAt) {
        return Sql.update(db, "update step_tasks set due_at = ?, lease_owner = null, lease_until = null"
                + " where id = ? and lease_owner = ?", Sql.at(dueAt), task.id(), task.leaseOwner()) == 1;
    }

    int release(List<String> workerIds) {
        return Sql.update(db, "update step_tasks set lease_owner = null, lease_until = null"
                + " where lease_owner = any(?)", (Object) workerIds.toArray(String[]::new));
    }

    private static Object text(String json) {
        return json == null ? null : PayloadJson.read(json);
    }
}
