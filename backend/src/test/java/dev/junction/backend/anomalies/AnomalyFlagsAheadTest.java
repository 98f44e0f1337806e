package dev.junction.backend.anomalies;

import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.alerts.AlertCondition;
import dev.junction.backend.alerts.AlertFinding;
import dev.junction.backend.alerts.AlertScope;
import dev.junction.backend.alerts.CycleReads;
import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.engine.anomalies.AnomalyMetric;
import dev.junction.engine.anomalies.AnomalySettings;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anomaly flags the rules need are computed ahead of the evaluation cycles, once per distinct settings of the
 * enabled anomaly rules, and a cycle uses them instead of reading the rollups itself.
 */
@SpringBootTest(classes = BackendTestApplication.class, properties = {"junction.alerts.evaluator.enabled=false",
        "junction.workers.enabled=false"})
class AnomalyFlagsAheadTest {

    /** An hour of its own (no other test judges at it), 20 minutes in. */
    private static final Instant NOW = Instant.parse("2026-04-06T14:20:00Z");
    private static final OffsetDateTime HOUR = OffsetDateTime.of(2026, 4, 6, 14, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    AnomalyFlagsAhead ahead;
    @Autowired
    AnomalyService anomalies;
    @Autowired
    List<AlertCondition> conditions;
    @Autowired
    DSLContext db;
    @Autowired
    WorkflowRepository workflows;

    @Test
    void theRulesSettingsAreComputedAheadAndACycleUsesThem() {
        rule("{\"metric\": \"failure_rate\"}", true);
        rule("{\"metric\": \"volume\", \"sensitivity\": \"normal\"}", true);
        rule("{\"sensitivity\": \"high\", \"minHours\": 3}", true);
        rule("{\"sensitivity\": \"low\", \"minHours\": 7}", false);
        AnomalySettings defaults = AnomalySettings.DEFAULTS;
        assertThat(ahead.settingsInUse()).as("each distinct settings of the enabled rules, once")
                .contains(defaults, defaults.withK(defaults.k() * 0.75).withMinHours(3))
                .doesNotContain(defaults.withK(defaults.k() * 1.5).withMinHours(7));

        UUID payments = workflows.insert("payments " + UUID.randomUUID(), "", "test").orElseThrow().id();
        SeededRollups seeded = new SeededRollups(db);
        seeded.steady(payments, HOUR.minusWeeks(4), HOUR.minusHours(3), 20);
        for (int hour = 3; hour > 0; hour--) {
            seeded.hour(payments, HOUR.minusHours(hour), "succeeded", 8, 800);
            seeded.hour(payments, HOUR.minusHours(hour), "failed", 12, 800);
        }
        assertThat(ahead.computeAt(NOW)).isEqualTo(ahead.settingsInUse().size());

        // the rollups are gone, but the cycle takes the flags computed ahead: it reads nothing itself
        db.execute("delete from run_rollups where workflow_id = ?", payments);
        AlertCondition anomaly = conditions.stream().filter(condition -> condition.kind().equals("anomaly"))
                .findFirst().orElseThrow();
        List<AlertFinding> findings = anomaly.evaluate(new AlertScope(payments, null, null),
                Map.of("metric", "failure_rate"), NOW.plusSeconds(30), new CycleReads());
        assertThat(findings).extracting(AlertFinding::fingerprint)
                .containsExactly("anomaly:" + payments + ":failure_rate:high");
        assertThat(anomalies.flags(payments, AnomalySettings.DEFAULTS, EnumSet.allOf(AnomalyMetric.class),
                NOW.plusSeconds(30))).as("computed now from the rollups, as they are").isEmpty();

        // a minute later the flags are no longer fresh: the cycle computes them again from the rollups
        assertThat(anomaly.evaluate(new AlertScope(payments, null, null), Map.of("metric", "failure_rate"),
                NOW.plusSeconds(90), new CycleReads())).isEmpty();
        db.execute("delete from alert_rules where name like 'Ahead %'");
    }

    private void rule(String parameters, boolean enabled) {
        db.execute("""
                insert into alert_rules (name, enabled, condition_kind, parameters, created_by, updated_by)
                values (?, ?, 'anomaly', ?::jsonb, 'test', 'test')""", "Ahead " + UUID.randomUUID(), enabled,
                parameters);
    }
}
