package dev.junction.engine.definition;

import dev.junction.engine.nodes.ForEachNode;
import dev.junction.engine.nodes.NodeKinds;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowDefinitionTest {

    @Test
    void aNewWorkflowStartsByHandWithNothingAfterTheTrigger() {
        WorkflowDefinition definition = WorkflowDefinition.initial();

        assertThat(definition.schemaVersion()).isEqualTo(WorkflowDefinition.SCHEMA_VERSION).isEqualTo(1);
        assertThat(definition.trigger().kind()).isEqualTo(TriggerKind.MANUAL);
        assertThat(definition.trigger().kind().label()).isEqualTo("Manual trigger");
        assertThat(definition.trigger().config()).isEmpty();
        assertThat(definition.trigger().position()).isEqualTo(new Position(0, 0));
        assertThat(definition.nodes()).isEmpty();
        assertThat(definition.edges()).isEmpty();
    }

    @Test
    void refusesAnUnknownSchemaVersion() {
        Trigger trigger = new Trigger(TriggerKind.MANUAL, new Position(0, 0));

        assertThatThrownBy(() -> new WorkflowDefinition(2, trigger, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schemaVersion must be 1, was 2");
    }

    @Test
    void isNotChangedThroughTheListsItWasBuiltFrom() {
        List<Node> nodes = new ArrayList<>();
        WorkflowDefinition definition = new WorkflowDefinition(1,
                new Trigger(TriggerKind.WEBHOOK, new Position(0, 0)), nodes, List.of());

        nodes.add(new Node("n1", "map", "Map order", new Position(200, 0)));

        assertThat(definition.nodes()).isEmpty();
    }

    @Test
    void theShortConstructorsGiveEmptyConfigDefaultRetriesAndFailingRuns() {
        Node node = new Node("n1", "map", "Map order", new Position(200, 0));
        Trigger trigger = new Trigger(TriggerKind.POLLING, new Position(1, 2));

        assertThat(node.id()).isEqualTo("n1");
        assertThat(node.type()).isEqualTo("map");
        assertThat(node.name()).isEqualTo("Map order");
        assertThat(node.position()).isEqualTo(new Position(200, 0));
        assertThat(node.config()).isEmpty();
        assertThat(node.retry()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(node.onError()).isEqualTo(ErrorPolicy.FAIL);
        assertThat(trigger.config()).isEmpty();
        assertThat(trigger.position()).isEqualTo(new Position(1, 2));
    }

    @Test
    void configIsADeepUnmodifiableCopyInItsOwnOrderWithNullValues() {
        Map<String, Object> inner = new HashMap<>();
        inner.put("sku", "A-1");
        List<Object> items = new ArrayList<>(List.of(inner));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("zeta", 1);
        config.put("alpha", null);
        config.put("items", items);

        Node node = new Node("n", "script", "N", config, new Position(0, 0), RetryPolicy.NONE, ErrorPolicy.CONTINUE);
        config.put("later", true);
        items.add("later");
        inner.put("sku", "B-2");

        assertThat(node.config().keySet()).containsExactly("zeta", "alpha", "items");
        assertThat(node.config()).containsEntry("alpha", null);
        assertThat(node.config().get("items")).isEqualTo(List.of(Map.of("sku", "A-1")));
        assertThatThrownBy(() -> node.config().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> copiedItems = (List<Object>) node.config().get("items");
        assertThatThrownBy(() -> copiedItems.add("x")).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> copiedInner = (Map<String, Object>) copiedItems.getFirst();
        assertThatThrownBy(() -> copiedInner.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void configNumbersTakeOneFormEachWholeNumbersLongOthersDouble() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("int", 4);
        config.put("short", (short) 5);
        config.put("byte", (byte) 6);
        config.put("long", 12_345_678_901L);
        config.put("bigInteger", BigInteger.valueOf(7));
        config.put("hugeInteger", BigInteger.TEN.pow(30));
        config.put("float", 1.5f);
        config.put("double", 0.25);
        config.put("decimal", new BigDecimal("2.50"));
        config.put("nested", List.of(Map.of("n", 8)));

        Trigger trigger = new Trigger(TriggerKind.WEBHOOK, config, new Position(0, 0));

        assertThat(trigger.config()).containsEntry("int", 4L).containsEntry("short", 5L).containsEntry("byte", 6L)
                .containsEntry("long", 12_345_678_901L).containsEntry("bigInteger", 7L)
                .containsEntry("hugeInteger", 1e30).containsEntry("float", 1.5).containsEntry("double", 0.25)
                .containsEntry("decimal", 2.5).containsEntry("nested", List.of(Map.of("n", 8L)));
        assertThat(new Trigger(TriggerKind.WEBHOOK, Map.of("n", 4), new Position(0, 0)))
                .isEqualTo(new Trigger(TriggerKind.WEBHOOK, Map.of("n", 4L), new Position(0, 0)));
    }

    @Test
    void configRefusesWhatIsNotAJsonValue() {
        assertThatThrownBy(() -> new Node("n", "script", "N", Map.of("when", List.of(LocalDate.of(2026, 1, 1))),
                new Position(0, 0), RetryPolicy.DEFAULT, ErrorPolicy.FAIL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("config.when[0] is a java.time.LocalDate; config holds only JSON values");
        assertThatThrownBy(() -> new Trigger(TriggerKind.WEBHOOK, Map.of("ratio", Double.NaN), new Position(0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("config.ratio is NaN; JSON numbers are finite");
        assertThatThrownBy(() -> new Trigger(TriggerKind.WEBHOOK, Map.of("limits", Map.of(1, "one")),
                new Position(0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("config.limits has the key 1; keys of JSON objects are strings");
    }

    @Test
    void aPositionIsFinite() {
        assertThatThrownBy(() -> new Position(Double.POSITIVE_INFINITY, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a position has finite coordinates, was (Infinity, 0.0)");
    }

    @Test
    void retryPoliciesKeepToTheirLimits() {
        assertThat(RetryPolicy.DEFAULT).isEqualTo(new RetryPolicy(null, 1_000, 60_000, 2.0,
                java.time.Duration.ofMinutes(15)));
        assertThat(RetryPolicy.NONE).isEqualTo(new RetryPolicy(1, 0, 0, 1.0));
        assertThat(new RetryPolicy(20, 3_600_000, 86_400_000, 10.0).maxAttempts()).isEqualTo(20);

        assertThatThrownBy(() -> new RetryPolicy(0, 0, 0, 1.0)).hasMessage("maxAttempts must be from 1 to 20, was 0");
        assertThatThrownBy(() -> new RetryPolicy(21, 0, 0, 1.0)).hasMessageStartingWith("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(1, -1, 0, 1.0)).hasMessageStartingWith("initialDelayMillis");
        assertThatThrownBy(() -> new RetryPolicy(1, 3_600_001, 3_600_001, 1.0))
                .hasMessageStartingWith("initialDelayMillis");
        assertThatThrownBy(() -> new RetryPolicy(1, 500, 499, 1.0))
                .hasMessage("maxDelayMillis must be from initialDelayMillis (500) to 86400000, was 499");
        assertThatThrownBy(() -> new RetryPolicy(1, 0, 86_400_001, 1.0)).hasMessageStartingWith("maxDelayMillis");
        assertThatThrownBy(() -> new RetryPolicy(1, 0, 0, 0.5)).hasMessageStartingWith("multiplier");
        assertThatThrownBy(() -> new RetryPolicy(1, 0, 0, Double.NaN)).hasMessageStartingWith("multiplier");
        assertThatThrownBy(() -> new RetryPolicy(null, 0, 0, 1.0, java.time.Duration.ofDays(31)))
                .hasMessageStartingWith("budget");
    }

    @Test
    void theEnumsHaveTheirJsonNames() {
        assertThat(NodeKinds.types()).containsExactly(
                "connector", "map", "branch", "forEach", "script", "lookup", "delay", "subflow", "notify",
                "reconcileSettlement", "waitUntil");
        assertThat(Arrays.stream(TriggerKind.values()).map(TriggerKind::jsonName))
                .containsExactly("manual", "webhook", "schedule", "polling");
        assertThat(Arrays.stream(ErrorPolicy.values()).map(ErrorPolicy::jsonName))
                .containsExactly("fail", "continue", "error");
        assertThat(NodeKinds.find("forEach")).containsInstanceOf(ForEachNode.class);
        assertThat(NodeKinds.find("foreach")).isEmpty();
        assertThat(TriggerKind.fromJson("polling")).contains(TriggerKind.POLLING);
        assertThat(TriggerKind.fromJson("cron")).isEmpty();
        assertThat(ErrorPolicy.fromJson("error")).contains(ErrorPolicy.ERROR_PORT);
        assertThat(ErrorPolicy.fromJson("ERROR_PORT")).isEmpty();
    }

    @Test
    void aProblemReadsAsPathAndMessage() {
        DefinitionProblem problem = new DefinitionProblem("$.nodes[2].name", "n2", "is required");

        assertThat(problem).hasToString("$.nodes[2].name: is required");
        assertThat(new DefinitionFormatException(List.of(problem, new DefinitionProblem("$.edges", null, "x"))))
                .hasMessage("$.nodes[2].name: is required; $.edges: x");
    }
}
