package dev.junction.engine.runs;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** When a chain of steps may carry what it knows of its run instead of reading it again. */
class RunWorkerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final UUID RUN = UUID.randomUUID();

    private static RunState state(boolean sole) {
        return new RunState(RUN, "order-1", Map.of("orderId", "order-1"), Map.of("shape", Map.of("sku", "A")),
                Map.of(), sole);
    }

    private static Transition done(String nodeId, Object output, List<NextTask> next) {
        StepRecord step = new StepRecord(nodeId, null, null, 1, StepStatus.SUCCEEDED, null, output, null, null,
                null, NOW, NOW);
        return Transition.onward(step, next);
    }

    @Test
    void aSoleTaskFollowedByOneTaskCarriesTheRunWithTheNewOutput() {
        RunState carried = RunState.after(state(true), done("send", Map.of("orderId", "ORD-1"),
                List.of(NextTask.of("confirm"))));

        assertThat(carried).isNotNull();
        assertThat(carried.outputs()).containsEntry("shape", Map.of("sku", "A"))
                .containsEntry("send", Map.of("orderId", "ORD-1"));
        assertThat(carried.trigger()).isEqualTo(Map.of("orderId", "order-1"));
        assertThat(carried.soleTask()).isTrue();
    }

    @Test
    void anythingThatMayRunBesideTheChainMakesTheNextStepReadItsRunAgain() {
        assertThat(RunState.after(state(false), done("send", "x", List.of(NextTask.of("confirm"))))).isNull();
        assertThat(RunState.after(state(true), done("send", "x", List.of(NextTask.of("a"), NextTask.of("b")))))
                .as("a fan-out").isNull();
    }

    @Test
    void aStepWithoutOutputKeepsTheNodesEarlierOutput() {
        RunState carried = RunState.after(state(true), done("shape", null, List.of(NextTask.of("send"))));

        assertThat(carried.outputs()).containsEntry("shape", Map.of("sku", "A"));
    }
}
