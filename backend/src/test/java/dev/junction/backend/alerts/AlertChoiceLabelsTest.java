package dev.junction.backend.alerts;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.alerts.channels.ChannelKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every choice of an alert rule's condition parameters and of an alert channel's settings names its values in words
 * ({@code x-enumNames}, read by the rule and channel forms) other than the stored value; a refused choice is
 * answered with the allowed values as the form shows them, label and value.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"junction.alerts.evaluator.enabled=false", "junction.workers.enabled=false"})
class AlertChoiceLabelsTest {

    @LocalServerPort
    int port;
    @Autowired
    AlertConditions conditions;

    @Test
    void everyChoiceOfEveryConditionAndChannelHasWordsThatAreNotItsValue() {
        List<String> checked = new ArrayList<>();
        for (AlertCondition condition : conditions.all()) {
            checkChoices(condition.kind(), condition.parametersSchema(), checked);
        }
        for (ChannelKind kind : ChannelKind.values()) {
            checkChoices(kind.jsonName(), kind.settingsSchema(), checked);
        }
        assertThat(checked).contains("run_failed.category", "no_success.expectation", "anomaly.metric",
                "anomaly.sensitivity", "teams.cardFormat");
    }

    @Test
    void theWordsSayWhatEachValueMeans() {
        assertThat(labels("anomaly", "metric")).containsEntry("p95_duration", "95th percentile duration")
                .containsEntry("volume", "Runs per hour");
        assertThat(labels("run_failed", "category")).containsEntry("rate_limit", "Rate limit");
        assertThat(labels("no_success", "expectation")).containsEntry("trigger", "By its trigger: a schedule or polling");
    }

    @Test
    void aRefusedChoiceNamesTheAllowedValuesByLabelAndValue() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        HttpResponse<String> rule = admin.post("/api/v1/alert-rules", """
                {"name": "Labels %s", "conditionKind": "anomaly", "parameters": {"metric": "p95"}}"""
                .formatted(UUID.randomUUID()));
        assertThat(rule.statusCode()).as(rule.body()).isEqualTo(400);
        assertThat(rule.body()).contains("parameters.metric")
                .contains("must be one of [Any metric (any), Runs per hour (volume), Failure rate (failure_rate),"
                        + " 95th percentile duration (p95_duration), Order value (order_value), Refund share"
                        + " (refund_share), Settlement fees (settlement_fees)], got \\\"p95\\\"");

        HttpResponse<String> channel = admin.post("/api/v1/alert-channels", """
                {"name": "Labels %s", "kind": "teams", "settings": {"webhookUrl": "https://example.com/hook",
                 "cardFormat": "fancy"}}""".formatted(UUID.randomUUID()));
        assertThat(channel.statusCode()).as(channel.body()).isEqualTo(400);
        assertThat(channel.body()).contains("cardFormat").contains("Adaptive Card: Teams Workflows webhooks"
                + " (adaptive), MessageCard: legacy Office 365 connectors (messageCard)");
    }

    private Map<String, String> labels(String kind, String property) {
        Map<String, Object> schema = conditions.find(kind).orElseThrow().parametersSchema();
        Map<String, Object> field = properties(schema).get(property);
        List<?> values = (List<?>) field.get("enum");
        List<?> names = (List<?>) field.get("x-enumNames");
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            labels.put(String.valueOf(values.get(i)), String.valueOf(names.get(i)));
        }
        return labels;
    }

    private static void checkChoices(String owner, Map<String, Object> schema, List<String> checked) {
        properties(schema).forEach((name, field) -> {
            if (!(field.get("enum") instanceof List<?> values)) {
                return;
            }
            assertThat(field.get("x-enumNames")).as(owner + "." + name + " has words for its values")
                    .isInstanceOf(List.class);
            List<?> names = (List<?>) field.get("x-enumNames");
            assertThat(names).as(owner + "." + name).hasSameSizeAs(values);
            for (int i = 0; i < values.size(); i++) {
                assertThat(String.valueOf(names.get(i))).as(owner + "." + name + " " + values.get(i))
                        .isNotEqualTo(String.valueOf(values.get(i)));
            }
            checked.add(owner + "." + name);
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> properties(Map<String, Object> schema) {
        return (Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of());
    }
}
