package dev.junction.engine.runs;

import dev.junction.engine.connectors.ConnectorCall;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.ConnectorInvoker;
import dev.junction.engine.definition.Node;
import dev.junction.engine.definition.WaitUntilConfig;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.expressions.ExpressionSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One poll of a wait-until node: calls the operation; when the condition holds over the call's output, the node is
 * done with that output (port {@code out}); otherwise it sleeps until the next poll as a RESUME task of the run
 * store (as a delay does), the deadline and the number of polls stored with the task, so that the wait survives a
 * restart. The deadline is the first poll's time plus the timeout; once it has passed (the last poll is made at the
 * deadline), the node leaves by its {@code timeout} port, or fails with {@code WaitTimedOut} when nothing is
 * connected there. A transient failure of a poll (429, 5xx, a timeout) counts as "not yet" and is polled again
 * after the interval (or the remote's {@code Retry-After}, if longer) within the deadline; a permanent one fails
 * the node as a connector call's would.
 */
final class WaitUntilStep {

    private final ConnectorInvoker connectors;
    private final Clock clock;

    WaitUntilStep(ConnectorInvoker connectors, Clock clock) {
        this.connectors = connectors;
        this.clock = clock;
    }

    StepResult run(WorkflowDefinition definition, Node node, ClaimedTask task, ExpressionSession session,
                   ExpressionSession.Scope scope, UnaryOperator<Object> resolve) {
        WaitUntilConfig config = WaitUntilConfig.of(node.config());
        Instant now = clock.instant();
        Map<?, ?> waited = task.kind() == TaskKind.RESUME && task.resumeValue() instanceof Map<?, ?> map ? map : null;
        Instant deadline = waited != null ? Instant.parse((String) waited.get("deadline"))
                : now.plus(config.timeout());
        long poll = (waited != null ? ((Number) waited.get("polls")).longValue() : 0) + 1;
        Object input = resolve.apply(config.input());
        if (WholeInput.isWhole(config.input())) {
            var refused = WholeInput.refusal(config.input(), input, connectors, config.connection(),
                    config.operation());
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) input;
        Object output = null;
        StepError notYet = null;
        Duration wait = config.interval();
        try {
            output = connectors.invoke(new ConnectorCall(config.connection(), config.operation(), fields,
                    task.idempotencyKey()));
        } catch (ConnectorException e) {
            if (!e.retryable()) {
                return StepInterpreter.failed(input, e);
            }
            notYet = new StepError(e.errorClass(), e.getMessage() == null ? e.errorClass() : e.getMessage(),
                    e.remoteStatus(), e.remoteBody());
            wait = e.retryAfter().filter(after -> after.compareTo(config.interval()) > 0).orElse(wait);
        }
        if (notYet == null && session.test(config.condition(), scope.withOutput(output))) {
            return new StepResult.Done(input, output, Set.of("out"));
        }
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("input", input);
        seen.put("polls", poll);
        seen.put("deadline", deadline.toString());
        seen.put(notYet == null ? "lastOutput" : "lastError", notYet == null ? output
                : TransitionPlanner.errorValue(notYet));
        if (!now.isBefore(deadline)) {
            boolean timeoutPort = definition.edges().stream().anyMatch(edge -> edge.from().equals(node.id())
                    && edge.fromPort().equals(WaitUntilConfig.TIMEOUT_PORT));
            if (timeoutPort) {
                return new StepResult.Done(input, seen, Set.of(WaitUntilConfig.TIMEOUT_PORT));
            }
            return new StepResult.Failed(seen, new StepError("WaitTimedOut", "the condition '" + config.condition()
                    + "' did not hold within " + config.timeout() + " (" + poll + " poll" + (poll == 1 ? "" : "s")
                    + " of " + config.operation() + "); connect the node's 'timeout' port to go on instead"),
                    false, null);
        }
        Instant next = now.plus(wait);
        return new StepResult.Sleep(seen, next.isBefore(deadline) ? next : deadline,
                Map.of("deadline", deadline.toString(), "polls", poll));
    }
}
