package dev.junction.backend.connections;

import dev.junction.db.connections.RateLimitBuckets;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.connectors.OperationDescriptor.RateLimit;
import dev.junction.engine.connectors.RateLimiter;

import java.time.Duration;
import java.util.Optional;

/**
 * One connection's rate limiter: a token bucket per operation in the database (shared by every node), at
 * {@value #SAFETY_MARGIN} of the limit — the connection's own ({@link RateLimitOverrides}) or else the operation's
 * published one — in rate and in burst, so that clocks, network jitter and requests in flight never take a call
 * over the remote API's quota. A token due within {@link #LONGEST_WAIT} is waited for in the worker; a longer wait
 * is handed back as {@link ConnectorException#throttled} (the step runs again then, without spending an attempt).
 */
final class ConnectionRateLimiter implements RateLimiter {

    /** The share of the published (or the connection's own) rate and burst the limiter allows. */
    static final double SAFETY_MARGIN = 0.9;
    /** The longest a call waits for a token in the worker; longer waits go back to the queue. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

    private final String connectionId;
    private final ConnectorDescriptor descriptor;
    private final RateLimitOverrides overrides;
    private final RateLimitBuckets buckets;
    private final Runnable waited;

    /** {@code waited} is told when a call finds its bucket empty (once per call: connection health counts it). */
    ConnectionRateLimiter(String connectionId, ConnectorDescriptor descriptor, RateLimitOverrides overrides,
                          RateLimitBuckets buckets, Runnable waited) {
        this.connectionId = connectionId;
        this.descriptor = descriptor;
        this.overrides = overrides;
        this.buckets = buckets;
        this.waited = waited;
    }

    /** The limit the bucket of {@code operation} keeps: the margin below the connection's or published limit. */
    Optional<RateLimit> effective(String operation) {
        return overrides.of(operation)
                .or(() -> descriptor.operation(operation).map(OperationDescriptor::rateLimit))
                .map(ConnectionRateLimiter::withMargin);
    }

    static RateLimit withMargin(RateLimit limit) {
        return new RateLimit(limit.perSecond() * SAFETY_MARGIN,
                Math.max(1, (int) Math.floor(limit.burst() * SAFETY_MARGIN)));
    }

    @Override
    public void acquire(String operation) throws ConnectorException {
        Optional<RateLimit> limit = effective(operation);
        if (limit.isEmpty()) {
            return;
        }
        Duration wait = buckets.take(connectionId, operation, limit.get().perSecond(), limit.get().burst());
        if (!wait.isZero() && wait.compareTo(LONGEST_WAIT) <= 0) {
            // a wait handed back (longer than LONGEST_WAIT) is counted where the call's failure is
            waited.run();
        }
        while (!wait.isZero()) {
            if (wait.compareTo(LONGEST_WAIT) > 0) {
                throw ConnectorException.throttled("the rate limit of " + operation + " on connection '"
                        + connectionId + "' (" + String.format(java.util.Locale.ROOT, "%.4g", limit.get().perSecond())
                        + "/s, burst " + limit.get().burst() + ") is used up; next call in " + wait.toMillis()
                        + " ms", wait);
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ConnectorException.transientFailure("Interrupted", "interrupted while waiting for the rate"
                        + " limit of " + operation, null, null, null);
            }
            wait = buckets.take(connectionId, operation, limit.get().perSecond(), limit.get().burst());
        }
    }
}
