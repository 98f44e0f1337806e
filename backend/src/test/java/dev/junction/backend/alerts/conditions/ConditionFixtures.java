package dev.junction.backend.alerts.conditions;

import org.jooq.DSLContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Workflows and ended runs (with their rollup endings) written straight into the database at chosen times. */
record ConditionFixtures(DSLContext db) {

    UUID workflow(String name) {
        return db.fetchSingle("insert into workflows (name, created_by, updated_by, created_at) values (?, 'test',"
                + " 'test', ?::timestamptz) returning id", name, at(Instant.parse("2020-01-01T00:00:00Z")))
                .get(0, UUID.class);
    }

    /** A run created at {@code startedAt}; ended at {@code finishedAt} unless that is null (still running). */
    UUID run(UUID workflowId, String status, Instant startedAt, Instant finishedAt) {
        UUID id = UUID.randomUUID();
        boolean failed = status.equals("failed") || status.equals("dead_lettered");
        db.execute("""
                insert into runs (id, workflow_id, workflow_version, trigger_kind, status, failed_node_id, error_class,
                                  error_message, created_at, started_at, finished_at)
                values (?, ?, 1, 'manual', ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz)""",
                id, workflowId, status, failed ? "send" : null, failed ? "HttpStatusException" : null,
                failed ? "the remote said no" : null, at(startedAt), at(startedAt),
                finishedAt == null ? null : at(finishedAt));
        if (finishedAt != null) {
            // what RunEnding writes when a run ends: the rollups fold it into the hour it ended in
            db.execute("""
                    insert into run_endings (run_id, workflow_id, status, trigger_kind, error_class, ended_at,
                                             duration_ms)
                    values (?, ?, ?, 'manual', ?, ?::timestamptz, ?)""", id, workflowId, status,
                    failed ? "HttpStatusException" : null, at(finishedAt),
                    finishedAt.toEpochMilli() - startedAt.toEpochMilli());
        }
        return id;
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
