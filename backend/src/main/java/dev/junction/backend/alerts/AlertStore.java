package dev.junction.backend.alerts;

import dev.junction.engine.json.PayloadJson;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code alerts} table, the outbox rows written with their changes, and {@code maintenance_windows}. */
@Component
class AlertStore {

    private static final String COLUMNS = """
            a.id, a.rule_id, r.name as rule_name, r.severity, a.fingerprint, a.state, a.summary, a.link,
            a.details::text as details, a.occurrences, a.first_seen_at, a.last_seen_at, a.acknowledged_by,
            a.acknowledged_at, a.snoozed_until, a.snoozed_by, a.resolved_at, a.resolved_by, a.resolution_note,
            a.last_notified_at, a.maintenance_window_id
            from alerts a join alert_rules r on r.id = a.rule_id""";

    private final DSLContext db;

    AlertStore(DSLContext db) {
        this.db = db;
    }

    /** The rule's open (not resolved) alerts by fingerprint, locked until this transaction ends. */
    Map<String, Alert> openOfRuleLocked(UUID ruleId) {
        Map<String, Alert> open = new LinkedHashMap<>();
        db.fetch("select " + COLUMNS + " where a.rule_id = ? and a.state <> 'resolved' for update of a", ruleId)
                .forEach(row -> {
                    Alert alert = alert(row);
                    open.put(alert.fingerprint(), alert);
                });
        return open;
    }

    /** The open (not resolved) alerts of these rules, by rule and fingerprint, locked until this transaction ends. */
    Map<UUID, Map<String, Alert>> openOfRulesLocked(List<UUID> ruleIds) {
        Map<UUID, Map<String, Alert>> open = new LinkedHashMap<>();
        ruleIds.forEach(id -> open.put(id, new LinkedHashMap<>()));
        if (ruleIds.isEmpty()) {
            return open;
        }
        db.fetch("select " + COLUMNS + " where a.rule_id = any(?) and a.state <> 'resolved' order by a.id for update of a",
                        DSL.val(ruleIds.toArray(UUID[]::new), SQLDataType.UUID.array()))
                .forEach(row -> {
                    Alert alert = alert(row);
                    open.get(alert.ruleId()).put(alert.fingerprint(), alert);
                });
        return open;
    }

    Optional<Alert> find(UUID id) {
        return db.fetchOptional("select " + COLUMNS + " where a.id = ?", id).map(AlertStore::alert);
    }

    Optional<Alert> findLocked(UUID id) {
        return db.fetchOptional("select " + COLUMNS + " where a.id = ? for update of a", id).map(AlertStore::alert);
    }

    /** Alerts newest first (by last seen), filtered by state, severity and rule (each null: any), at most limit. */
    List<Alert> list(List<String> states, String severity, UUID ruleId, UUID workflowId, int limit) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> binds = new ArrayList<>();
        if (states != null && !states.isEmpty()) {
            where.append(" and a.state = any(?)");
            binds.add(DSL.val(states.toArray(String[]::new), SQLDataType.VARCHAR.array()));
        }
        if (severity != null) {
            where.append(" and r.severity = ?");
            binds.add(severity);
        }
        if (ruleId != null) {
            where.append(" and a.rule_id = ?");
            binds.add(ruleId);
        }
        if (workflowId != null) {
            where.append(" and (r.workflow_id = ? or a.details ->> 'workflowId' = ?)");
            binds.add(workflowId);
            binds.add(workflowId.toString());
        }
        binds.add(limit);
        return db.fetch("select " + COLUMNS + where + " order by a.last_seen_at desc, a.id limit ?", binds.toArray())
                .map(AlertStore::alert);
    }

    void notified(UUID id, OffsetDateTime now) {
        db.execute("update alerts set last_notified_at = ?::timestamptz where id = ?", now, id);
    }

    void resolve(UUID id, OffsetDateTime now, String by, String note) {
        db.execute("update alerts set state = 'resolved', resolved_at = ?::timestamptz, resolved_by = ?, resolution_note = ?"
                + " where id = ?", now, by, note, id);
    }

    void acknowledge(UUID id, OffsetDateTime now, String by) {
        db.execute("update alerts set state = 'acknowledged', acknowledged_at = ?::timestamptz, acknowledged_by = ? where id = ?",
                now, by, id);
    }

    void snooze(UUID id, OffsetDateTime until, String by) {
        db.execute("update alerts set snoozed_until = ?::timestamptz, snoozed_by = ? where id = ?", until, by, id);
    }

    /**
     * Writes one outbox row per enabled channel of {@code channelIds} (the message shape of docs/alerts.md); answers
     * how many.
     */
    int enqueue(UUID alertId, List<UUID> channelIds, String reason, Map<String, Object> message) {
        if (channelIds.isEmpty()) {
            return 0;
        }
        return db.execute("""
                insert into alert_notifications (alert_id, channel_id, reason, message)
                select ?, id, ?, ?::jsonb from alert_channels where id = any(?) and enabled order by id""",
                alertId, reason, json(message), DSL.val(channelIds.toArray(UUID[]::new), SQLDataType.UUID.array()));
    }

    /** How many of these channel ids exist (for validating a rule). */
    List<UUID> existingChannels(List<UUID> ids) {
        return db.fetch("select id from alert_channels where id = any(?)",
                DSL.val(ids.toArray(UUID[]::new), SQLDataType.UUID.array())).map(row -> row.get(0, UUID.class));
    }

    /** The channels rules may notify (id, name, kind), by name. */
    List<ChannelChoice> channels() {
        return db.fetch("select id, name, kind, enabled from alert_channels order by lower(name)")
                .map(row -> new ChannelChoice(row.get("id", UUID.class), row.get("name", String.class),
                        row.get("kind", String.class), row.get("enabled", Boolean.class)));
    }

    // maintenance windows

    List<MaintenanceWindow> windows(boolean endedToo, OffsetDateTime now) {
        return db.fetch("select * from maintenance_windows" + (endedToo ? "" : " where ends_at > ?::timestamptz")
                + " order by starts_at desc", endedToo ? new Object[0] : new Object[] {now})
                .map(AlertStore::window);
    }

    List<MaintenanceWindow> openWindows(OffsetDateTime now) {
        return db.fetch("select * from maintenance_windows where starts_at <= ?::timestamptz and ends_at > ?::timestamptz order by starts_at",
                now, now).map(AlertStore::window);
    }

    Optional<MaintenanceWindow> window(UUID id) {
        return db.fetchOptional("select * from maintenance_windows where id = ?", id).map(AlertStore::window);
    }

    UUID insertWindow(UUID workflowId, String connectionId, OffsetDateTime startsAt, OffsetDateTime endsAt,
                      String reason, String actor) {
        return db.fetchSingle("""
                insert into maintenance_windows (workflow_id, connection_id, starts_at, ends_at, reason, created_by)
                values (?, ?, ?::timestamptz, ?::timestamptz, ?, ?) returning id""", workflowId, connectionId, startsAt, endsAt,
                reason == null ? "" : reason, actor).get(0, UUID.class);
    }

    boolean deleteWindow(UUID id) {
        return db.execute("delete from maintenance_windows where id = ?", id) > 0;
    }

    static String json(Map<String, Object> value) {
        return PayloadJson.write(value == null ? Map.of() : value);
    }

    @SuppressWarnings("unchecked")
    private static Alert alert(Record row) {
        return new Alert(row.get("id", UUID.class), row.get("rule_id", UUID.class), row.get("rule_name", String.class),
                row.get("severity", String.class), row.get("fingerprint", String.class),
                row.get("state", String.class), row.get("summary", String.class), row.get("link", String.class),
                (Map<String, Object>) PayloadJson.read(row.get("details", String.class)),
                row.get("occurrences", Integer.class), row.get("first_seen_at", OffsetDateTime.class),
                row.get("last_seen_at", OffsetDateTime.class), row.get("acknowledged_by", String.class),
                row.get("acknowledged_at", OffsetDateTime.class), row.get("snoozed_until", OffsetDateTime.class),
                row.get("snoozed_by", String.class), row.get("resolved_at", OffsetDateTime.class),
                row.get("resolved_by", String.class), row.get("resolution_note", String.class),
                row.get("last_notified_at", OffsetDateTime.class), row.get("maintenance_window_id", UUID.class));
    }

    private static MaintenanceWindow window(Record row) {
        return new MaintenanceWindow(row.get("id", UUID.class), row.get("workflow_id", UUID.class),
                row.get("connection_id", String.class), row.get("starts_at", OffsetDateTime.class),
                row.get("ends_at", OffsetDateTime.class), row.get("reason", String.class),
                row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class));
    }
}
