package dev.junction.connectors.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures a simulator answers instead of its normal answer, planned per operation by tests and by people trying
 * how a workflow copes: {@code {"operation": "createFulfillmentOrder", "status": 503, "times": 2,
 * "retryAfterSeconds": 1, "delayMillis": 0}}. A {@code delayMillis} alone holds the answer back (a slow remote
 * side, for timeouts); a status answers that status in the API's own error envelope.
 */
public final class Faults {

    private final Map<String, Planned> planned = new ConcurrentHashMap<>();

    /** One planned failure. */
    public record Fault(String operation, int status, Integer retryAfterSeconds, long delayMillis) {

        /** Waits the planned delay (a slow remote side). */
        public void holdBack() {
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Whether the fault answers an error status (not only a delay). */
        public boolean answersError() {
            return status < 200 || status >= 300;
        }
    }

    private record Planned(Fault fault, AtomicInteger left) {
    }

    public void plan(Fault fault, int times) {
        planned.put(fault.operation(), new Planned(fault, new AtomicInteger(times)));
    }

    /** The fault planned for the operation's next call, counting it; empty when none is left. */
    public Optional<Fault> take(String operation) {
        Planned next = planned.get(operation);
        if (next == null || next.left().getAndDecrement() <= 0) {
            planned.remove(operation, next);
            return Optional.empty();
        }
        return Optional.of(next.fault());
    }

    public void clear() {
        planned.clear();
    }
}
