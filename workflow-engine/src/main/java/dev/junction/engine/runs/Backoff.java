package dev.junction.engine.runs;

import dev.junction.engine.definition.RetryPolicy;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: before attempt {@code n + 1} wait a uniformly random time from zero to
 * {@code min(maxDelay, initialDelay * multiplier^(n-1))}, so that many runs failing together do not retry together.
 * A remote {@code Retry-After} is a floor: the wait is never shorter than what the remote API asked for.
 */
public final class Backoff {

    private Backoff() {
    }

    /**
     * Whether a failed attempt number {@code attempt} (1-based) may be followed by another as far as the policy's
     * optional cap on attempts goes (the time budget is checked by the caller).
     */
    public static boolean mayRetry(RetryPolicy policy, int attempt) {
        return policy.maxAttempts() == null || attempt < policy.maxAttempts();
    }

    /** The wait after failed attempt number {@code attempt} (1-based). */
    public static Duration delay(RetryPolicy policy, int attempt, Duration retryAfter, RandomGenerator random) {
        double ceiling = Math.min(policy.maxDelayMillis(),
                policy.initialDelayMillis() * Math.pow(policy.multiplier(), Math.max(0, attempt - 1)));
        long jittered = ceiling < 1 ? 0 : random.nextLong(0, (long) ceiling + 1);
        long floor = retryAfter == null ? 0 : retryAfter.toMillis();
        return Duration.ofMillis(Math.max(jittered, floor));
    }
}
