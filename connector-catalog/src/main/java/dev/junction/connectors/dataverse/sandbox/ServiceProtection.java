package dev.junction.connectors.dataverse.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The number-of-requests service protection limit of api-contracts §3.10: per caller, at most {@code limit}
 * requests in a sliding window (6000 in 300 s by default; tests lower it). A request over the limit is refused with
 * the time until the oldest counted request leaves the window.
 */
final class ServiceProtection {

    static final int DEFAULT_LIMIT = 6000;
    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(300);

    private final Clock clock;
    private final Map<String, Deque<Instant>> requests = new HashMap<>();
    private int limit = DEFAULT_LIMIT;
    private Duration window = DEFAULT_WINDOW;

    ServiceProtection(Clock clock) {
        this.clock = clock;
    }

    synchronized void configure(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
        requests.clear();
    }

    /** Counts the caller's request; answers how long to wait when it is over the limit (then it is not counted). */
    synchronized Optional<Duration> admit(String caller) {
        Instant now = clock.instant();
        Deque<Instant> seen = requests.computeIfAbsent(caller, key -> new ArrayDeque<>());
        while (!seen.isEmpty() && !seen.peekFirst().isAfter(now.minus(window))) {
            seen.pollFirst();
        }
        if (seen.size() >= limit) {
            Duration wait = Duration.between(now, seen.peekFirst().plus(window));
            return Optional.of(wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
        }
        seen.addLast(now);
        return Optional.empty();
    }

    int limit() {
        return limit;
    }

    Duration window() {
        return window;
    }
}
