package dev.junction.engine.definition;

/**
 * How often a failing node is tried again: up to {@code maxAttempts} tries in all, waiting an exponentially
 * growing delay (from {@code initialDelayMillis}, times {@code multiplier}, at most {@code maxDelayMillis}) between
 * them. Only failures the connector marks retryable are retried.
 */
public record RetryPolicy(int maxAttempts, long initialDelayMillis, long maxDelayMillis, double multiplier) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, 1_000, 60_000, 2.0);
    public static final RetryPolicy NONE = new RetryPolicy(1, 0, 0, 1.0);

    public static final int MAX_ATTEMPTS = 20;
    public static final long MAX_INITIAL_DELAY_MILLIS = 3_600_000;
    public static final long MAX_DELAY_MILLIS = 86_400_000;
    public static final double MAX_MULTIPLIER = 10.0;
}
