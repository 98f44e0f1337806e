package dev.junction.backend.anomalies;

import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.alerts.AlertCondition;
import dev.junction.backend.alerts.AlertFinding;
import dev.junction.backend.alerts.AlertScope;
import dev.junction.db.workflows.WorkflowRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code anomaly} alert condition over seeded history, judged at a fixed instant. */
@SpringBootTest(classes = BackendTestApplication.class)
class AnomalyConditionTest {

    /** The evaluation instant: 20 minutes into an hour, so the hour before is the latest complete one. */
    private static final Instant NOW = Instant.parse("2026-03-02T10:20:00Z");
    private static final OffsetDateTime HOUR = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    List<AlertCondition> conditions;
    @Autowired
    DSLContext db;
    @Autowired
    WorkflowRepository workflows;

    private AlertCondition anomaly() {
        return conditions.stream().filter(condition -> condition.kind().equals("anomaly")).findFirst().orElseThrow();
    }

    private UUID workflowWithFailingLastHours(int failingHours) {
        UUID id = workflows.insert("payments " + UUID.randomUUID(), "", "test").orElseThrow().id();
        SeededRollups seeded = new SeededRollups(db);
        seeded.steady(id, HOUR.minusWeeks(4), HOUR.minusHours(failingHours), 20);
        for (int hour = failingHours; hour > 0; hour--) {
            seeded.hour(id, HOUR.minusHours(hour), "succeeded", 8, 800);
            seeded.hour(id, HOUR.minusHours(hour), "failed", 12, 800);
        }
        return id;
    }

    @Test
    void aFailureRateSpikeIsOneFindingPerWorkflowMetricAndDirectionWithTheSentence() {
        UUID payments = workflowWithFailingLastHours(3);

        List<AlertFinding> findings = anomaly().evaluate(new AlertScope(payments, null, null),
                Map.of("metric", "failure_rate"), NOW);

        assertThat(findings).hasSize(1);
        AlertFinding finding = findings.getFirst();
        assertThat(finding.fingerprint()).isEqualTo("anomaly:" + payments + ":failure_rate:high");
        assertThat(finding.summary()).startsWith("payments ").contains(": failure rate 60 % in the last 2 h")
                .endsWith("usually 0 %");
        assertThat(finding.link()).isEqualTo("runs?status=failed,dead_lettered&workflow=" + payments
                + "&from=2026-03-02T08:00:00Z&to=2026-03-02T10:00:00Z");
        assertThat(finding.details()).containsEntry("metric", "failure_rate").containsEntry("windowHours", 2);
    }

    @Test
    void aRefundBurstFiresOnTheRefundShareMetricAndNotOnOrderValue() {
        UUID payments = workflows.insert("payments " + UUID.randomUUID(), "", "test").orElseThrow().id();
        new SeededRollups(db).refundBurst(payments, HOUR.minusWeeks(4), HOUR, 3);
        AlertScope scope = new AlertScope(payments, null, null);

        List<AlertFinding> findings = anomaly().evaluate(scope, Map.of("metric", "refund_share"), NOW);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.fingerprint()).isEqualTo("anomaly:" + payments + ":refund_share:high");
            assertThat(finding.summary()).endsWith(": refund share 67 % in the last 2 h, usually 3.4 %");
            assertThat(finding.details()).containsEntry("metric", "refund_share");
        });
        assertThat(anomaly().evaluate(scope, Map.of("metric", "order_value"), NOW))
                .as("the sales fell by a third: inside the band").isEmpty();
    }

    @Test
    void otherMetricsAndScopesFindNothing() {
        UUID payments = workflowWithFailingLastHours(3);

        assertThat(anomaly().evaluate(new AlertScope(payments, null, null), Map.of("metric", "volume"), NOW))
                .as("the volume stayed at 20 runs an hour").isEmpty();
        assertThat(anomaly().evaluate(new AlertScope(null, "no-workflow-has-" + UUID.randomUUID(), null), Map.of(),
                NOW)).isEmpty();
    }

    @Test
    void aTagScopeWatchesTheWorkflowsCarryingTheTag() {
        UUID tagged = workflowWithFailingLastHours(3);
        UUID untagged = workflowWithFailingLastHours(3);
        String tag = "payments-" + UUID.randomUUID().toString().substring(0, 8);
        db.execute("update workflows set tags = array[?::text] where id = ?", tag, tagged);
        AlertScope scope = new AlertScope(null, tag, null);

        List<AlertFinding> findings = anomaly().evaluate(scope, Map.of("metric", "failure_rate"), NOW);

        assertThat(findings).extracting(AlertFinding::fingerprint)
                .containsExactly("anomaly:" + tagged + ":failure_rate:high")
                .doesNotContain("anomaly:" + untagged + ":failure_rate:high");
        assertThat(anomaly().evaluate(scope, Map.of("metric", "failure_rate"), NOW, new dev.junction.backend.alerts
                .CycleReads())).as("within a cycle too").extracting(AlertFinding::fingerprint)
                .containsExactly("anomaly:" + tagged + ":failure_rate:high");
    }

    @Test
    void aHealthyWorkflowFindsNothing() {
        UUID healthy = workflowWithFailingLastHours(0);

        assertThat(anomaly().evaluate(new AlertScope(healthy, null, null), Map.of(), NOW)).isEmpty();
    }

    @Test
    void describesItsParametersForTheRuleForm() {
        Map<String, Object> schema = anomaly().parametersSchema();

        assertThat(schema).containsEntry("type", "object");
        assertThat(((Map<?, ?>) schema.get("properties")).keySet().toString())
                .isEqualTo("[metric, sensitivity, minHours]");
        Map<?, ?> metric = (Map<?, ?>) ((Map<?, ?>) schema.get("properties")).get("metric");
        List<?> choices = (List<?>) metric.get("enum");
        List<?> labels = (List<?>) metric.get("x-enumNames");
        assertThat(labels).hasSameSizeAs(choices);
        assertThat(labels.get(choices.indexOf("order_value"))).isEqualTo("Order value");
        assertThat(labels.get(choices.indexOf("refund_share"))).isEqualTo("Refund share");
        assertThat(labels.get(choices.indexOf("settlement_fees"))).isEqualTo("Settlement fees");
        assertThat(anomaly().title()).isNotBlank();
    }
}
