package dev.junction.engine.runs;

import dev.junction.engine.connectors.ConnectorException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What running a node came to, before the run's graph and the node's policies decide what follows. */
public sealed interface StepResult {

    /** The input the step worked on, kept with its history (e.g. a connector's resolved input); may be null. */
    Object input();

    /** A failure that is not retried: {@code errorClass} names it, {@code message} says what was wrong. */
    static Failed failed(Object input, String errorClass, String message) {
        return new Failed(input, new StepError(errorClass, message), false, null);
    }

    /** What a connector's failure comes to: a rate limit's wait, or a failure (retryable as the connector says). */
    static StepResult failed(Object input, ConnectorException e) {
        StepError error = new StepError(e.errorClass(), e.getMessage() == null ? e.errorClass() : e.getMessage(),
                e.remoteStatus(), e.remoteBody());
        if (e.waitReason().isPresent()) {
            return new RateLimited(input, error, e.retryAfter().orElseThrow(),
                    e.waitReason().get() == ConnectorException.WaitReason.OWN_RATE_LIMIT);
        }
        return new Failed(input, error, e.retryable(), e.retryAfter().orElse(null));
    }

    /** The node finished: its output, and the ports it leaves by. */
    record Done(Object input, Object output, Set<String> ports) implements StepResult {
    }

    /** The node failed; {@code retryable} failures are tried again within the node's retry policy. */
    record Failed(Object input, StepError error, boolean retryable, Duration retryAfter) implements StepResult {
    }

    /**
     * The node did not get its answer because of a rate limit and should run again after {@code delay}: not a failed
     * attempt. {@code ownLimit}: our own token bucket was empty (nothing was sent; the wait is no failure at all);
     * otherwise the remote API answered that it is rate limited and asked to wait (the wait counts against the
     * node's retry budget).
     */
    record RateLimited(Object input, StepError error, Duration delay, boolean ownLimit) implements StepResult {
    }

    /**
     * A delay node: finish at {@code until}; a wait-until node: check again at {@code until}. The node's task is then
     * claimed as a RESUME task carrying {@code resumeValue} (stored with the task: what the node must remember
     * across the wait, such as a wait-until's deadline), null for a delay.
     */
    record Sleep(Object input, Instant until, Object resumeValue) implements StepResult {

        public Sleep(Object input, Instant until) {
            this(input, until, null);
        }
    }

    /** A subflow node: run the published version of another workflow with this input, and wait for it. */
    record StartChild(Object input, UUID workflowId, int version, List<String> firstNodes) implements StepResult {
    }

    /** A forEach node: run its body once per item, at most {@code concurrency} items at a time. */
    record Items(Object input, List<Object> items, int concurrency) implements StepResult {
    }
}
