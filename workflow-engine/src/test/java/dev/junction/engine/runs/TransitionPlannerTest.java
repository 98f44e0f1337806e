package dev.junction.engine.runs;

import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.Node;
import dev.junction.engine.definition.WorkflowDefinition;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TransitionPlannerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final TransitionPlanner PLANNER = new TransitionPlanner(Clock.fixed(NOW, ZoneOffset.UTC),
            new SplittableRandom(3));
    private static final WorkflowDefinition GRAPH = DefinitionJson.read("""
            {"schemaVersion": 1, "trigger": {"kind": "manual"},
             "nodes": [
               {"id": "call", "type": "connector", "name": "Call",
                "config": {"connection": "c", "operation": "o"}, "position": {"x": 0, "y": 0},
                "retry": {"maxAttempts": 2, "initialDelayMillis": 100, "maxDelayMillis": 100, "multiplier": 1.0},
                "onError": "error"},
               {"id": "lenient", "type": "script", "name": "Lenient", "config": {"code": "return 1;"},
                "position": {"x": 0, "y": 0}, "onError": "continue"},
               {"id": "strict", "type": "script", "name": "Strict", "config": {"code": "return 1;"},
                "position": {"x": 0, "y": 0}},
               {"id": "rescue", "type": "script", "name": "Rescue", "config": {"code": "return 1;"},
                "position": {"x": 0, "y": 0}},
               {"id": "loop", "type": "forEach", "name": "Loop", "config": {"items": "trigger.items"},
                "position": {"x": 0, "y": 0}},
               {"id": "body", "type": "script", "name": "Body", "config": {"code": "return 1;"},
                "position": {"x": 0, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "call"},
                       {"from": "call", "fromPort": "out", "to": "lenient"},
                       {"from": "call", "fromPort": "error", "to": "rescue"},
                       {"from": "lenient", "fromPort": "out", "to": "strict"},
                       {"from": "strict", "fromPort": "out", "to": "loop"},
                       {"from": "loop", "fromPort": "body", "to": "body"},
                       {"from": "body", "fromPort": "out", "to": "loop"},
                       {"from": "loop", "fromPort": "done", "to": "rescue"}]}""");

    private static Node node(String id) {
        return GRAPH.node(id).orElseThrow();
    }

    private static ClaimedTask task(String nodeId, int attempt) {
        return new ClaimedTask(1, UUID.randomUUID(), UUID.randomUUID(), 1, nodeId, null, null, attempt,
                TaskKind.EXECUTE, null, "w", false, false, 0, null);
    }

    private static final StepError BUSY = new StepError("ServiceUnavailable", "busy", 503, "busy");

    @Test
    void aRetryableFailureWithinTheAttemptsIsRescheduledWithTheNextAttempt() {
        Transition transition = PLANNER.plan(GRAPH, node("call"), task("call", 1),
                new StepResult.Failed(null, BUSY, true, Duration.ofSeconds(5)), NOW);

        assertThat(transition.reschedule().attempt()).isEqualTo(2);
        assertThat(transition.reschedule().dueAt()).as("Retry-After wins over a shorter backoff")
                .isEqualTo(NOW.plusSeconds(5));
        assertThat(transition.step().status()).isEqualTo(StepStatus.FAILED);
        assertThat(transition.step().retryAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(transition.step().idempotencyKey()).endsWith(":call");
        assertThat(transition.runEnd()).isNull();
        assertThat(transition.next()).isEmpty();
    }

    @Test
    void exhaustedRetriesFollowTheErrorPortWithTheErrorAsOutput() {
        Transition transition = PLANNER.plan(GRAPH, node("call"), task("call", 2),
                new StepResult.Failed(null, BUSY, true, null), NOW);

        assertThat(transition.reschedule()).isNull();
        assertThat(transition.next()).containsExactly(NextTask.of("rescue"));
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) ((Map<String, Object>) transition.step().output()).get("error");
        assertThat(error).containsEntry("class", "ServiceUnavailable").containsEntry("remoteStatus", 503L);
    }

    @Test
    void continueGoesOnAlongTheNormalPortWithNoOutputAndFailDeadLetters() {
        StepResult.Failed broken = new StepResult.Failed(null, new StepError("ExpressionError", "x is not defined"),
                false, null);

        Transition lenient = PLANNER.plan(GRAPH, node("lenient"), task("lenient", 1), broken, NOW);
        Transition strict = PLANNER.plan(GRAPH, node("strict"), task("strict", 1), broken, NOW);

        assertThat(lenient.next()).containsExactly(NextTask.of("strict"));
        assertThat(lenient.step().output()).isNull();
        assertThat(strict.next()).isEmpty();
        assertThat(strict.runEnd().status()).isEqualTo(RunStatus.DEAD_LETTERED);
        assertThat(strict.runEnd().error().message()).isEqualTo("x is not defined");
    }

    @Test
    void aForEachStartsItsBodyAndTheBodyLoopingBackEndsTheItem() {
        Transition start = PLANNER.plan(GRAPH, node("loop"), task("loop", 1),
                new StepResult.Items(null, List.of("a", "b"), 2), NOW);
        assertThat(start.forEachStart().bodyEntries()).containsExactly("body");
        assertThat(start.forEachStart().doneEntries()).containsExactly("rescue");
        assertThat(start.step().status()).isEqualTo(StepStatus.WAITING);

        ClaimedTask item = new ClaimedTask(2, UUID.randomUUID(), UUID.randomUUID(), 1, "body", "loop", 1, 1,
                TaskKind.EXECUTE, null, "w", false, false, 0, null);
        Transition end = PLANNER.plan(GRAPH, node("body"), item, new StepResult.Done(null, "B", Set.of("out")), NOW);
        assertThat(end.next()).isEmpty();
        assertThat(end.itemEnd()).isEqualTo(new Transition.ItemEnd("loop", 1, "B"));

        Transition empty = PLANNER.plan(GRAPH, node("loop"), task("loop", 1),
                new StepResult.Items(null, List.of(), 2), NOW);
        assertThat(empty.forEachStart()).isNull();
        assertThat(empty.next()).containsExactly(NextTask.of("rescue"));
    }

    @Test
    void aDelayWaitsAsAResumeOfTheSameAttempt() {
        Instant until = NOW.plusSeconds(900);
        Transition transition = PLANNER.plan(GRAPH, node("strict"), task("strict", 1),
                new StepResult.Sleep(Map.of("until", until.toString()), until), NOW);

        assertThat(transition.reschedule()).isEqualTo(new Transition.Reschedule(until, 1, TaskKind.RESUME));
        assertThat(transition.step().status()).isEqualTo(StepStatus.WAITING);
    }

    private static ClaimedTask retried(String nodeId, int attempt, Instant retryDeadline) {
        return new ClaimedTask(1, UUID.randomUUID(), UUID.randomUUID(), 1, nodeId, null, null, attempt,
                TaskKind.EXECUTE, null, "w", false, false, 0, retryDeadline);
    }

    @Test
    void withoutACapOnAttemptsAFailureIsRetriedUntilTheBudgetEndsAndTheFirstFailureStartsIt() {
        Instant started = NOW.minusSeconds(1);
        Transition first = PLANNER.plan(GRAPH, node("strict"), task("strict", 1),
                new StepResult.Failed(null, BUSY, true, null), started);

        Instant deadline = started.plus(Duration.ofMinutes(15));
        assertThat(first.reschedule()).isEqualTo(new Transition.Reschedule(first.reschedule().dueAt(), 2,
                TaskKind.EXECUTE, null, deadline));
        assertThat(first.step().retryWindow()).isEqualTo(new RetryWindow(deadline, Duration.ofMinutes(15)));

        Transition late = PLANNER.plan(GRAPH, node("strict"), retried("strict", 40, NOW.plusMillis(300)),
                new StepResult.Failed(null, BUSY, true, Duration.ofSeconds(30)), NOW);
        assertThat(late.reschedule().attempt()).as("the 40th attempt is no limit, the budget is").isEqualTo(41);
        assertThat(late.reschedule().dueAt()).as("a retry is not due after the budget's end")
                .isEqualTo(NOW.plusMillis(300));

        Transition over = PLANNER.plan(GRAPH, node("strict"), retried("strict", 3, NOW),
                new StepResult.Failed(null, BUSY, true, null), NOW);
        assertThat(over.reschedule()).isNull();
        assertThat(over.runEnd().status()).isEqualTo(RunStatus.DEAD_LETTERED);
        assertThat(over.step().retryWindow().deadline()).isEqualTo(NOW);
    }

    @Test
    void aWaitForOurOwnRateLimitIsNoAttemptAndNoFailure() {
        StepError limited = new StepError("RateLimited", "the rate limit of getOrder is used up");
        Transition wait = PLANNER.plan(GRAPH, node("call"), task("call", 2),
                new StepResult.RateLimited(null, limited, Duration.ofSeconds(40), true), NOW);

        assertThat(wait.reschedule()).as("same attempt, and no retry budget started")
                .isEqualTo(new Transition.Reschedule(NOW.plusSeconds(40), 2, TaskKind.EXECUTE, null, null));
        assertThat(wait.step().status()).isEqualTo(StepStatus.WAITING);
        assertThat(wait.step().retryAt()).isEqualTo(NOW.plusSeconds(40));
        assertThat(wait.runEnd()).isNull();
    }

    @Test
    void aWaitTheRemoteAskedForIsNoAttemptButIsBoundedByTheBudget() {
        StepError limited = new StepError("RateLimited", "429", 429, null);
        Transition wait = PLANNER.plan(GRAPH, node("call"), task("call", 2),
                new StepResult.RateLimited(null, limited, Duration.ofSeconds(20), false), NOW);

        assertThat(wait.reschedule()).as("the attempt cap of 2 is not reached by a wait")
                .isEqualTo(new Transition.Reschedule(NOW.plusSeconds(20), 2, TaskKind.EXECUTE, null,
                        NOW.plus(Duration.ofMinutes(15))));
        assertThat(wait.step().status()).isEqualTo(StepStatus.WAITING);

        Transition tooLong = PLANNER.plan(GRAPH, node("call"), retried("call", 1, NOW.plusSeconds(10)),
                new StepResult.RateLimited(null, limited, Duration.ofSeconds(20), false), NOW);
        assertThat(tooLong.reschedule()).isNull();
        assertThat(tooLong.next()).as("the error port").containsExactly(NextTask.of("rescue"));
        assertThat(tooLong.step().error().message()).contains("retry budget");
    }
}
