package dev.junction.backend.connections.health;

import dev.junction.engine.connectors.ConnectorException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What connector calls on this node did, per connection, kept in memory: the run path records a call's outcome here
 * (a map update, no database write) and {@link ConnectionUsageFlusher} writes the tallies to the database every few
 * seconds. Counts also go to Micrometer ({@code junction_connector_calls_total{connection,outcome}},
 * {@code junction_connector_rate_limit_hits_total{connection,source}}). A node killed hard loses at most one flush
 * interval of tallies.
 */
public class ConnectionUsage {

    /** The tallies of one connection since the last flush. */
    record Tally(String connectionId, long calls, long failures, long limiterWaits, long remoteThrottles,
                 Instant lastSuccessAt, Instant lastFailureAt, String lastFailureClass, String lastFailureMessage,
                 Instant lastThrottledAt) {

        static Tally empty(String connectionId) {
            return new Tally(connectionId, 0, 0, 0, 0, null, null, null, null, null);
        }
    }

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Clock clock;

    public ConnectionUsage(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    /** A call on {@code connectionId} answered. */
    public void succeeded(String connectionId) {
        Instant now = clock.instant();
        tallies.compute(connectionId, (id, tally) -> {
            Tally t = tally == null ? Tally.empty(id) : tally;
            return new Tally(id, t.calls() + 1, t.failures(), t.limiterWaits(), t.remoteThrottles(), now,
                    t.lastFailureAt(), t.lastFailureClass(), t.lastFailureMessage(), t.lastThrottledAt());
        });
        counter("junction.connector.calls", connectionId, "outcome", "ok").increment();
    }

    /**
     * A call on {@code connectionId} failed. Our own limiter's "wait" ({@link ConnectorException#throttled}) was no
     * call: it counts as a limiter wait only. A remote rate limit (429) counts as a failed call and a remote
     * throttle.
     */
    public void failed(String connectionId, ConnectorException failure) {
        if (failure.waitReason().filter(ConnectorException.WaitReason.OWN_RATE_LIMIT::equals).isPresent()) {
            limiterWaited(connectionId);
            return;
        }
        boolean remoteThrottle = failure.waitReason().isPresent() || "RateLimited".equals(failure.errorClass())
                || Integer.valueOf(429).equals(failure.remoteStatus());
        Instant now = clock.instant();
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        String shortMessage = message.length() > 500 ? message.substring(0, 500) + "…" : message;
        tallies.compute(connectionId, (id, tally) -> {
            Tally t = tally == null ? Tally.empty(id) : tally;
            return new Tally(id, t.calls() + 1, t.failures() + 1, t.limiterWaits(),
                    t.remoteThrottles() + (remoteThrottle ? 1 : 0), t.lastSuccessAt(), now, failure.errorClass(),
                    shortMessage, remoteThrottle ? now : t.lastThrottledAt());
        });
        counter("junction.connector.calls", connectionId, "outcome", "failed").increment();
        if (remoteThrottle) {
            counter("junction.connector.rate.limit.hits", connectionId, "source", "remote").increment();
        }
    }

    /** A call on {@code connectionId} had to wait for a token of our own rate limiter. */
    public void limiterWaited(String connectionId) {
        Instant now = clock.instant();
        tallies.compute(connectionId, (id, tally) -> {
            Tally t = tally == null ? Tally.empty(id) : tally;
            return new Tally(id, t.calls(), t.failures(), t.limiterWaits() + 1, t.remoteThrottles(),
                    t.lastSuccessAt(), t.lastFailureAt(), t.lastFailureClass(), t.lastFailureMessage(), now);
        });
        counter("junction.connector.rate.limit.hits", connectionId, "source", "own").increment();
    }

    /** Takes the tallies gathered since the last call (each connection's once; later calls start new ones). */
    List<Tally> drain() {
        List<Tally> drained = new ArrayList<>();
        for (String connectionId : List.copyOf(tallies.keySet())) {
            Tally tally = tallies.remove(connectionId);
            if (tally != null) {
                drained.add(tally);
            }
        }
        return drained;
    }

    /** Puts back tallies a flush could not write (added to whatever was gathered meanwhile). */
    void restore(List<Tally> unwritten) {
        for (Tally old : unwritten) {
            tallies.merge(old.connectionId(), old, (newer, older) -> new Tally(newer.connectionId(),
                    newer.calls() + older.calls(), newer.failures() + older.failures(),
                    newer.limiterWaits() + older.limiterWaits(), newer.remoteThrottles() + older.remoteThrottles(),
                    newer.lastSuccessAt() != null ? newer.lastSuccessAt() : older.lastSuccessAt(),
                    newer.lastFailureAt() != null ? newer.lastFailureAt() : older.lastFailureAt(),
                    newer.lastFailureAt() != null ? newer.lastFailureClass() : older.lastFailureClass(),
                    newer.lastFailureAt() != null ? newer.lastFailureMessage() : older.lastFailureMessage(),
                    newer.lastThrottledAt() != null ? newer.lastThrottledAt() : older.lastThrottledAt()));
        }
    }

    private Counter counter(String name, String connectionId, String tag, String value) {
        return Counter.builder(name).tag("connection", connectionId).tag(tag, value).register(meters);
    }
}
