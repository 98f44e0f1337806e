package dev.junction.backend.alerts;

import dev.junction.backend.BackendTestApplication;
import dev.junction.engine.json.PayloadJson;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert changes of a batch of rules are written set-based: ten rules firing, found again (with a renotify) and
 * resolved in one cycle each make one statement per kind of change — not one per alert — and every alert, audit
 * entry and outbox message is still exactly what the rule-by-rule writes gave.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"junction.alerts.evaluator.enabled=false", "junction.workers.enabled=false"})
class AlertWritesPerBatchTest {

    private static final int RULES = 10;

    @Autowired
    DSLContext db;
    @Autowired
    AlertEvaluator evaluator;

    @Test
    void tenAlertsFireCountAndResolveInOneStatementPerKindOfChange() {
        AlertFixtures fixtures = new AlertFixtures(db);
        UUID hook = fixtures.channel("per-batch hook " + UUID.randomUUID());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<UUID> workflows = new ArrayList<>();
        List<UUID> rules = new ArrayList<>();
        for (int i = 0; i < RULES; i++) {
            UUID workflow = fixtures.workflow("Per batch " + i + " " + UUID.randomUUID());
            workflows.add(workflow);
            fixtures.failed(workflow, now.minusSeconds(30));
            rules.add(db.fetchSingle("""
                    insert into alert_rules (name, condition_kind, parameters, workflow_id, channel_ids,
                                             renotify_minutes, created_by, updated_by, created_at, updated_at)
                    values (?, 'run_failed', '{"quietMinutes": 0}', ?, ?, 1, 'test', 'test', ?::timestamptz,
                            ?::timestamptz) returning id""", "Per batch rule " + i + " " + UUID.randomUUID(), workflow,
                    DSL.val(new UUID[] {hook}, SQLDataType.UUID.array()), AlertFixtures.at(now.minusSeconds(3_600)),
                    AlertFixtures.at(now.minusSeconds(3_600))).get(0, UUID.class));
        }
        UUID[] ours = rules.toArray(UUID[]::new);

        // 1. ten alerts fire: one insert of the alerts, one of their audit entries, one of their outbox rows
        Statements fired = cycle(ours, now);
        assertThat(fired.count("insert into alerts")).isEqualTo(1);
        assertThat(fired.auditInserts()).isEqualTo(1);
        assertThat(fired.count("insert into alert_notifications")).isEqualTo(1);
        assertThat(fired.count("update alerts")).isZero();
        for (UUID rule : rules) {
            assertThat(fixtures.notificationsOfRule(rule)).containsExactly("firing " + hook);
            UUID alert = db.fetchSingle("select id from alerts where rule_id = ?", rule).get(0, UUID.class);
            assertThat(db.fetchValue("select count(*)::int from audit_log where action = 'alert.fired'"
                    + " and entity_id = ?", alert.toString())).isEqualTo(1);
            Map<String, Object> message = lastMessage(rule);
            assertThat(message).containsEntry("state", "firing").containsEntry("reason", "firing")
                    .containsEntry("alertId", alert.toString())
                    .containsEntry("firstSeenAt", now.toString()).containsEntry("lastSeenAt", now.toString());
            assertThat(occurrences(message)).isEqualTo(1);
            assertThat(db.fetchValue("select last_notified_at from alerts where id = ?", alert)).isNotNull();
        }

        // 2. two minutes on, a second failure each: the ten found again, counted and renotified in one update
        Instant later = now.plusSeconds(120);
        workflows.forEach(workflow -> fixtures.failed(workflow, later.minusSeconds(10)));
        Statements again = cycle(ours, later);
        assertThat(again.count("update alerts")).isEqualTo(1);
        assertThat(again.count("insert into alerts")).isZero();
        assertThat(again.count("insert into alert_notifications")).isEqualTo(1);
        for (UUID rule : rules) {
            assertThat(db.fetchValue("select occurrences from alerts where rule_id = ?", rule)).isEqualTo(2);
            assertThat(fixtures.notificationsOfRule(rule)).containsExactly("firing " + hook, "renotify " + hook);
            Map<String, Object> message = lastMessage(rule);
            assertThat(message).containsEntry("reason", "renotify").containsEntry("firstSeenAt", now.toString())
                    .containsEntry("lastSeenAt", later.toString());
            assertThat(occurrences(message)).isEqualTo(2);
            assertThat(db.fetchValue("select last_notified_at = ?::timestamptz from alerts where rule_id = ?",
                    AlertFixtures.at(later), rule)).isEqualTo(true);
        }

        // 3. each workflow succeeds: the ten resolve in one update, audited and notified in one insert each
        Instant last = later.plusSeconds(30);
        workflows.forEach(workflow -> fixtures.succeeded(workflow, last.minusSeconds(5)));
        Statements resolved = cycle(ours, last);
        assertThat(resolved.count("update alerts")).isEqualTo(1);
        assertThat(resolved.auditInserts()).isEqualTo(1);
        assertThat(resolved.count("insert into alert_notifications")).isEqualTo(1);
        for (UUID rule : rules) {
            assertThat(db.fetchValue("select state from alerts where rule_id = ?", rule)).isEqualTo("resolved");
            assertThat(fixtures.notificationsOfRule(rule))
                    .containsExactly("firing " + hook, "renotify " + hook, "resolved " + hook);
            assertThat(lastMessage(rule)).containsEntry("state", "resolved").containsEntry("reason", "resolved");
            UUID alert = db.fetchSingle("select id from alerts where rule_id = ?", rule).get(0, UUID.class);
            assertThat(db.fetchValue("select count(*)::int from audit_log where action = 'alert.resolved'"
                    + " and entity_id = ?", alert.toString())).isEqualTo(1);
        }
    }

    private static long occurrences(Map<String, Object> message) {
        return ((Number) message.get("occurrences")).longValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> lastMessage(UUID rule) {
        return (Map<String, Object>) PayloadJson.read(db.fetchValue("""
                select n.message::text from alert_notifications n join alerts a on a.id = n.alert_id
                where a.rule_id = ? order by n.id desc limit 1""", rule).toString());
    }

    /**
     * One cycle at {@code at} with only these rules due (other test classes' rules in this database are put off a
     * day, so that the batch is these ten), its statements recorded.
     */
    private Statements cycle(UUID[] rules, Instant at) {
        db.execute("update alert_rules set next_evaluation_at = case when id = any(?) then '2000-01-01T00:00:00Z'"
                        + " else greatest(next_evaluation_at, ?::timestamptz) end",
                DSL.val(rules, SQLDataType.UUID.array()), AlertFixtures.at(at.plusSeconds(86_400)));
        Statements statements = new Statements();
        ExecuteListenerProvider[] providers = db.configuration().executeListenerProviders();
        ExecuteListenerProvider[] recording = Arrays.copyOf(providers, providers.length + 1);
        recording[providers.length] = new DefaultExecuteListenerProvider(statements);
        db.configuration().set(recording);
        try {
            assertThat(evaluator.evaluateDue(at)).isEqualTo(RULES);
        } finally {
            db.configuration().set(providers);
        }
        return statements;
    }

    /** The statements a cycle executed, whitespace folded, lower case. */
    private static final class Statements implements ExecuteListener {

        private final List<String> sql = new CopyOnWriteArrayList<>();

        @Override
        public void end(ExecuteContext ctx) {
            if (ctx.sql() != null) {
                sql.add(ctx.sql().replaceAll("\\s+", " ").trim().toLowerCase());
            }
        }

        long count(String start) {
            return sql.stream().filter(statement -> statement.startsWith(start)).count();
        }

        /** Inserts into the audit log (jOOQ's DSL quotes the table name, with or without its schema). */
        long auditInserts() {
            return sql.stream().filter(statement -> statement.startsWith("insert into")
                    && statement.split(" ")[2].replace("\"", "").replace("public.", "").equals("audit_log")).count();
        }
    }
}
