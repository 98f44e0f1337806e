package dev.junction.engine.definition;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DefinitionDiffTest {

    private static final Trigger MANUAL = new Trigger(TriggerKind.MANUAL, new Position(0, 0));

    @Test
    void nodesAndEdgesAddedRemovedChangedAndMoved() {
        Node kept = new Node("kept", "script", "Kept", Map.of("code", "1"), new Position(0, 0), RetryPolicy.DEFAULT,
                ErrorPolicy.FAIL);
        Node edited = new Node("edited", "script", "Edited", Map.of("code", "1"), new Position(0, 0),
                RetryPolicy.DEFAULT, ErrorPolicy.FAIL);
        Node moved = new Node("moved", "script", "Moved", Map.of("code", "1"), new Position(0, 0), RetryPolicy.DEFAULT,
                ErrorPolicy.FAIL);
        Node gone = new Node("gone", "script", "Gone", new Position(0, 0));
        WorkflowDefinition before = new WorkflowDefinition(1, MANUAL, List.of(kept, edited, moved, gone),
                List.of(new Edge("trigger", "out", "kept"), new Edge("kept", "out", "gone")));
        WorkflowDefinition after = new WorkflowDefinition(1, MANUAL, List.of(kept,
                new Node("edited", "script", "Edited", Map.of("code", "2"), new Position(0, 0), RetryPolicy.DEFAULT,
                        ErrorPolicy.FAIL),
                new Node("moved", "script", "Moved", Map.of("code", "1"), new Position(300, 40), RetryPolicy.DEFAULT,
                        ErrorPolicy.FAIL),
                new Node("fresh", "notify", "Fresh", new Position(0, 0))),
                List.of(new Edge("trigger", "out", "kept"), new Edge("kept", "out", "fresh")));

        DefinitionDiff diff = DefinitionDiff.between(before, after);

        assertThat(diff.triggerChanged()).isFalse();
        assertThat(diff.addedNodes()).containsExactly("fresh");
        assertThat(diff.removedNodes()).containsExactly("gone");
        assertThat(diff.changedNodes()).containsExactly("edited");
        assertThat(diff.movedNodes()).containsExactly("moved");
        assertThat(diff.addedEdges()).containsExactly(new Edge("kept", "out", "fresh"));
        assertThat(diff.removedEdges()).containsExactly(new Edge("kept", "out", "gone"));
        assertThat(diff.isEmpty()).isFalse();
    }

    @Test
    void aDefinitionComparedWithItselfHasNoDifference() {
        WorkflowDefinition definition = DefinitionJsonTest.rich();

        assertThat(DefinitionDiff.between(definition, definition).isEmpty()).isTrue();
    }

    @Test
    void movingTheTriggerIsNoChangeButChangingItsKindIs() {
        WorkflowDefinition manual = WorkflowDefinition.initial();
        WorkflowDefinition movedTrigger = new WorkflowDefinition(1, new Trigger(TriggerKind.MANUAL,
                new Position(50, 50)), List.of(), List.of());
        WorkflowDefinition webhook = new WorkflowDefinition(1, new Trigger(TriggerKind.WEBHOOK, new Position(0, 0)),
                List.of(), List.of());

        assertThat(DefinitionDiff.between(manual, movedTrigger).isEmpty()).isTrue();
        assertThat(DefinitionDiff.between(manual, webhook).triggerChanged()).isTrue();
    }
}
