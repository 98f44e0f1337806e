package dev.junction.engine.definition;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowDefinitionTest {

    @Test
    void aNewWorkflowStartsByHandWithNothingAfterTheTrigger() {
        WorkflowDefinition definition = WorkflowDefinition.initial();

        assertThat(definition.schemaVersion()).isEqualTo(1);
        assertThat(definition.trigger().kind()).isEqualTo(TriggerKind.MANUAL);
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
}
