package dev.junction.engine.runs;

import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.connectors.ConnectorCall;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.ConnectorInvoker;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.Node;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.expressions.ExpressionRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wait-until node run poll by poll, as workers run it: each step interpreted and planned, its task rescheduled
 * with what the run store keeps of it (the due time, the kind, the resume value as JSON), and claimed again once
 * the clock reaches the due time.
 */
class WaitUntilStepTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final ExpressionRuntime EXPRESSIONS = new ExpressionRuntime();

    @AfterAll
    static void close() {
        EXPRESSIONS.close();
    }

    /** A clock the test moves, as time passing between polls. */
    private static final class MovingClock extends Clock {
        Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A fulfilment order whose status moves on at each call, through the statuses given. */
    private static final class Shipment implements ConnectorInvoker {
        final Deque<Object> answers;
        final List<Instant> calledAt = new ArrayList<>();
        final List<ConnectorCall> calls = new ArrayList<>();
        final MovingClock clock;

        Shipment(MovingClock clock, Object... answers) {
            this.clock = clock;
            this.answers = new LinkedList<>(List.of(answers));
        }

        @Override
        public Object invoke(ConnectorCall call) throws ConnectorException {
            calls.add(call);
            calledAt.add(clock.instant());
            Object answer = answers.size() > 1 ? answers.poll() : answers.peek();
            if (answer instanceof ConnectorException failure) {
                throw failure;
            }
            return Map.of("sellerFulfillmentOrderId", call.input().get("sellerFulfillmentOrderId"),
                    "status", answer);
        }
    }

    private static WorkflowDefinition definition(boolean timeoutEdge) {
        return DefinitionJson.read("""
                {"schemaVersion": 1, "trigger": {"kind": "manual"},
                 "nodes": [
                   {"id": "shipped", "type": "waitUntil", "name": "Shipped",
                    "config": {"connection": "amazon-eu", "operation": "getFulfillmentOrder",
                               "input": {"sellerFulfillmentOrderId": "{{ trigger.orderId }}"},
                               "condition": "{{ output.status == 'COMPLETE' }}",
                               "interval": "PT10S", "timeout": "PT25S"},
                    "position": {"x": 0, "y": 0}},
                   {"id": "tell", "type": "notify", "name": "Tell",
                    "config": {"channel": "log", "message": "{{ nodes.shipped.status }}"}, "position": {"x": 0, "y": 0}},
                   {"id": "late", "type": "notify", "name": "Late",
                    "config": {"channel": "log", "message": "late"}, "position": {"x": 0, "y": 0}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "shipped"},
                           {"from": "shipped", "fromPort": "out", "to": "tell"}%s]}"""
                .formatted(timeoutEdge ? ", {\"from\": \"shipped\", \"fromPort\": \"timeout\", \"to\": \"late\"}" : ""));
    }

    /** The node's tasks run one after the other until one is not rescheduled; answers every transition. */
    private static List<Transition> runUntilSettled(WorkflowDefinition definition, ConnectorInvoker remote,
                                                    MovingClock clock) {
        StepInterpreter interpreter = new StepInterpreter(EXPRESSIONS, remote, null, null, null, null, null, clock);
        TransitionPlanner planner = new TransitionPlanner(clock, new SplittableRandom(1));
        Node node = definition.node("shipped").orElseThrow();
        RunState state = new RunState(UUID.randomUUID(), "o-1", Map.of("orderId", "FBA-1"), Map.of(), Map.of(), true);
        ClaimedTask task = new ClaimedTask(7, state.runId(), UUID.randomUUID(), 1, "shipped", null, null, 1,
                TaskKind.EXECUTE, null, "worker-1", false);
        List<Transition> transitions = new ArrayList<>();
        for (int step = 0; step < 20; step++) {
            Transition transition = planner.plan(definition, node, task,
                    interpreter.run(definition, node, task, state), clock.instant());
            transitions.add(transition);
            Transition.Reschedule again = transition.reschedule();
            if (again == null) {
                return transitions;
            }
            clock.now = again.dueAt();
            Object stored = again.resumeValue() == null ? null : PayloadJson.read(PayloadJson.write(again.resumeValue()));
            task = new ClaimedTask(7, task.runId(), task.workflowId(), 1, "shipped", null, null, again.attempt(),
                    again.kind(), stored, "worker-2", false);
        }
        throw new AssertionError("the wait did not settle in 20 steps");
    }

    @Test
    void theNodeEndsWithTheFirstPollOutputThatMeetsTheConditionPollingEveryInterval() {
        MovingClock clock = new MovingClock();
        Shipment shipment = new Shipment(clock, "PLANNING", "PROCESSING", "COMPLETE");

        List<Transition> transitions = runUntilSettled(definition(true), shipment, clock);

        assertThat(shipment.calledAt).containsExactly(START, START.plusSeconds(10), START.plusSeconds(20));
        assertThat(shipment.calls).allSatisfy(call -> assertThat(call.input())
                .isEqualTo(Map.of("sellerFulfillmentOrderId", "FBA-1")));
        assertThat(transitions).hasSize(3);
        assertThat(transitions.subList(0, 2)).allSatisfy(waiting -> {
            assertThat(waiting.step().status()).isEqualTo(StepStatus.WAITING);
            assertThat(waiting.reschedule().kind()).isEqualTo(TaskKind.RESUME);
            assertThat(waiting.reschedule().resumeValue()).as("the deadline, from the first poll, is stored")
                    .isEqualTo(Map.of("deadline", START.plusSeconds(25).toString(), "polls",
                            waiting == transitions.getFirst() ? 1L : 2L));
        });
        Transition done = transitions.getLast();
        assertThat(done.step().status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(done.step().output()).isEqualTo(Map.of("sellerFulfillmentOrderId", "FBA-1", "status", "COMPLETE"));
        assertThat(done.next()).containsExactly(NextTask.of("tell"));
        assertThat(done.runEnd()).isNull();
    }

    @Test
    void whenTheTimeoutPassesTheNodeLeavesByItsTimeoutPortAfterALastPollAtTheDeadline() {
        MovingClock clock = new MovingClock();
        Shipment shipment = new Shipment(clock, "PROCESSING");

        List<Transition> transitions = runUntilSettled(definition(true), shipment, clock);

        assertThat(shipment.calledAt).containsExactly(START, START.plusSeconds(10), START.plusSeconds(20),
                START.plusSeconds(25));
        Transition last = transitions.getLast();
        assertThat(last.step().status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(last.next()).containsExactly(NextTask.of("late"));
        @SuppressWarnings("unchecked")
        Map<String, Object> output = (Map<String, Object>) last.step().output();
        assertThat(output).containsEntry("polls", 4L).containsEntry("deadline", START.plusSeconds(25).toString());
        assertThat(output.get("lastOutput")).isEqualTo(Map.of("sellerFulfillmentOrderId", "FBA-1",
                "status", "PROCESSING"));
    }

    @Test
    void withoutATimeoutEdgeTheRunFailsWithAClearError() {
        MovingClock clock = new MovingClock();
        Shipment shipment = new Shipment(clock, "PROCESSING");

        Transition last = runUntilSettled(definition(false), shipment, clock).getLast();

        assertThat(last.step().status()).isEqualTo(StepStatus.FAILED);
        assertThat(last.runEnd()).isNotNull();
        assertThat(last.runEnd().status()).isEqualTo(RunStatus.DEAD_LETTERED);
        assertThat(last.runEnd().error().errorClass()).isEqualTo("WaitTimedOut");
        assertThat(last.runEnd().error().message()).isEqualTo("the condition 'output.status == 'COMPLETE'' did not"
                + " hold within PT25S (4 polls of getFulfillmentOrder); connect the node's 'timeout' port to go on"
                + " instead");
    }

    @Test
    void aTransientFailureOfAPollIsNotYetAndAPermanentOneFailsTheNode() {
        MovingClock clock = new MovingClock();
        Shipment busy = new Shipment(clock, ConnectorException.transientFailure("Throttled", "slow down",
                Duration.ofSeconds(15), 429, null), "COMPLETE");

        List<Transition> transitions = runUntilSettled(definition(true), busy, clock);

        assertThat(busy.calledAt).as("the remote's Retry-After, longer than the interval, is honoured")
                .containsExactly(START, START.plusSeconds(15));
        assertThat(transitions.getLast().next()).containsExactly(NextTask.of("tell"));

        MovingClock other = new MovingClock();
        Shipment gone = new Shipment(other, ConnectorException.permanentFailure("NotFound", "no such order", 404,
                null));
        Transition failed = runUntilSettled(definition(true), gone, other).getLast();
        assertThat(gone.calls).hasSize(1);
        assertThat(failed.runEnd().error().errorClass()).isEqualTo("NotFound");
    }
}
