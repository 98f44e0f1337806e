package dev.junction.engine.definition;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DominatorsTest {

    private static Edge edge(String from, String to) {
        return new Edge(from, "out", to);
    }

    /** The definition itself: a dominates b when both are reached and, without a, the trigger reaches b no more. */
    private static boolean dominatesByDefinition(String a, String b, List<Edge> edges) {
        Set<String> reached = EdgeWalk.reachableFrom(Trigger.NODE_ID, edge -> true, EdgeWalk.outgoing(edges));
        reached.add(Trigger.NODE_ID);
        if (!reached.contains(b) || !reached.contains(a)) {
            return false;
        }
        if (a.equals(b) || a.equals(Trigger.NODE_ID)) {
            return true;
        }
        if (b.equals(Trigger.NODE_ID)) {
            return false;
        }
        Set<String> without = EdgeWalk.reachableFrom(Trigger.NODE_ID, edge -> !edge.from().equals(a)
                && !edge.to().equals(a), EdgeWalk.outgoing(edges));
        return !without.contains(b);
    }

    @Test
    void aDiamondsSidesDoNotDominateWhereTheyMeet() {
        List<Edge> edges = List.of(edge("trigger", "a"), edge("a", "b"), edge("a", "c"), edge("b", "d"),
                edge("c", "d"), edge("d", "e"), edge("x", "e"));
        Dominators dominators = Dominators.of(Trigger.NODE_ID, edges);

        assertThat(dominators.dominates("a", "e")).isTrue();
        assertThat(dominators.dominates("d", "e")).isTrue();
        assertThat(dominators.dominates("b", "d")).isFalse();
        assertThat(dominators.dominates("c", "e")).isFalse();
        assertThat(dominators.dominates("e", "e")).isTrue();
        assertThat(dominators.reached("x")).as("an island").isFalse();
        assertThat(dominators.dominates("x", "e")).isFalse();
    }

    @Test
    void aChainOfTenThousandStepsIsWalkedWithoutRecursion() {
        List<Edge> edges = new ArrayList<>(List.of(edge("trigger", "n0")));
        for (int i = 0; i + 1 < 10_000; i++) {
            edges.add(edge("n" + i, "n" + (i + 1)));
        }
        Dominators dominators = Dominators.of(Trigger.NODE_ID, edges);

        assertThat(dominators.dominates("n17", "n9999")).isTrue();
        assertThat(dominators.dominates("n9999", "n17")).isFalse();
    }

    @Test
    void everyAnswerIsTheDefinitionsOnRandomGraphsWithCyclesAndIslands() {
        Random random = new Random(16);
        for (int graph = 0; graph < 300; graph++) {
            int size = 2 + random.nextInt(14);
            List<String> nodes = new ArrayList<>(List.of(Trigger.NODE_ID));
            for (int i = 0; i < size; i++) {
                nodes.add("n" + i);
            }
            List<Edge> edges = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            int count = random.nextInt(size * 2 + 1);
            for (int i = 0; i < count; i++) {
                String from = nodes.get(random.nextInt(nodes.size()));
                String to = nodes.get(1 + random.nextInt(size));
                if (seen.add(from + ">" + to)) {
                    edges.add(edge(from, to));
                }
            }
            Dominators dominators = Dominators.of(Trigger.NODE_ID, edges);
            for (String a : nodes) {
                for (String b : nodes) {
                    assertThat(dominators.dominates(a, b)).as("%s dominates %s in %s", a, b, edges)
                            .isEqualTo(dominatesByDefinition(a, b, edges));
                }
            }
        }
    }
}
