package dev.junction.backend.alerts.conditions;

import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.alerts.AlertCondition;
import dev.junction.backend.alerts.AlertFinding;
import dev.junction.backend.alerts.AlertMemory;
import dev.junction.backend.alerts.AlertScope;
import dev.junction.backend.alerts.CycleReads;
import dev.junction.backend.alerts.ScopedWorkflows;
import dev.junction.backend.rollups.RollupFolder;
import dev.junction.db.rollups.RunRollups;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conditions read runs once per cycle for all rules of a kind, not once per rule: twelve rules, each scoped to a
 * workflow of its own, evaluated in one cycle make as many statements as one rule does — and find exactly what each
 * rule finds when evaluated alone.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"junction.alerts.evaluator.enabled=false", "junction.workers.enabled=false"})
class BatchedConditionReadsTest {

    private static final int RULES = 12;

    @Autowired
    DSLContext db;
    @Autowired
    RollupFolder rollups;

    private final List<String> statements = new CopyOnWriteArrayList<>();

    @Test
    void eachKindReadsOncePerCycleWhateverTheNumberOfRules() {
        ConditionFixtures fixtures = new ConditionFixtures(db);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        List<UUID> workflows = new ArrayList<>();
        for (int i = 0; i < RULES; i++) {
            UUID workflow = fixtures.workflow("Batched " + i + " " + UUID.randomUUID());
            workflows.add(workflow);
            for (int h = 1; h <= 24; h++) {
                Instant start = hour.minus(Duration.ofHours(h)).plusSeconds(30);
                fixtures.run(workflow, "succeeded", start, start.plusSeconds(1));
            }
            // succeeded in this hour of the week one and two weeks ago: expected to succeed now (no_success)
            for (int week = 1; week <= 2; week++) {
                Instant start = hour.minus(Duration.ofDays(7L * week)).plusSeconds(30);
                fixtures.run(workflow, "succeeded", start, start.plusSeconds(1));
            }
            // the even workflows fail in the window (and go slow); the odd ones succeed
            for (int r = 0; r < 4; r++) {
                Instant start = now.minus(Duration.ofMinutes(5 + r));
                fixtures.run(workflow, i % 2 == 0 ? "dead_lettered" : "succeeded", start,
                        start.plusSeconds(i % 2 == 0 ? 40 : 1));
            }
        }
        rollups.foldNow();
        DSLContext counted = db.configuration().derive(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext context) {
                statements.add(context.sql());
            }
        }).dsl();
        ScopedWorkflows scopes = new ScopedWorkflows(counted);

        assertBatched(new FailureRateCondition(counted, scopes),
                Map.of("thresholdPercent", 50, "windowMinutes", 60, "minRuns", 2), workflows, now);
        assertBatched(new DurationOverCondition(counted, scopes, new RunRollups(counted)),
                Map.of("factor", 3, "windowMinutes", 60, "minBaselineRuns", 10), workflows, now);
        assertBatched(new DlqDepthCondition(counted, scopes), Map.of("threshold", 3), workflows, now);
        assertBatched(new NoSuccessCondition(counted, scopes), Map.of("minutes", 30, "expectation", "history"),
                workflows, now);
        RunFailedCondition runFailed = new RunFailedCondition(counted, scopes);
        assertBatched(runFailed, Map.of("quietMinutes", 60), workflows, now,
                (reads, scope) -> runFailed.evaluate(scope, Map.of("quietMinutes", 60),
                        new AlertMemory(now.minus(Duration.ofMinutes(30)), Map.of()), now, reads).findings());

        // a rule over everything reads the same (its read once had no space before "order by": an SQL error)
        List<String> everything = fingerprints(runFailed.evaluate(AlertScope.everything(), Map.of("quietMinutes", 60),
                new AlertMemory(now.minus(Duration.ofMinutes(30)), Map.of()), now).findings());
        for (int i = 0; i < workflows.size(); i += 2) {
            String workflow = workflows.get(i).toString();
            assertThat(everything).anyMatch(fingerprint -> fingerprint.startsWith("run_failed:" + workflow + ":"));
        }
    }

    private void assertBatched(AlertCondition condition, Map<String, Object> parameters, List<UUID> workflows,
                               Instant now) {
        assertBatched(condition, parameters, workflows, now,
                (reads, scope) -> condition.evaluate(scope, parameters, now, reads));
    }

    private void assertBatched(AlertCondition condition, Map<String, Object> parameters, List<UUID> workflows,
                               Instant now, Evaluation evaluation) {
        // each rule alone: what it finds, and how many statements one rule makes at most
        List<List<String>> alone = new ArrayList<>();
        int oneRule = -1;
        for (UUID workflow : workflows) {
            statements.clear();
            alone.add(fingerprints(evaluation.of(new CycleReads(), new AlertScope(workflow, null, null))));
            oneRule = Math.max(oneRule, statements.size());
        }
        // all rules in one cycle
        statements.clear();
        CycleReads cycle = new CycleReads();
        List<List<String>> together = new ArrayList<>();
        for (UUID workflow : workflows) {
            together.add(fingerprints(evaluation.of(cycle, new AlertScope(workflow, null, null))));
        }
        assertThat(together).as(condition.kind()).isEqualTo(alone);
        assertThat(statements).as(condition.kind() + ": statements of %d rules in one cycle", RULES)
                .hasSizeLessThanOrEqualTo(oneRule);
        // the even workflows meet every condition; the odd ones meet none
        for (int i = 0; i < workflows.size(); i++) {
            assertThat(together.get(i)).as(condition.kind() + " of workflow " + i).hasSize(i % 2 == 0 ? 1 : 0);
        }
    }

    private static List<String> fingerprints(List<AlertFinding> findings) {
        return findings.stream().map(AlertFinding::fingerprint).sorted().toList();
    }

    @FunctionalInterface
    private interface Evaluation {
        List<AlertFinding> of(CycleReads reads, AlertScope scope);
    }
}
