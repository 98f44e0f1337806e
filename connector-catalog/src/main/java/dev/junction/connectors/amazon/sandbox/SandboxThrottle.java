package dev.junction.connectors.amazon.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SP-API's usage plans in the sandbox: a token bucket per (selling partner, operation) with the default rate and
 * burst of api-contracts §1.3; an empty bucket answers 429 {@code QuotaExceeded}.
 */
final class SandboxThrottle {

    /** A default usage plan: tokens added per second and the bucket's size. */
    record Plan(double perSecond, int burst) {
    }

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(int burst) {
            tokens = burst;
            updatedNanos = System.nanoTime();
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    private volatile boolean enabled = true;

    /** The seller accounts' usage plan of {@code operation} from now on (until the reset), instead of its default. */
    void plan(String operation, Plan plan) {
        plans.put(operation, plan);
    }

    void enabled(boolean enabled) {
        this.enabled = enabled;
    }

    void reset() {
        buckets.clear();
        plans.clear();
        enabled = true;
    }

    /** Takes a token for the call; false when the bucket is empty (or the limits are off: always true). */
    boolean take(String seller, String operation, Plan defaultPlan) {
        if (!enabled) {
            return true;
        }
        Plan plan = plans.getOrDefault(operation, defaultPlan);
        Bucket bucket = buckets.computeIfAbsent(seller + " " + operation, key -> new Bucket(plan.burst()));
        synchronized (bucket) {
            long now = System.nanoTime();
            bucket.tokens = Math.min(plan.burst(), bucket.tokens + (now - bucket.updatedNanos) / 1e9 * plan.perSecond());
            bucket.updatedNanos = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }
}
