package dev.junction.backend.alerts.conditions;

import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.alerts.AlertFinding;
import dev.junction.backend.alerts.AlertScope;
import dev.junction.backend.rollups.RollupFolder;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A run took longer than k × p95" evaluated on real runs: a workflow whose baseline (its successful runs of the past
 * days, from the rollups) is 1–2 s fires for a 60 s run in the window and for one still running after 60 s, and stays
 * quiet for runs within k × p95, for runs before the window, and for a workflow with too small a baseline.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"junction.alerts.evaluator.enabled=false", "junction.workers.enabled=false"})
class DurationOverConditionTest {

    private static final Map<String, Object> PARAMETERS = Map.of("factor", 3, "windowMinutes", 60,
            "baselineDays", 7, "minBaselineRuns", 20);

    @Autowired
    DSLContext db;
    @Autowired
    DurationOverCondition condition;
    @Autowired
    RollupFolder rollups;

    @Test
    void firesForASlowRunAndStaysQuietForUsualOnes() {
        ConditionFixtures fixtures = new ConditionFixtures(db);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID slow = fixtures.workflow("Slow " + UUID.randomUUID());
        UUID usual = fixtures.workflow("Usual " + UUID.randomUUID());
        UUID young = fixtures.workflow("Young " + UUID.randomUUID());
        for (UUID workflow : List.of(slow, usual)) {
            baseline(fixtures, workflow, now, 30);
        }
        baseline(fixtures, young, now, 5);
        rollups.foldNow();

        // within the window: usual durations everywhere, one 60 s run of "Slow", one 60 s run of "Young"
        fixtures.run(usual, "succeeded", now.minusSeconds(600), now.minusSeconds(598));
        fixtures.run(usual, "failed", now.minusSeconds(500), now.minusSeconds(499));
        UUID slowRun = fixtures.run(slow, "succeeded", now.minusSeconds(900), now.minusSeconds(840));
        fixtures.run(slow, "succeeded", now.minusSeconds(300), now.minusSeconds(298));
        fixtures.run(young, "succeeded", now.minusSeconds(900), now.minusSeconds(840));
        // before the window: a slow run of "Usual" does not count
        fixtures.run(usual, "succeeded", now.minus(Duration.ofMinutes(90)), now.minus(Duration.ofMinutes(85)));

        List<AlertFinding> findings = condition.evaluate(AlertScope.everything(), PARAMETERS, now);
        List<AlertFinding> ours = findings.stream().filter(finding -> List.of(slow, usual, young).stream()
                .anyMatch(workflow -> finding.fingerprint().equals("duration_over:" + workflow))).toList();
        assertThat(ours).extracting(AlertFinding::fingerprint).containsExactly("duration_over:" + slow);
        AlertFinding finding = ours.getFirst();
        assertThat(finding.details()).containsEntry("runId", slowRun.toString()).containsEntry("durationMs", 60_000L)
                .containsEntry("slowRuns", 1);
        assertThat((Long) finding.details().get("p95Ms")).isBetween(1_000L, 4_000L);
        assertThat(finding.link()).isEqualTo("runs/" + slowRun);
        assertThat(finding.summary()).contains("1 run took longer than 3.0 × p95").contains("the slowest took 60000 ms");

        // scoped to "Usual" alone: quiet
        assertThat(condition.evaluate(new AlertScope(usual, null, null), PARAMETERS, now)).isEmpty();

        // a run of "Usual" still running after 60 s is the stuck-run alarm
        UUID stuck = fixtures.run(usual, "running", now.minusSeconds(60), null);
        List<AlertFinding> stuckFindings = condition.evaluate(new AlertScope(usual, null, null), PARAMETERS, now);
        assertThat(stuckFindings).extracting(AlertFinding::fingerprint).containsExactly("duration_over:" + usual);
        assertThat(stuckFindings.getFirst().details()).containsEntry("runId", stuck.toString());
        assertThat(stuckFindings.getFirst().summary()).contains("the slowest is still running after 60000 ms");
    }

    /** {@code runs} successful runs of 1–2 s, one every hour in the past days (never in the current hour). */
    private static void baseline(ConditionFixtures fixtures, UUID workflow, Instant now, int runs) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        for (int i = 1; i <= runs; i++) {
            Instant start = hour.minus(Duration.ofHours(i)).plusSeconds(60);
            fixtures.run(workflow, "succeeded", start, start.plusMillis(1_000 + 40L * i));
        }
    }
}
