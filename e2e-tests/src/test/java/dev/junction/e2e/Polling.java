package dev.junction.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The browser tests' one wait loop for what the page does not show by itself (an API read, a database row): reads
 * every {@code interval} until the value is what the test waits for. The limit only ends a wait that would otherwise
 * hang (a test never asserts on how long it took).
 */
final class Polling {

    private Polling() {
    }

    /**
     * Reads until {@code done} accepts the value and answers it; fails with {@code what} was awaited and the last value
     * read when {@code limit} passes first.
     */
    static <T> T until(String what, Duration limit, Duration interval, Supplier<T> read, Predicate<? super T> done) {
        Instant deadline = Instant.now().plus(limit);
        T value = read.get();
        while (!done.test(value)) {
            if (!Instant.now().isBefore(deadline)) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what + "; last read: " + value);
            }
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
            value = read.get();
        }
        return value;
    }

    /** Waits until {@code condition} holds (see {@link #until(String, Duration, Duration, Supplier, Predicate)}). */
    static void until(String what, Duration limit, Duration interval, java.util.function.BooleanSupplier condition) {
        until(what, limit, interval, condition::getAsBoolean, Boolean::booleanValue);
    }
}
