package dev.junction.backend.alerts;

import dev.junction.engine.json.PayloadJson;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code alert_rules} table. */
@Component
class AlertRuleStore {

    private static final String COLUMNS = """
            id, name, enabled, condition_kind, parameters::text as parameters, workflow_id, tag, connection_id,
            severity, channel_ids, renotify_minutes, message_template, next_evaluation_at, created_by, created_at,
            updated_by, updated_at""";

    private final DSLContext db;

    AlertRuleStore(DSLContext db) {
        this.db = db;
    }

    List<AlertRule> list() {
        return db.fetch("select " + COLUMNS + " from alert_rules order by lower(name)").map(AlertRuleStore::rule);
    }

    Optional<AlertRule> find(UUID id) {
        return db.fetchOptional("select " + COLUMNS + " from alert_rules where id = ?", id).map(AlertRuleStore::rule);
    }

    /** A claimed rule with what its condition remembered at its last evaluation (null: nothing yet). */
    record Claimed(AlertRule rule, String stateJson) {
    }

    /**
     * Up to {@code limit} enabled rules due at {@code now} that no other node holds, with their evaluation state, in
     * one statement, locked until this transaction ends (each due rule is evaluated by one node per cycle; the others
     * skip it).
     */
    List<Claimed> claimDue(OffsetDateTime now, int limit) {
        return db.fetch("select " + COLUMNS + ", evaluation_state::text as evaluation_state from alert_rules"
                        + " where enabled and next_evaluation_at <= ?::timestamptz"
                        + " order by next_evaluation_at, id limit ? for update skip locked", now, limit)
                .map(row -> new Claimed(rule(row), row.get("evaluation_state", String.class)));
    }

    /** Rule {@code id} if it is enabled, due at {@code now} and held by no other node, locked as {@link #claimDue}. */
    Optional<Claimed> claimDue(UUID id, OffsetDateTime now) {
        return db.fetchOptional("select " + COLUMNS + ", evaluation_state::text as evaluation_state from alert_rules"
                        + " where id = ? and enabled and next_evaluation_at <= ?::timestamptz for update skip locked",
                        id, now)
                .map(row -> new Claimed(rule(row), row.get("evaluation_state", String.class)));
    }

    /** The next evaluation and the state to remember of one rule ({@code stateJson} null: keep none). */
    record Evaluated(UUID id, OffsetDateTime next, String stateJson) {
    }

    /** Sets the next evaluation and state of many rules in one statement. */
    void evaluated(List<Evaluated> evaluated) {
        if (evaluated.isEmpty()) {
            return;
        }
        db.execute("""
                update alert_rules r set next_evaluation_at = v.next, evaluation_state = v.state::jsonb
                from unnest(?::uuid[], ?::timestamptz[], ?::text[]) as v(id, next, state)
                where r.id = v.id""",
                DSL.val(evaluated.stream().map(Evaluated::id).toArray(UUID[]::new), SQLDataType.UUID.array()),
                DSL.val(evaluated.stream().map(Evaluated::next).toArray(OffsetDateTime[]::new),
                        SQLDataType.TIMESTAMPWITHTIMEZONE.array()),
                DSL.val(evaluated.stream().map(Evaluated::stateJson).toArray(String[]::new),
                        SQLDataType.CLOB.array()));
    }

    void postpone(UUID id, OffsetDateTime next) {
        db.execute("update alert_rules set next_evaluation_at = ?::timestamptz where id = ?", next, id);
    }

    UUID insert(AlertRuleInput input, String actor) {
        return db.fetchSingle("""
                insert into alert_rules (name, enabled, condition_kind, parameters, workflow_id, tag, connection_id,
                                         severity, channel_ids, renotify_minutes, message_template, created_by,
                                         updated_by)
                values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
                input.name().strip(), input.enabled() == null || input.enabled(), input.conditionKind(),
                PayloadJson.write(input.parameters()), input.workflowId(), input.tag(), input.connectionId(),
                input.severity(), channels(input.channelIds()), input.renotifyMinutes(), input.messageTemplate(),
                actor, actor).get(0, UUID.class);
    }

    /** Changes the rule; a changed condition, parameters or scope forgets what the condition remembered. */
    void update(UUID id, AlertRuleInput input, String actor) {
        db.execute("""
                update alert_rules set
                    evaluation_state = case when condition_kind = ? and parameters = ?::jsonb
                                             and workflow_id is not distinct from ? and tag is not distinct from ?
                                             and connection_id is not distinct from ?
                                        then evaluation_state end,
                    name = ?, enabled = ?, condition_kind = ?, parameters = ?::jsonb, workflow_id = ?, tag = ?,
                    connection_id = ?, severity = ?, channel_ids = ?, renotify_minutes = ?, message_template = ?,
                    updated_by = ?, updated_at = now(), next_evaluation_at = now()
                where id = ?""",
                input.conditionKind(), PayloadJson.write(input.parameters()), input.workflowId(), input.tag(),
                input.connectionId(),
                input.name().strip(), input.enabled() == null || input.enabled(), input.conditionKind(),
                PayloadJson.write(input.parameters()), input.workflowId(), input.tag(), input.connectionId(),
                input.severity(), channels(input.channelIds()), input.renotifyMinutes(), input.messageTemplate(),
                actor, id);
    }

    boolean delete(UUID id) {
        return db.execute("delete from alert_rules where id = ?", id) > 0;
    }

    boolean nameTaken(String name, UUID except) {
        return db.fetchExists(DSL.selectOne().from("alert_rules").where("lower(name) = lower(?)", name.strip())
                .and(except == null ? DSL.noCondition() : DSL.condition("id <> ?", except)));
    }

    private static Object channels(List<UUID> ids) {
        return DSL.val(ids == null ? new UUID[0] : ids.toArray(UUID[]::new), SQLDataType.UUID.array());
    }

    @SuppressWarnings("unchecked")
    static AlertRule rule(Record row) {
        UUID[] channels = row.get("channel_ids", UUID[].class);
        return new AlertRule(row.get("id", UUID.class), row.get("name", String.class),
                row.get("enabled", Boolean.class), row.get("condition_kind", String.class),
                (Map<String, Object>) PayloadJson.read(row.get("parameters", String.class)),
                row.get("workflow_id", UUID.class), row.get("tag", String.class),
                row.get("connection_id", String.class), row.get("severity", String.class),
                channels == null ? List.of() : Arrays.asList(channels), row.get("renotify_minutes", Integer.class),
                row.get("message_template", String.class), row.get("next_evaluation_at", OffsetDateTime.class),
                row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class),
                row.get("updated_by", String.class), row.get("updated_at", OffsetDateTime.class));
    }
}
