package dev.junction.backend.connections;

import dev.junction.engine.connectors.OperationDescriptor.RateLimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per connection and operation, filled at the operation's rate up to its burst (SP-API usage plans).
 * A call takes a token or learns how long until one is there; the caller then waits a little or hands the step
 * back to be retried then, rather than holding a worker thread for minutes.
 */
final class OperationRateLimits {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes a token now (answers zero) or answers how long until the next one; takes nothing then. */
    Duration take(String connectionId, String operation, RateLimit limit, long nowNanos) {
        Bucket bucket = buckets.computeIfAbsent(connectionId + "\n" + operation, key -> new Bucket(limit, nowNanos));
        return bucket.take(limit, nowNanos);
    }

    private static final class Bucket {
        private double tokens;
        private long updatedNanos;

        Bucket(RateLimit limit, long nowNanos) {
            this.tokens = limit.burst();
            this.updatedNanos = nowNanos;
        }

        synchronized Duration take(RateLimit limit, long nowNanos) {
            double elapsedSeconds = Math.max(0, nowNanos - updatedNanos) / 1e9;
            tokens = Math.min(limit.burst(), tokens + elapsedSeconds * limit.perSecond());
            updatedNanos = nowNanos;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / limit.perSecond() * 1e9));
        }
    }
}
