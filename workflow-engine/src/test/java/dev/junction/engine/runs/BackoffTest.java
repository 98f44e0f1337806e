package dev.junction.engine.runs;

import dev.junction.engine.definition.RetryPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private static final RetryPolicy POLICY = new RetryPolicy(5, 1_000, 10_000, 2.0);

    @Test
    void fullJitterStaysBetweenZeroAndTheExponentialCeiling() {
        RandomGenerator random = new SplittableRandom(42);
        for (int attempt = 1; attempt <= 6; attempt++) {
            long ceiling = Math.min(10_000, (long) (1_000 * Math.pow(2, attempt - 1)));
            int n = attempt;
            var delays = IntStream.range(0, 2_000).mapToLong(i -> Backoff.delay(POLICY, n, null, random).toMillis())
                    .summaryStatistics();
            assertThat(delays.getMin()).isGreaterThanOrEqualTo(0);
            assertThat(delays.getMax()).isLessThanOrEqualTo(ceiling);
            assertThat(delays.getAverage()).as("spread over the whole range, not bunched").isBetween(ceiling * 0.4,
                    ceiling * 0.6);
        }
    }

    @Test
    void retryAfterIsAFloorEvenAboveTheCap() {
        RandomGenerator random = new SplittableRandom(7);
        assertThat(Backoff.delay(POLICY, 1, Duration.ofSeconds(30), random)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.delay(POLICY, 1, Duration.ofMillis(1), random).toMillis()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void attemptsStopAtTheMaximum() {
        assertThat(Backoff.mayRetry(POLICY, 4)).isTrue();
        assertThat(Backoff.mayRetry(POLICY, 5)).isFalse();
        assertThat(Backoff.mayRetry(RetryPolicy.NONE, 1)).isFalse();
    }

    @Test
    void aZeroDelayPolicyRetriesAtOnce() {
        assertThat(Backoff.delay(new RetryPolicy(3, 0, 0, 1.0), 2, null, new SplittableRandom(1)))
                .isEqualTo(Duration.ZERO);
    }
}
