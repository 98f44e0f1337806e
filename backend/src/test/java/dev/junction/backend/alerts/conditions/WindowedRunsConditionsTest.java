package dev.junction.backend.alerts.conditions;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The two windowed-runs conditions describe their parameters as the rule form shows them: threshold, window, rest. */
class WindowedRunsConditionsTest {

    @Test
    void failureRateParametersInFormOrder() {
        Map<String, Object> schema = new FailureRateCondition(null, null).parametersSchema();
        assertThat(properties(schema)).containsExactly("thresholdPercent", "windowMinutes", "minRuns");
        assertThat(schema).containsEntry("required", List.of("thresholdPercent"))
                .containsEntry("additionalProperties", false);
        assertThat(property(schema, "windowMinutes")).containsEntry("title", "Window (minutes)")
                .containsEntry("description", "The runs created within this many minutes")
                .containsEntry("default", 60L);
        assertThat(new FailureRateCondition(null, null).kind()).isEqualTo("failure_rate");
    }

    @Test
    void durationOverParametersInFormOrder() {
        DurationOverCondition condition = new DurationOverCondition(null, null, null);
        Map<String, Object> schema = condition.parametersSchema();
        assertThat(properties(schema)).containsExactly("factor", "windowMinutes", "baselineDays", "minBaselineRuns");
        assertThat(schema).containsEntry("required", List.of("factor"));
        assertThat(property(schema, "windowMinutes"))
                .containsEntry("description", "Looks at the runs created within this many minutes");
        assertThat(condition.kind()).isEqualTo("duration_over");
        assertThat(condition.title()).isEqualTo("A run took longer than usual (k × p95)");
    }

    @SuppressWarnings("unchecked")
    private static List<String> properties(Map<String, Object> schema) {
        return List.copyOf(((Map<String, Object>) schema.get("properties")).keySet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> property(Map<String, Object> schema, String name) {
        return (Map<String, Object>) ((Map<String, Object>) schema.get("properties")).get(name);
    }
}
