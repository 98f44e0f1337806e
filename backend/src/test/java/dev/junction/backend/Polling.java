package dev.junction.backend;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The backend tests' one wait loop: reads something every {@code interval} until it is what the test waits for.
 * The limit only ends a wait that would otherwise hang (a test never asserts on how long it took).
 */
public final class Polling {

    private Polling() {
    }

    /** Reads until {@code done} accepts the value or {@code limit} has passed; answers the last value read. */
    public static <T> T lastRead(Duration limit, Duration interval, Supplier<T> read, Predicate<? super T> done) {
        Instant deadline = Instant.now().plus(limit);
        T value = read.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            pause(interval);
            value = read.get();
        }
        return value;
    }

    /** Waits until {@code condition} holds; fails saying what it waited for when {@code limit} passes first. */
    public static void until(String what, Duration limit, Duration interval, BooleanSupplier condition) {
        if (!lastRead(limit, interval, condition::getAsBoolean, Boolean::booleanValue)) {
            throw new AssertionError("waited " + limit.toSeconds() + " s for " + what);
        }
    }

    private static void pause(Duration interval) {
        try {
            Thread.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
