package dev.junction.engine.runs;

import dev.junction.engine.nodes.NodeKind;
import dev.junction.engine.nodes.NodeKinds;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which steps one worker turn may hold: any number of pure ones, at most one with effects outside the run. */
class TurnTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ClaimedTask TASK = new ClaimedTask(7, UUID.randomUUID(), UUID.randomUUID(), 1, "shape", null,
            null, 1, TaskKind.EXECUTE, null, "worker/0", false, false, 0, null);

    private static Transition done(String nodeId) {
        return new Transition(new StepRecord(nodeId, null, null, 1, StepStatus.SUCCEEDED, null, null, null, null,
                null, NOW, NOW), List.of(), Transition.Continue.INSTANCE);
    }

    private static NodeKind kind(String type) {
        return NodeKinds.find(type).orElseThrow();
    }

    @Test
    void pureStepsGatherAroundOneConnectorCall() {
        Turn turn = new Turn();
        turn.add(TASK, done("shape"), kind("map"));
        assertThat(turn.admits(kind("branch"))).isTrue();
        assertThat(turn.admits(kind("connector"))).isTrue();

        turn.add(TASK, done("send"), kind("connector"));
        assertThat(turn.admits(kind("map"))).as("a pure step after the call").isTrue();
        assertThat(turn.admits(kind("script"))).isTrue();
        assertThat(turn.admits(kind("connector"))).as("a second call waits for the first one's commit").isFalse();
        assertThat(turn.admits(kind("notify"))).isFalse();
        assertThat(turn.steps()).extracting(step -> step.transition().step().nodeId()).containsExactly("shape", "send");
    }

    @Test
    void onlyMapBranchAndScriptArePure() {
        assertThat(NodeKinds.all()).filteredOn(Turn::isPure).extracting(NodeKind::type)
                .containsExactlyInAnyOrder("map", "branch", "script");
        assertThat(Turn.isPure(null)).as("a node that cannot be found").isFalse();
    }

    @Test
    void aTaskRowBecomesTheNextNodesFirstAttemptForTheSameWorker() {
        ClaimedTask retried = new ClaimedTask(7, TASK.runId(), TASK.workflowId(), 1, "shape", null, null, 3,
                TaskKind.RESUME, "resumed", "worker/0", true, false, 0, null);

        ClaimedTask next = retried.followedBy(new NextTask("send", "items", 2));

        assertThat(next).isEqualTo(new ClaimedTask(7, TASK.runId(), TASK.workflowId(), 1, "send", "items", 2, 1,
                TaskKind.EXECUTE, null, "worker/0", true, false, 0, null));
        assertThat(next.idempotencyKey()).isEqualTo(TASK.runId() + ":send:2");
    }
}
