package dev.junction.backend.alerts;

import dev.junction.backend.BackendTestApplication;
import dev.junction.db.embedded.EmbeddedDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes — two application contexts on one PostgreSQL — evaluate the same rules at the same moments: each firing
 * is one alert and one outbox row per channel, whichever node evaluated it. Then a node stops and a new one starts:
 * the alerts are still there and it carries on (counting occurrences, not firing again).
 */
class AlertClusterTest {

    private static final EmbeddedDatabase DATABASE = EmbeddedDatabase.startFresh();

    @AfterAll
    static void stop() {
        DATABASE.close();
    }

    private static ConfigurableApplicationContext node() {
        // as arguments: they win over application.properties (default properties would not)
        return new SpringApplicationBuilder(BackendTestApplication.class).run(
                "--junction.db.url=jdbc:postgresql://localhost:" + DATABASE.port() + "/postgres",
                "--junction.db.user=" + DATABASE.user(), "--junction.db.password=" + DATABASE.password(),
                "--server.port=0", "--junction.workers.enabled=false", "--spring.quartz.auto-startup=false",
                "--junction.alerts.evaluator.enabled=false");
    }

    @Test
    void twoNodesFireOnceAndANewNodeCarriesOn() throws Exception {
        ConfigurableApplicationContext first = node();
        ConfigurableApplicationContext second = node();
        try {
            DSLContext db = first.getBean(DSLContext.class);
            AlertFixtures fixtures = new AlertFixtures(db);
            UUID hook = fixtures.channel("cluster hook");
            UUID mail = fixtures.channel("cluster mail");
            List<UUID> workflows = List.of(fixtures.workflow("Cluster A"), fixtures.workflow("Cluster B"),
                    fixtures.workflow("Cluster C"));
            List<UUID> rules = new java.util.ArrayList<>();
            for (UUID workflow : workflows) {
                rules.add(db.fetchSingle("""
                        insert into alert_rules (name, condition_kind, parameters, workflow_id, channel_ids,
                                                 created_by, updated_by, created_at, updated_at)
                        values (?, 'run_failed', '{"quietMinutes": 0}', ?, ?, 'test', 'test', now() - interval '1 hour',
                                now() - interval '1 hour') returning id""", "Cluster rule " + workflow, workflow,
                        org.jooq.impl.DSL.val(new UUID[] {hook, mail}, org.jooq.impl.SQLDataType.UUID.array()))
                        .get(0, UUID.class));
            }
            Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (UUID workflow : workflows) {
                fixtures.failed(workflow, base.minusSeconds(30));
                fixtures.failed(workflow, base.minusSeconds(20));
            }

            // both nodes evaluate at the same moment, several cycles
            for (int cycle = 0; cycle < 4; cycle++) {
                Instant now = base.plus(Duration.ofSeconds(10L * cycle));
                rules.forEach(fixtures::due);
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> evaluate(first, together, now));
                CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> evaluate(second, together, now));
                assertThat(one.get() + two.get()).as("each rule evaluated by one node per cycle")
                        .isEqualTo(rules.size());
            }
            // one database: what a node wrote, the other reads
            assertThat(second.getBean(DSLContext.class).fetchValue("select count(*)::int from alert_rules"))
                    .isEqualTo(rules.size());
            for (UUID rule : rules) {
                assertThat(db.fetchValue("select count(*)::int from alerts where rule_id = ?", rule)).isEqualTo(1);
                assertThat(db.fetchValue("select occurrences from alerts where rule_id = ?", rule)).isEqualTo(2);
                assertThat(fixtures.notificationsOfRule(rule)).containsExactlyInAnyOrder("firing " + hook,
                        "firing " + mail);
            }

            // a node stops; a new one starts and carries on from the database
            first.close();
            ConfigurableApplicationContext third = node();
            try {
                DSLContext thirdDb = third.getBean(DSLContext.class);
                AlertFixtures thirdFixtures = new AlertFixtures(thirdDb);
                thirdFixtures.failed(workflows.getFirst(), base.plusSeconds(45));
                rules.forEach(thirdFixtures::due);
                third.getBean(AlertEvaluator.class).evaluateDue(base.plusSeconds(50));
                assertThat(thirdDb.fetchValue("select count(*)::int from alerts where rule_id = ?", rules.getFirst()))
                        .isEqualTo(1);
                assertThat(thirdDb.fetchValue("select occurrences from alerts where rule_id = ?", rules.getFirst()))
                        .isEqualTo(3);
                assertThat(thirdFixtures.notificationsOfRule(rules.getFirst())).hasSize(2);
                // the second node, still running, does the next cycle
                thirdFixtures.succeeded(workflows.getFirst(), base.plusSeconds(55));
                rules.forEach(thirdFixtures::due);
                second.getBean(AlertEvaluator.class).evaluateDue(base.plusSeconds(60));
                assertThat(thirdDb.fetchValue("select state from alerts where rule_id = ?", rules.getFirst()))
                        .isEqualTo("resolved");
                assertThat(thirdFixtures.notificationsOfRule(rules.getFirst())).containsExactlyInAnyOrder(
                        "firing " + hook, "firing " + mail, "resolved " + hook, "resolved " + mail);
            } finally {
                third.close();
            }
        } finally {
            first.close();
            second.close();
        }
    }

    private static int evaluate(ConfigurableApplicationContext node, CyclicBarrier together, Instant now) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return node.getBean(AlertEvaluator.class).evaluateDue(now);
    }
}
