package dev.junction.backend.connections;

import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.engine.connectors.ConnectorException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many calls one connection has in flight on this node at once: at most its plain setting {@value #SETTING}
 * (1–{@value #MAX}), else {@value #DEFAULT}. A remote API answers in milliseconds to seconds, and a node's workers
 * wait on it; the limit is the connection's, so one slow or overloaded remote cannot take every worker of the node,
 * and a remote that takes only so many requests at once is not sent more — whatever the node's worker count. A call
 * over the limit waits up to {@link #LONGEST_WAIT} for a place; then the step goes back to the queue (due in
 * {@link #RETRY_IN}) without spending an attempt, as with a rate limit ({@link ConnectorException#throttled}).
 * The limit is per node: two nodes may have twice as many calls in flight.
 */
@Component
public class ConnectionConcurrency {

    static final String SETTING = "maxConcurrentCalls";
    static final int DEFAULT = 64;
    static final int MAX = 10_000;
    static final Duration LONGEST_WAIT = Duration.ofSeconds(2);
    static final Duration RETRY_IN = Duration.ofMillis(500);

    /** A connection's places; a new limit (the setting changed) gets new places, the old ones drain. */
    private record Gate(int limit, Semaphore places) {
    }

    /** A place taken; closing it gives it back. */
    public interface Place extends AutoCloseable {
        @Override
        void close();
    }

    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    /** Takes a place among {@code connectionId}'s calls in flight, waiting up to {@link #LONGEST_WAIT}. */
    Place enter(String connectionId, Map<String, String> settings) throws ConnectorException {
        int limit = limitOf(settings);
        Gate gate = gates.compute(connectionId, (id, known) -> known != null && known.limit() == limit ? known
                : new Gate(limit, new Semaphore(limit)));
        try {
            if (!gate.places().tryAcquire(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw ConnectorException.throttled("connection '" + connectionId + "' has " + limit + " calls in"
                        + " flight on this node, its limit (setting " + SETTING + "); the step runs again in "
                        + RETRY_IN.toMillis() + " ms", RETRY_IN);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConnectorException.transientFailure("Interrupted", "interrupted while waiting for a place among"
                    + " the calls of connection '" + connectionId + "'", null, null, null);
        }
        return gate.places()::release;
    }

    /** The limit a stored connection sets (checked when it was saved; anything unreadable counts as the default). */
    static int limitOf(Map<String, String> settings) {
        String value = settings.get(SETTING);
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            return limit >= 1 && limit <= MAX ? limit : DEFAULT;
        } catch (NumberFormatException e) {
            return DEFAULT;
        }
    }

    /** The setting as it is kept, or a problem naming it (at save). */
    static Optional<String> check(String value, List<FieldProblem> problems) {
        String path = "settings." + SETTING;
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX) {
                return Optional.of(Integer.toString(limit));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(path, "must be a whole number from 1 to " + MAX + " (calls in flight at once"
                + " on each node), was " + value));
        return Optional.empty();
    }
}
