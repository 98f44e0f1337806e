package dev.junction.engine.runs;

import dev.junction.engine.definition.Edge;
import dev.junction.engine.definition.Node;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.nodes.ForEachNode;
import dev.junction.engine.nodes.NodeKind;
import dev.junction.engine.nodes.NodeKinds;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Turns what a node came to into what changes in its run: retries within the node's retry policy (a time budget
 * from the first failure, an optional cap on attempts, exponential backoff, full jitter, {@code Retry-After}
 * honoured; a rate limit's wait is no attempt), the node's error policy ({@code fail} dead-letters the run,
 * {@code continue} goes on with an empty output, {@code error} follows the error port), and the tasks of the nodes
 * that follow. Inside a forEach body, an edge back to the forEach, or a path with nowhere further to go, ends the
 * item.
 */
public final class TransitionPlanner {

    private final Clock clock;
    private final RandomGenerator random;

    public TransitionPlanner(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    public Transition plan(WorkflowDefinition definition, Node node, ClaimedTask task, StepResult result,
                           Instant startedAt) {
        Instant now = clock.instant();
        boolean remembered = NodeKinds.of(node).map(NodeKind::remembersOutput).orElse(false);
        String key = remembered ? task.idempotencyKey() : null;
        return switch (result) {
            case StepResult.Done done -> {
                StepRecord step = StepRecord.succeeded(task, done.input(), done.output(), key, startedAt, now);
                yield onward(definition, node, task, step, done.ports(), done.output());
            }
            case StepResult.Failed failed -> failure(definition, node, task, failed, key, startedAt, now);
            case StepResult.RateLimited limited -> rateLimited(definition, node, task, limited, key, startedAt, now);
            case StepResult.Sleep sleep -> new Transition(
                    StepRecord.waiting(task, sleep.input(), startedAt, now), List.of(),
                    new Transition.Reschedule(sleep.until(), task.attempt(), TaskKind.RESUME, sleep.resumeValue(),
                            null));
            case StepResult.StartChild child -> new Transition(
                    StepRecord.waiting(task, child.input(), startedAt, now), List.of(),
                    new Transition.ChildStart(child.workflowId(), child.version(), child.input(), child.firstNodes()));
            case StepResult.Items items -> {
                if (items.items().isEmpty()) {
                    Map<String, Object> output = Map.of("items", List.of());
                    StepRecord step = StepRecord.succeeded(task, items.items(), output, null, startedAt, now);
                    yield onward(definition, node, task, step, Set.of(ForEachNode.DONE), output);
                }
                yield new Transition(StepRecord.waiting(task, items.items(), startedAt, now), List.of(),
                        new Transition.ForEachStart(node.id(), items.items(), items.concurrency(),
                                definition.targets(node.id(), ForEachNode.BODY),
                                definition.targets(node.id(), ForEachNode.DONE)));
            }
        };
    }

    /** The transition of a task whose version or node can no longer be interpreted: the run fails. */
    public Transition cannotRun(ClaimedTask task, String message, Instant startedAt) {
        StepError error = new StepError("WorkflowUnavailable", message);
        return new Transition(StepRecord.failed(task, null, null, error, null, null, startedAt, clock.instant(), null),
                List.of(), new Transition.RunEnd(RunStatus.FAILED, error));
    }

    /**
     * A retryable failure is tried again while the node's retry budget lasts (from the step's first failure) and,
     * when the policy caps them, attempts are left; the retry is due after the backoff, but not after the budget's
     * end. Otherwise the node's error policy decides.
     */
    private Transition failure(WorkflowDefinition definition, Node node, ClaimedTask task, StepResult.Failed failed,
                               String key, Instant startedAt, Instant now) {
        Instant deadline = retryDeadline(node, task, startedAt);
        if (failed.retryable() && Backoff.mayRetry(node.retry(), task.attempt()) && now.isBefore(deadline)) {
            Instant backoffEnd = now.plus(Backoff.delay(node.retry(), task.attempt(), failed.retryAfter(), random));
            Instant retryAt = backoffEnd.isAfter(deadline) ? deadline : backoffEnd;
            return new Transition(StepRecord.failed(task, failed.input(), null, failed.error(), retryAt, key,
                    startedAt, now, window(node, deadline)), List.of(),
                    new Transition.Reschedule(retryAt, task.attempt() + 1, TaskKind.EXECUTE, null, deadline));
        }
        return givenUp(definition, node, task, failed, key, startedAt, now,
                failed.retryable() ? deadline : task.retryDeadline());
    }

    /**
     * A rate limit is a request to wait, not a failed attempt: the step runs again after the wait with the same
     * attempt number. A wait for our own token bucket is no failure at all (it neither starts nor spends the retry
     * budget); a wait the remote API asked for is bounded by the budget, and one past its end gives up as a failure.
     */
    private Transition rateLimited(WorkflowDefinition definition, Node node, ClaimedTask task,
                                   StepResult.RateLimited limited, String key, Instant startedAt, Instant now) {
        Instant dueAt = now.plus(limited.delay());
        if (limited.ownLimit()) {
            return waitFor(node, task, limited, dueAt, key, startedAt, now, task.retryDeadline());
        }
        Instant deadline = retryDeadline(node, task, startedAt);
        if (!dueAt.isAfter(deadline)) {
            return waitFor(node, task, limited, dueAt, key, startedAt, now, deadline);
        }
        StepError error = new StepError(limited.error().errorClass(), limited.error().message()
                + " (the wait asked for ends after the retry budget of " + node.retry().budget() + ")",
                limited.error().remoteStatus(), limited.error().remoteBody());
        return givenUp(definition, node, task, new StepResult.Failed(limited.input(), error, true, limited.delay()),
                key, startedAt, now, deadline);
    }

    /** The step waits until {@code dueAt} and then runs again as the same attempt. */
    private static Transition waitFor(Node node, ClaimedTask task, StepResult.RateLimited limited, Instant dueAt,
                                      String key, Instant startedAt, Instant now, Instant deadline) {
        return new Transition(StepRecord.rateLimited(task, limited.input(), limited.error(), dueAt, key, startedAt,
                now, window(node, deadline)), List.of(),
                new Transition.Reschedule(dueAt, task.attempt(), TaskKind.EXECUTE, null, deadline));
    }

    private static RetryWindow window(Node node, Instant deadline) {
        return deadline == null ? null : new RetryWindow(deadline, node.retry().budget());
    }

    /** When the step's retry budget ends: set by its first failure, else from this attempt's start. */
    private static Instant retryDeadline(Node node, ClaimedTask task, Instant startedAt) {
        return task.retryDeadline() != null ? task.retryDeadline() : startedAt.plus(node.retry().budget());
    }

    /** A failure that is not tried again: the node's error policy decides what follows. */
    private Transition givenUp(WorkflowDefinition definition, Node node, ClaimedTask task, StepResult.Failed failed,
                               String key, Instant startedAt, Instant now, Instant deadline) {
        return switch (node.onError()) {
            case FAIL -> new Transition(StepRecord.failed(task, failed.input(), null, failed.error(), null, key,
                    startedAt, now, window(node, deadline)), List.of(),
                    new Transition.RunEnd(RunStatus.DEAD_LETTERED, failed.error()));
            case CONTINUE -> {
                StepRecord step = StepRecord.failed(task, failed.input(), null, failed.error(), null, key, startedAt,
                        now, window(node, deadline));
                Set<String> ports = Set.of(NodeKinds.of(node).map(NodeKind::onwardPort).orElse(NodeKind.OUT));
                yield onward(definition, node, task, step, ports, null);
            }
            case ERROR_PORT -> {
                Map<String, Object> output = new LinkedHashMap<>();
                output.put("error", errorValue(failed.error()));
                StepRecord step = StepRecord.failed(task, failed.input(), output, failed.error(), null, key,
                        startedAt, now, window(node, deadline));
                yield onward(definition, node, task, step, Set.of(NodeKind.ERROR), output);
            }
        };
    }

    private Transition onward(WorkflowDefinition definition, Node node, ClaimedTask task, StepRecord step,
                              Set<String> ports, Object output) {
        List<NextTask> next = new ArrayList<>();
        boolean loopsBack = false;
        for (Edge edge : definition.edges()) {
            if (!edge.from().equals(node.id()) || !ports.contains(edge.fromPort())) {
                continue;
            }
            if (task.forEachId() == null) {
                next.add(NextTask.of(edge.to()));
            } else if (edge.to().equals(task.forEachId())) {
                loopsBack = true;
            } else {
                next.add(new NextTask(edge.to(), task.forEachId(), task.itemIndex()));
            }
        }
        Transition.Effect effect = task.forEachId() != null && (loopsBack || next.isEmpty())
                ? new Transition.ItemEnd(task.forEachId(), task.itemIndex(), output) : Transition.Continue.INSTANCE;
        return new Transition(step, next.stream().distinct().toList(), effect);
    }

    /** An error as expressions after an error port see it ({@code nodes.<id>.error}). */
    public static Map<String, Object> errorValue(StepError error) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("class", error.errorClass());
        value.put("message", error.message());
        value.put("remoteStatus", error.remoteStatus() == null ? null : error.remoteStatus().longValue());
        value.put("remoteBody", error.remoteBody());
        return value;
    }
}
