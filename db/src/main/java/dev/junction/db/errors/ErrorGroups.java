package dev.junction.db.errors;

import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Error groups as people triage them: list and read them, assign, tag, resolve and reopen them, and find the runs to
 * retry. (Groups are kept as runs end, in {@code RunEnding} with {@link ErrorGroupWrites}.)
 */
public class ErrorGroups {

    /** Run statuses of a run waiting for its retry (replayed, not ended yet). */
    private static final String PENDING = "('queued', 'running', 'waiting')";

    private static final String SELECT = """
            select g.*, w.name as workflow_name,
                   (select count(*) from error_failures f where f.group_id = g.id and f.resolved_at is null)
                       as open_failures,
                   (select count(distinct f.business_key) from error_failures f where f.group_id = g.id)
                       as affected_keys,
                   (select count(*) from error_failures f join runs r on r.id = f.run_id
                    where f.group_id = g.id and f.resolved_at is null and r.status in %s) as pending_retries
            from error_groups g join workflows w on w.id = g.workflow_id
            """.formatted(PENDING);

    private final DSLContext db;

    public ErrorGroups(DSLContext db) {
        this.db = db;
    }

    /** Groups matching {@code filter}, most recently seen first, at most {@code limit}. */
    public List<ErrorGroup> list(ErrorGroupFilter filter, int limit) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (filter.state() != null) {
            conditions.add("g.state = ?");
            values.add(filter.state());
        }
        if (filter.category() != null) {
            conditions.add("g.category = ?");
            values.add(filter.category());
        }
        if (filter.workflowId() != null) {
            conditions.add("g.workflow_id = ?");
            values.add(filter.workflowId());
        }
        if (filter.assignee() != null) {
            conditions.add("lower(g.assignee) = lower(?)");
            values.add(filter.assignee());
        }
        values.add(limit);
        String where = conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions) + "\n";
        return db.fetch(SELECT + where + "order by g.last_seen_at desc, g.id limit ?", values.toArray())
                .map(ErrorGroups::group);
    }

    public Optional<ErrorGroup> find(UUID id) {
        return db.fetchOptional(SELECT + "where g.id = ?", id).map(ErrorGroups::group);
    }

    /** Up to {@code limit} distinct business keys of the group's runs, those failing most recently first. */
    public List<String> businessKeys(UUID groupId, int limit) {
        return db.fetch("""
                        select business_key from error_failures where group_id = ? and business_key is not null
                        group by business_key order by max(failed_at) desc, business_key limit ?""", groupId, limit)
                .map(row -> row.get(0, String.class));
    }

    /** A page of the group's runs, most recent failure first ({@code offset} rows skipped). */
    public List<GroupRun> runs(UUID groupId, boolean pendingOnly, int offset, int limit) {
        return db.fetch("""
                        select f.run_id, f.business_key, r.status, f.failures, f.failed_at, f.resolved_at,
                               (select min(t.due_at) from step_tasks t where t.run_id = f.run_id) as next_due_at
                        from error_failures f join runs r on r.id = f.run_id
                        where f.group_id = ?""" + (pendingOnly
                        ? " and f.resolved_at is null and r.status in " + PENDING : "") + """

                        order by f.failed_at desc, f.run_id offset ? limit ?""", groupId, offset, limit)
                .map(row -> new GroupRun(row.get("run_id", UUID.class), row.get("business_key", String.class),
                        row.get("status", String.class), row.get("failures", Integer.class),
                        row.get("failed_at", OffsetDateTime.class), row.get("resolved_at", OffsetDateTime.class),
                        row.get("next_due_at", OffsetDateTime.class)));
    }

    /** The group's runs that can be replayed now: unresolved, dead-lettered or failed; oldest failure first. */
    public List<UUID> replayableRuns(UUID groupId, int limit) {
        return db.fetch("""
                        select f.run_id from error_failures f join runs r on r.id = f.run_id
                        where f.group_id = ? and f.resolved_at is null and r.status in ('failed', 'dead_lettered')
                        order by f.failed_at, f.run_id limit ?""", groupId, limit)
                .map(row -> row.get(0, UUID.class));
    }

    /** How many of the group's runs {@link #replayableRuns} would answer without a limit. */
    public int countReplayable(UUID groupId) {
        return db.fetchOne("""
                select count(*) from error_failures f join runs r on r.id = f.run_id
                where f.group_id = ? and f.resolved_at is null and r.status in ('failed', 'dead_lettered')""",
                groupId).get(0, Integer.class);
    }

    /** Whether the run is one of the group's. */
    public boolean hasRun(UUID groupId, UUID runId) {
        return db.fetchExists(db.selectOne().from("error_failures").where("group_id = ? and run_id = ?", groupId,
                runId));
    }

    /** Assigns the group ({@code assignee} null: nobody); false when there is no such group. */
    public boolean assign(UUID id, String assignee) {
        return db.execute("update error_groups set assignee = ?, updated_at = now() where id = ?", assignee, id) == 1;
    }

    public boolean tag(UUID id, List<String> tags) {
        return db.execute("update error_groups set tags = ?::text[], updated_at = now() where id = ?",
                tags.toArray(String[]::new), id) == 1;
    }

    /** Resolves the group and its open failures, with a note, by {@code by}. */
    public boolean resolve(UUID id, String note, String by) {
        db.execute("update error_failures set resolved_at = now() where group_id = ? and resolved_at is null", id);
        return db.execute("""
                update error_groups set state = 'resolved', resolution_note = ?, resolved_by = ?, resolved_at = now(),
                                        updated_at = now()
                where id = ?""", note, by, id) == 1;
    }

    /** Opens a resolved group again (its failures stay resolved until they fail again). */
    public boolean reopen(UUID id) {
        return db.execute("""
                update error_groups set state = 'open', resolution_note = null, resolved_by = null, resolved_at = null,
                                        updated_at = now()
                where id = ?""", id) == 1;
    }

    private static ErrorGroup group(Record row) {
        String[] tags = row.get("tags", String[].class);
        return new ErrorGroup(row.get("id", UUID.class), row.get("workflow_id", UUID.class),
                row.get("workflow_name", String.class), row.get("node_id", String.class),
                row.get("error_class", String.class), row.get("category", String.class),
                row.get("message_template", String.class), row.get("sample_message", String.class),
                row.get("sample_run_id", UUID.class), row.get("failures", Long.class),
                row.get("open_failures", Long.class), row.get("affected_keys", Long.class),
                row.get("pending_retries", Long.class), row.get("first_seen_at", OffsetDateTime.class),
                row.get("last_seen_at", OffsetDateTime.class), row.get("state", String.class),
                row.get("assignee", String.class), tags == null ? List.of() : Arrays.asList(tags),
                row.get("resolution_note", String.class), row.get("resolved_by", String.class),
                row.get("resolved_at", OffsetDateTime.class));
    }
}
