package dev.junction.connectors.sandbox;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures a simulator answers instead of its normal answer. Two sources, asked in this order each time a simulator
 * calls {@link #take(String)}:
 * <ul>
 * <li>planned per operation by tests and by people trying how a workflow copes: {@code {"operation":
 * "createFulfillmentOrder", "status": 503, "times": 2, "retryAfterSeconds": 1, "delayMillis": 0}}. A
 * {@code delayMillis} alone holds the answer back (a slow remote side, for timeouts); a status answers that status
 * in the API's own error envelope;</li>
 * <li>the {@link FaultProfile}, drawn at random: 429s, 5xx, latency and timeouts at the operation's own fault point,
 * lost answers at its after-the-side-effect point (an operation name with a {@code :after…} suffix, e.g.
 * {@code createTransaction:afterCommit}).</li>
 * </ul>
 * Every call of {@link #take(String)} at an operation's own fault point (a name without {@code :}, and not the
 * Dataverse catch-all {@code *}) counts one request of that operation in the {@link #counters()}. Simulators answer
 * a fault through {@link #answerIfPlanned}: one rule for the delay, the error status and {@code Retry-After}, each
 * simulator giving only its API's error envelope.
 */
public final class Faults {

    private final Map<String, Planned> planned = new ConcurrentHashMap<>();
    private final SimulatorCounters counters = new SimulatorCounters();
    private volatile Drawn profile;

    /** One planned failure. */
    public record Fault(String operation, int status, Integer retryAfterSeconds, long delayMillis) {

        public Fault {
            FaultProfile.bounded("delayMillis", delayMillis, FaultProfile.MAX_LATENCY_MILLIS);
        }

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

    /** Writes a fault's error answer in the simulated API's own envelope (the status is {@link Fault#status()}). */
    @FunctionalInterface
    public interface ErrorWriter {
        void write(SimulatorExchange exchange, Fault fault) throws IOException;
    }

    /**
     * The one way a simulator answers a fault: takes the operation's next fault ({@link #take(String)}), holds its
     * delay back, and when it answers an error sets {@code Retry-After} (when the fault has one) and lets
     * {@code errorWriter} write the API's error envelope. True when it answered (the simulator stops there); false
     * when there was no fault or only a delay (the simulator answers as usual).
     */
    public boolean answerIfPlanned(SimulatorExchange exchange, String operation, ErrorWriter errorWriter)
            throws IOException {
        return answer(exchange, take(operation), errorWriter);
    }

    /** {@link #answerIfPlanned} for a fault the simulator took itself (e.g. with a catch-all of its own). */
    public static boolean answer(SimulatorExchange exchange, Optional<Fault> fault, ErrorWriter errorWriter)
            throws IOException {
        if (fault.isEmpty()) {
            return false;
        }
        fault.get().holdBack();
        if (!fault.get().answersError()) {
            return false;
        }
        if (fault.get().retryAfterSeconds() != null) {
            exchange.responseHeader("Retry-After", String.valueOf(fault.get().retryAfterSeconds()));
        }
        errorWriter.write(exchange, fault.get());
        return true;
    }

    /** The profile and the random numbers it draws from. */
    private record Drawn(FaultProfile profile, Random random) {
        double next() {
            synchronized (random) {
                return random.nextDouble();
            }
        }

        long jitter() {
            if (profile.latencyJitterMillis() == 0) {
                return 0;
            }
            synchronized (random) {
                return random.nextLong(profile.latencyJitterMillis() + 1);
            }
        }
    }

    public void plan(Fault fault, int times) {
        planned.put(fault.operation(), new Planned(fault, new AtomicInteger(times)));
    }

    /**
     * The fault for the operation's next call — planned first, else drawn from the profile — counting the request
     * and the fault; empty when there is none.
     */
    public Optional<Fault> take(String operation) {
        int colon = operation.indexOf(':');
        String base = colon < 0 ? operation : operation.substring(0, colon);
        boolean afterSideEffect = colon >= 0 && operation.startsWith(":after", colon);
        if (colon < 0 && !operation.equals("*")) {
            counters.request(operation);
        }
        Optional<Fault> fault = takePlanned(operation);
        if (fault.isPresent()) {
            counters.faultInjected();
            return fault;
        }
        if (operation.equals("*")) {
            return Optional.empty();
        }
        fault = draw(operation, base, afterSideEffect);
        // added latency alone is no injected fault
        fault.filter(Fault::answersError).ifPresent(drawn -> counters.faultInjected());
        return fault;
    }

    private Optional<Fault> takePlanned(String operation) {
        Planned next = planned.get(operation);
        if (next == null || next.left().getAndDecrement() <= 0) {
            planned.remove(operation, next);
            return Optional.empty();
        }
        return Optional.of(next.fault());
    }

    private Optional<Fault> draw(String operation, String base, boolean afterSideEffect) {
        Drawn drawn = profile;
        if (drawn == null || !drawn.profile().appliesTo(base)) {
            return Optional.empty();
        }
        FaultProfile given = drawn.profile();
        if (afterSideEffect) {
            return given.dropAfterSideEffectRate() > 0 && drawn.next() < given.dropAfterSideEffectRate()
                    ? Optional.of(new Fault(operation, 500, null, 0)) : Optional.empty();
        }
        if (operation.indexOf(':') >= 0) {
            return Optional.empty();
        }
        long latency = given.latencyMillis() + drawn.jitter();
        double draw = drawn.next();
        if (draw < given.rate429()) {
            return Optional.of(new Fault(operation, 429, given.retryAfterSeconds(), latency));
        }
        if (draw < given.rate429() + given.rate5xx()) {
            return Optional.of(new Fault(operation, given.status5xx(), given.retryAfterSeconds(), latency));
        }
        if (draw < given.rate429() + given.rate5xx() + given.timeoutRate()) {
            return Optional.of(new Fault(operation, 504, null, latency + given.timeoutMillis()));
        }
        if (latency > 0) {
            return Optional.of(new Fault(operation, 200, null, latency));
        }
        return Optional.empty();
    }

    /** Sets the profile faults are drawn from (replacing any earlier one). */
    public void profile(FaultProfile profile) {
        this.profile = new Drawn(profile, profile.seed() == null ? new Random() : new Random(profile.seed()));
    }

    /** The profile faults are drawn from, if one is set. */
    public Optional<FaultProfile> profile() {
        Drawn drawn = profile;
        return drawn == null ? Optional.empty() : Optional.of(drawn.profile());
    }

    /** Stops drawing faults from a profile (planned faults stay). */
    public void clearProfile() {
        profile = null;
    }

    /** Forgets every planned fault and the profile. */
    public void clear() {
        planned.clear();
        profile = null;
    }

    /** Forgets every planned fault and the profile, and zeroes the counters: what a simulator's reset does. */
    public void reset() {
        clear();
        counters.reset();
    }

    /** The simulator's counters: requests per operation, rate-limit violations, duplicate side effects, faults. */
    public SimulatorCounters counters() {
        return counters;
    }
}
