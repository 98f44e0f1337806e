package dev.junction.engine.definition;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DefinitionDiffTest {

    private static final Trigger MANUAL = new Trigger(TriggerKind.MANUAL, new Position(0, 0));
    private static final Node BASE = new Node("n", "script", "N", Map.of("code", "1"), new Position(0, 0),
            RetryPolicy.DEFAULT, ErrorPolicy.FAIL);

    private static WorkflowDefinition definition(List<Node> nodes, List<Edge> edges) {
        return new WorkflowDefinition(1, MANUAL, nodes, edges);
    }

    private static DefinitionDiff diffOfOneNode(Node before, Node after) {
        return DefinitionDiff.between(definition(List.of(before), List.of()), definition(List.of(after), List.of()));
    }

    @Test
    void nodesAndEdgesAddedRemovedChangedAndMoved() {
        Node kept = new Node("kept", "script", "Kept", Map.of("code", "1"), new Position(0, 0), RetryPolicy.DEFAULT,
                ErrorPolicy.FAIL);
        Node edited = new Node("edited", "script", "Edited", Map.of("code", "1"), new Position(0, 0),
                RetryPolicy.DEFAULT, ErrorPolicy.FAIL);
        Node moved = new Node("moved", "script", "Moved", Map.of("code", "1"), new Position(0, 0), RetryPolicy.DEFAULT,
                ErrorPolicy.FAIL);
        Node gone = new Node("gone", "script", "Gone", new Position(0, 0));
        WorkflowDefinition before = definition(List.of(kept, edited, moved, gone),
                List.of(new Edge("trigger", "out", "kept"), new Edge("kept", "out", "gone")));
        WorkflowDefinition after = definition(List.of(kept,
                        new Node("edited", "script", "Edited", Map.of("code", "2"), new Position(0, 0),
                                RetryPolicy.DEFAULT, ErrorPolicy.FAIL),
                        new Node("moved", "script", "Moved", Map.of("code", "1"), new Position(300, 40),
                                RetryPolicy.DEFAULT, ErrorPolicy.FAIL),
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

        DefinitionDiff diff = DefinitionDiff.between(definition, definition);

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff).isEqualTo(new DefinitionDiff(false, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of()));
    }

    @Test
    void aDefinitionReadBackFromJsonHasNoDifference() {
        WorkflowDefinition definition = DefinitionJsonTest.rich();

        assertThat(DefinitionDiff.between(definition, DefinitionJson.read(DefinitionJson.write(definition))).isEmpty())
                .isTrue();
    }

    @Test
    void anyFieldButThePositionIsAChange() {
        List<Node> edits = List.of(
                new Node("n", "map", "N", BASE.config(), BASE.position(), BASE.retry(), BASE.onError()),
                new Node("n", "script", "Renamed", BASE.config(), BASE.position(), BASE.retry(), BASE.onError()),
                new Node("n", "script", "N", Map.of("code", "2"), BASE.position(), BASE.retry(), BASE.onError()),
                new Node("n", "script", "N", BASE.config(), BASE.position(), RetryPolicy.NONE, BASE.onError()),
                new Node("n", "script", "N", BASE.config(), BASE.position(), BASE.retry(), ErrorPolicy.CONTINUE));

        for (Node edit : edits) {
            DefinitionDiff diff = diffOfOneNode(BASE, edit);
            assertThat(diff.changedNodes()).as("%s", edit).containsExactly("n");
            assertThat(diff.movedNodes()).as("%s", edit).isEmpty();
        }
    }

    @Test
    void aNodeBothChangedAndMovedIsChanged() {
        Node changedAndMoved = new Node("n", "script", "Renamed", BASE.config(), new Position(5, 5), BASE.retry(),
                BASE.onError());

        DefinitionDiff diff = diffOfOneNode(BASE, changedAndMoved);

        assertThat(diff.changedNodes()).containsExactly("n");
        assertThat(diff.movedNodes()).isEmpty();
    }

    @Test
    void movingANodeIsNoChangeButIsListed() {
        DefinitionDiff diff = diffOfOneNode(BASE, new Node("n", "script", "N", BASE.config(), new Position(9, 9),
                BASE.retry(), BASE.onError()));

        assertThat(diff.changedNodes()).isEmpty();
        assertThat(diff.movedNodes()).containsExactly("n");
    }

    @Test
    void theOrderOfNodesAndEdgesIsNoDifference() {
        Node a = new Node("a", "script", "A", new Position(0, 0));
        Node b = new Node("b", "script", "B", new Position(0, 0));
        Edge toA = new Edge("trigger", "out", "a");
        Edge toB = new Edge("trigger", "out", "b");

        assertThat(DefinitionDiff.between(definition(List.of(a, b), List.of(toA, toB)),
                definition(List.of(b, a), List.of(toB, toA))).isEmpty()).isTrue();
    }

    @Test
    void anEdgeFromAnotherPortIsAnotherEdge() {
        Edge fromOut = new Edge("a", "out", "b");
        Edge fromError = new Edge("a", "error", "b");

        DefinitionDiff diff = DefinitionDiff.between(definition(List.of(), List.of(fromOut)),
                definition(List.of(), List.of(fromError)));

        assertThat(diff.addedEdges()).containsExactly(fromError);
        assertThat(diff.removedEdges()).containsExactly(fromOut);
    }

    @Test
    void movingTheTriggerIsNoChangeButChangingItsKindOrConfigIs() {
        WorkflowDefinition manual = WorkflowDefinition.initial();
        WorkflowDefinition movedTrigger = new WorkflowDefinition(1, new Trigger(TriggerKind.MANUAL,
                new Position(50, 50)), List.of(), List.of());
        WorkflowDefinition webhook = new WorkflowDefinition(1, new Trigger(TriggerKind.WEBHOOK, new Position(0, 0)),
                List.of(), List.of());
        WorkflowDefinition configured = new WorkflowDefinition(1, new Trigger(TriggerKind.MANUAL,
                Map.of("note", "x"), new Position(0, 0)), List.of(), List.of());

        assertThat(DefinitionDiff.between(manual, movedTrigger).isEmpty()).isTrue();
        assertThat(DefinitionDiff.between(manual, webhook).triggerChanged()).isTrue();
        assertThat(DefinitionDiff.between(manual, webhook).isEmpty()).isFalse();
        assertThat(DefinitionDiff.between(manual, configured).triggerChanged()).isTrue();
    }

    @Test
    void theListsCannotBeChanged() {
        DefinitionDiff diff = DefinitionDiff.between(WorkflowDefinition.initial(), DefinitionJsonTest.rich());

        assertThat(diff.addedNodes()).hasSize(9);
        assertThat(diff.addedNodes()).isUnmodifiable();
        assertThat(diff.addedEdges()).isUnmodifiable();
    }
}
