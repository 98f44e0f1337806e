package dev.junction.backend.alerts;

import org.jooq.DSLContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Workflows, ended runs and channels written straight into the database, at the times a test chooses. */
public record AlertFixtures(DSLContext db) {

    UUID workflow(String name) {
        return db.fetchSingle("insert into workflows (name, created_by, updated_by, created_at) values (?, 'test',"
                + " 'test', ?::timestamptz) returning id", name, at(Instant.parse("2020-01-01T00:00:00Z"))).get(0, UUID.class);
    }

    UUID channel(String name) {
        return db.fetchSingle("insert into alert_channels (name, kind, created_by, updated_by) values (?, 'webhook',"
                + " 'test', 'test') returning id", name).get(0, UUID.class);
    }

    UUID run(UUID workflowId, String status, String failedNode, String errorClass, Instant startedAt,
             Instant finishedAt) {
        UUID id = UUID.randomUUID();
        db.execute("""
                insert into runs (id, workflow_id, workflow_version, trigger_kind, status, failed_node_id, error_class,
                                  error_message, created_at, started_at, finished_at)
                values (?, ?, 1, 'manual', ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz)""", id, workflowId, status, failedNode, errorClass,
                errorClass == null ? null : "the remote said no", at(startedAt), at(startedAt), at(finishedAt));
        return id;
    }

    UUID failed(UUID workflowId, Instant finishedAt) {
        return run(workflowId, "dead_lettered", "post-order", "HttpStatusException", finishedAt.minusSeconds(2),
                finishedAt);
    }

    UUID succeeded(UUID workflowId, Instant finishedAt) {
        return run(workflowId, "succeeded", null, null, finishedAt.minusSeconds(2), finishedAt);
    }

    /** The outbox rows of one alert, oldest first: reason and channel. */
    List<String> notifications(UUID alertId) {
        return db.fetch("select reason || ' ' || channel_id from alert_notifications where alert_id = ? order by id",
                alertId).map(row -> row.get(0, String.class));
    }

    List<String> notificationsOfRule(UUID ruleId) {
        return db.fetch("""
                select n.reason || ' ' || n.channel_id from alert_notifications n join alerts a on a.id = n.alert_id
                where a.rule_id = ? order by n.id""", ruleId).map(row -> row.get(0, String.class));
    }

    /** Makes the rule due at once (the tests move their own clock in steps smaller than the interval, too). */
    public void due(UUID ruleId) {
        db.execute("update alert_rules set next_evaluation_at = '2000-01-01T00:00:00Z' where id = ?", ruleId);
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
