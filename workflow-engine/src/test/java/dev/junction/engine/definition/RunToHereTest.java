package dev.junction.engine.definition;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunToHereTest {

    private static String node(String id, String type) {
        return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"name\": \"" + id + "\", \"config\": {},"
                + " \"position\": {\"x\": 0, \"y\": 0}}";
    }

    private static String edge(String from, String port, String to) {
        return "{\"from\": \"" + from + "\", \"fromPort\": \"" + port + "\", \"to\": \"" + to + "\"}";
    }

    private static WorkflowDefinition definition(List<String> nodes, List<String> edges) {
        return DefinitionJson.read("{\"schemaVersion\": 1, \"trigger\": {\"kind\": \"manual\", \"config\": {},"
                + " \"position\": {\"x\": 0, \"y\": 0}}, \"nodes\": [" + String.join(",", nodes) + "], \"edges\": ["
                + String.join(",", edges) + "]}");
    }

    private static List<String> ids(WorkflowDefinition definition) {
        return definition.nodes().stream().map(Node::id).toList();
    }

    /** trigger -> a -> branch -(yes)-> b -> c, branch -(else)-> d, a -> e (a side path). */
    private static final WorkflowDefinition BRANCHED = definition(
            List.of(node("a", "script"), node("branch", "branch"), node("b", "script"), node("c", "script"),
                    node("d", "script"), node("e", "script")),
            List.of(edge("trigger", "out", "a"), edge("a", "out", "branch"), edge("branch", "yes", "b"),
                    edge("b", "out", "c"), edge("branch", "else", "d"), edge("a", "out", "e")));

    @Test
    void keepsTheStopNodeAndWhatLeadsToItOnly() {
        WorkflowDefinition restricted = RunToHere.restrict(BRANCHED, "b");

        assertThat(ids(restricted)).containsExactly("a", "branch", "b");
        assertThat(restricted.edges()).containsExactly(new Edge("trigger", "out", "a"),
                new Edge("a", "out", "branch"), new Edge("branch", "yes", "b"));
        assertThat(restricted.firstNodes()).containsExactly("a");
        assertThat(restricted.targets("branch", "else")).isEmpty();
    }

    @Test
    void theTriggerOrAnUnknownNodeKeepsNothing() {
        assertThat(RunToHere.restrict(BRANCHED, "trigger").nodes()).isEmpty();
        assertThat(RunToHere.restrict(BRANCHED, "nope").firstNodes()).isEmpty();
    }

    /** trigger -> each -(body)-> x -> y -> each (loop back), each -(done)-> after -> last. */
    private static final WorkflowDefinition LOOPED = definition(
            List.of(node("each", "forEach"), node("x", "script"), node("y", "script"), node("after", "script"),
                    node("last", "script")),
            List.of(edge("trigger", "out", "each"), edge("each", "body", "x"), edge("x", "out", "y"),
                    edge("y", "out", "each"), edge("each", "done", "after"), edge("after", "out", "last")));

    @Test
    void aStopNodeInsideAForEachBodyKeepsTheBodyUpToItAndNotItsSuccessors() {
        WorkflowDefinition restricted = RunToHere.restrict(LOOPED, "x");

        assertThat(ids(restricted)).containsExactly("each", "x");
        assertThat(restricted.targets("each", "body")).containsExactly("x");
        assertThat(restricted.targets("each", "done")).isEmpty();
    }

    @Test
    void aStopNodeAfterAForEachKeepsItsWholeBody() {
        WorkflowDefinition restricted = RunToHere.restrict(LOOPED, "after");

        assertThat(ids(restricted)).containsExactly("each", "x", "y", "after");
        assertThat(restricted.edges()).contains(new Edge("y", "out", "each"));
        assertThat(restricted.targets("after", "out")).isEmpty();
    }
}
