package dev.junction.backend.alerts;

import dev.junction.backend.BackendTestApplication;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules evaluated in batches: more rules than one batch holds are each evaluated once per cycle, with their own
 * alerts and notifications, and a rule whose condition fails inside a batch is postponed alone while the rest of its
 * batch is applied.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"junction.alerts.evaluator.enabled=false", "junction.workers.enabled=false"})
class AlertEvaluatorBatchTest {

    @Autowired
    DSLContext db;
    @Autowired
    AlertEvaluator evaluator;

    @Test
    void moreRulesThanABatchAndABrokenOneAmongThemAreEachEvaluatedOncePerCycle() {
        AlertFixtures fixtures = new AlertFixtures(db);
        UUID hook = fixtures.channel("batch hook " + UUID.randomUUID());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<UUID> rules = new ArrayList<>();
        UUID broken = null;
        for (int i = 0; i < AlertEvaluator.BATCH + 6; i++) {
            UUID workflow = fixtures.workflow("Batch " + i + " " + UUID.randomUUID());
            fixtures.failed(workflow, now.minusSeconds(30));
            boolean isBroken = i == AlertEvaluator.BATCH / 2;
            UUID rule = db.fetchSingle("""
                    insert into alert_rules (name, condition_kind, parameters, workflow_id, channel_ids, created_by,
                                             updated_by, created_at, updated_at, next_evaluation_at)
                    values (?, ?, '{"quietMinutes": 0}', ?, ?, 'test', 'test', ?::timestamptz, ?::timestamptz,
                            '2000-01-01T00:00:00Z') returning id""", "Batch rule " + i + " " + UUID.randomUUID(),
                    isBroken ? "no_such_condition" : "run_failed", workflow,
                    DSL.val(new UUID[] {hook}, SQLDataType.UUID.array()), AlertFixtures.at(now.minusSeconds(3_600)),
                    AlertFixtures.at(now.minusSeconds(3_600))).get(0, UUID.class);
            if (isBroken) {
                broken = rule;
            } else {
                rules.add(rule);
            }
        }

        assertThat(evaluator.evaluateDue(now)).isGreaterThanOrEqualTo(rules.size() + 1);
        for (UUID rule : rules) {
            assertThat(db.fetchValue("select count(*)::int from alerts where rule_id = ?", rule)).isEqualTo(1);
            assertThat(fixtures.notificationsOfRule(rule)).containsExactly("firing " + hook);
        }
        assertThat(db.fetchValue("select count(*)::int from alerts where rule_id = ?", broken)).isEqualTo(0);
        // every rule, the broken one too, waits for its next evaluation; the working ones remember what they saw
        List<UUID> all = new ArrayList<>(rules);
        all.add(broken);
        for (UUID rule : all) {
            assertThat(db.fetchOne("select next_evaluation_at from alert_rules where id = ?", rule)
                    .get(0, OffsetDateTime.class).toInstant()).isAfter(now);
        }
        assertThat(db.fetchValue("select count(*)::int from alert_rules where id = any(?) and evaluation_state is null",
                DSL.val(rules.toArray(UUID[]::new), SQLDataType.UUID.array()))).isEqualTo(0);

        // the same moment again: nothing of these rules is due, nothing changes
        evaluator.evaluateDue(now);
        for (UUID rule : rules) {
            assertThat(db.fetchValue("select occurrences from alerts where rule_id = ?", rule)).isEqualTo(1);
            assertThat(fixtures.notificationsOfRule(rule)).hasSize(1);
        }
    }
}
