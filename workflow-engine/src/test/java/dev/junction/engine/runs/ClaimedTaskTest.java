package dev.junction.engine.runs;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** When a step may have called before under its idempotency key (what a connector is told as possibleRepeat). */
class ClaimedTaskTest {

    private static ClaimedTask task(int attempt, boolean runReplayed, boolean claimedBefore) {
        return new ClaimedTask(3, UUID.randomUUID(), UUID.randomUUID(), 1, "shape", null, null, attempt,
                TaskKind.EXECUTE, null, "worker/0", runReplayed, claimedBefore);
    }

    @Test
    void onlyAStepsFirstExecutionIsCertainlyNoRepeat() {
        assertThat(task(1, false, false).possibleRepeat()).isFalse();
        assertThat(task(2, false, false).possibleRepeat()).as("a retry").isTrue();
        assertThat(task(1, false, true).possibleRepeat()).as("claimed again after its worker died").isTrue();
        assertThat(task(1, true, false).possibleRepeat()).as("in a replayed run").isTrue();
    }

    @Test
    void aTurnThatBeganOnATaskClaimedBeforeMayHaveRunItsNextStepsToo() {
        ClaimedTask reclaimed = task(1, false, true);

        ClaimedTask inTheSameTurn = reclaimed.followedBy(NextTask.of("send"));
        ClaimedTask afterTheCommit = reclaimed.chainedAfterCommit(NextTask.of("send"));

        assertThat(inTheSameTurn.nodeId()).isEqualTo("send");
        assertThat(inTheSameTurn.attempt()).isEqualTo(1);
        assertThat(inTheSameTurn.possibleRepeat()).isTrue();
        assertThat(afterTheCommit.nodeId()).isEqualTo("send");
        assertThat(afterTheCommit.possibleRepeat()).as("a fresh task once the turn is committed").isFalse();
        assertThat(task(1, false, false).followedBy(NextTask.of("send")).possibleRepeat()).isFalse();
    }
}
