package dev.junction.engine.definition;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failing node is tried again: within a time {@code budget} from its first failure (15 minutes unless told),
 * waiting an exponentially growing delay (from {@code initialDelayMillis}, times {@code multiplier}, at most
 * {@code maxDelayMillis}) between tries; {@code maxAttempts}, when set, caps the tries in all as well (null: no
 * cap but the budget). Only failures the connector marks retryable are retried. The limits are those of the JSON
 * form: 1 to {@value #MAX_ATTEMPTS} attempts, a first delay of at most {@value #MAX_INITIAL_DELAY_MILLIS} ms, a
 * longest delay from the first delay up to {@value #MAX_DELAY_MILLIS} ms, a multiplier from 1 to
 * {@value #MAX_MULTIPLIER}, and a budget from zero to {@link #MAX_BUDGET}.
 */
public record RetryPolicy(Integer maxAttempts, long initialDelayMillis, long maxDelayMillis, double multiplier,
                          Duration budget) {

    public static final int MAX_ATTEMPTS = 20;
    public static final long MAX_INITIAL_DELAY_MILLIS = 3_600_000;
    public static final long MAX_DELAY_MILLIS = 86_400_000;
    public static final double MIN_MULTIPLIER = 1.0;
    public static final double MAX_MULTIPLIER = 10.0;
    public static final Duration DEFAULT_BUDGET = Duration.ofMinutes(15);
    public static final Duration MAX_BUDGET = Duration.ofDays(30);

    /** Retries for 15 minutes from the first failure, waiting 1 s, then 2 s, 4 s … (never more than a minute). */
    public static final RetryPolicy DEFAULT = new RetryPolicy(null, 1_000, 60_000, 2.0, DEFAULT_BUDGET);
    /** A single attempt: no retries. */
    public static final RetryPolicy NONE = new RetryPolicy(1, 0, 0, 1.0);

    public RetryPolicy {
        if (maxAttempts != null && (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS)) {
            throw new IllegalArgumentException("maxAttempts must be from 1 to " + MAX_ATTEMPTS + ", was " + maxAttempts);
        }
        if (initialDelayMillis < 0 || initialDelayMillis > MAX_INITIAL_DELAY_MILLIS) {
            throw new IllegalArgumentException("initialDelayMillis must be from 0 to " + MAX_INITIAL_DELAY_MILLIS
                    + ", was " + initialDelayMillis);
        }
        if (maxDelayMillis < initialDelayMillis || maxDelayMillis > MAX_DELAY_MILLIS) {
            throw new IllegalArgumentException("maxDelayMillis must be from initialDelayMillis (" + initialDelayMillis
                    + ") to " + MAX_DELAY_MILLIS + ", was " + maxDelayMillis);
        }
        if (!(multiplier >= MIN_MULTIPLIER && multiplier <= MAX_MULTIPLIER)) {
            throw new IllegalArgumentException("multiplier must be from " + MIN_MULTIPLIER + " to " + MAX_MULTIPLIER
                    + ", was " + multiplier);
        }
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative() || budget.compareTo(MAX_BUDGET) > 0) {
            throw new IllegalArgumentException("budget must be from PT0S to " + MAX_BUDGET + ", was " + budget);
        }
    }

    /** A policy capped at {@code maxAttempts} tries, within the default budget. */
    public RetryPolicy(int maxAttempts, long initialDelayMillis, long maxDelayMillis, double multiplier) {
        this(Integer.valueOf(maxAttempts), initialDelayMillis, maxDelayMillis, multiplier, DEFAULT_BUDGET);
    }
}
