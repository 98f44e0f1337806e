package dev.junction.connectors.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a simulator saw since its last reset, for tests and for people trying how a workflow behaves: requests per
 * operation, 429s its own rate limits answered (the client did not keep to the limit), side effects a client asked
 * for twice with the same natural key ({@code vendorTxCode}, {@code sellerFulfillmentOrderId}, a contact's e-mail,
 * an alternate key) and faults injected (planned or drawn from the profile). Served as
 * {@code GET <basePath>/_sandbox/counters}.
 */
public final class SimulatorCounters {

    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final AtomicLong rateLimitViolations = new AtomicLong();
    private final AtomicLong duplicateSideEffects = new AtomicLong();
    private final AtomicLong faultsInjected = new AtomicLong();

    /** Counts one request of the operation. */
    public void request(String operation) {
        requests.computeIfAbsent(operation, key -> new AtomicLong()).incrementAndGet();
    }

    /** Counts a 429 the simulator's own rate limit answered. */
    public void rateLimitViolation() {
        rateLimitViolations.incrementAndGet();
    }

    /** Counts a side effect asked for again with a key that already has one. */
    public void duplicateSideEffect() {
        duplicateSideEffects.incrementAndGet();
    }

    void faultInjected() {
        faultsInjected.incrementAndGet();
    }

    /** Requests of one operation since the last reset. */
    public long requests(String operation) {
        AtomicLong count = requests.get(operation);
        return count == null ? 0 : count.get();
    }

    /** Requests per operation, by operation name. */
    public Map<String, Long> requests() {
        Map<String, Long> copy = new TreeMap<>();
        requests.forEach((operation, count) -> copy.put(operation, count.get()));
        return copy;
    }

    public long rateLimitViolations() {
        return rateLimitViolations.get();
    }

    public long duplicateSideEffects() {
        return duplicateSideEffects.get();
    }

    public long faultsInjected() {
        return faultsInjected.get();
    }

    /** Zeroes every counter. */
    public void reset() {
        requests.clear();
        rateLimitViolations.set(0);
        duplicateSideEffects.set(0);
        faultsInjected.set(0);
    }

    /** The counters as {@code GET <basePath>/_sandbox/counters} answers them. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requests", requests());
        json.put("rateLimitViolations", rateLimitViolations());
        json.put("duplicateSideEffects", duplicateSideEffects());
        json.put("faultsInjected", faultsInjected());
        return json;
    }
}
