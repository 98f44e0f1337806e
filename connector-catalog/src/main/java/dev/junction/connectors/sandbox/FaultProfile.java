package dev.junction.connectors.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Faults drawn at random, per request, besides the planned ones: a share of 429s and of 5xx answers, added latency
 * (with jitter), a share of answers held past any sane deadline, and a share of answers lost after the side effect
 * (the write is done, then a 500 is answered). Set through {@code PUT <basePath>/_sandbox/faults/profile}, e.g.
 * {@code {"rate429": 0.1, "rate5xx": 0.05, "latencyMillis": 50, "latencyJitterMillis": 20, "timeoutRate": 0.01,
 * "dropAfterSideEffectRate": 0.05, "operations": ["createTransaction"], "seed": 42}}. Draws come from a
 * {@link java.util.Random} seeded with {@code seed} when given, so that a test sees the same faults every time.
 *
 * @param rate429                 share of requests answered 429 (in the API's own envelope)
 * @param rate5xx                 share of requests answered {@code status5xx} (503 unless told)
 * @param status5xx               the 5xx status answered
 * @param latencyMillis           added to every request the profile applies to
 * @param latencyJitterMillis     up to this much more, drawn uniformly
 * @param timeoutRate             share of requests held {@code timeoutMillis} and then answered 504
 * @param timeoutMillis           how long a timed-out request is held (65 s unless told)
 * @param dropAfterSideEffectRate share of side effects done whose answer is lost (a 500 after the write)
 * @param retryAfterSeconds       the Retry-After of the 429s and 5xx, null for the API's default
 * @param operations              the operations the profile applies to; empty for all
 * @param seed                    the seed of the draws, null for a random one
 */
public record FaultProfile(double rate429, double rate5xx, int status5xx, long latencyMillis,
                           long latencyJitterMillis, double timeoutRate, long timeoutMillis,
                           double dropAfterSideEffectRate, Integer retryAfterSeconds, Set<String> operations,
                           Long seed) {

    public static final long DEFAULT_TIMEOUT_MILLIS = 65_000;
    /** The most latency (and jitter, and a planned delay) a control accepts: a slow remote, not a hung one. */
    public static final long MAX_LATENCY_MILLIS = 10_000;
    /** The longest a timed-out answer is held: past the connectors' 60 s call deadline, and no longer. */
    public static final long MAX_TIMEOUT_MILLIS = 120_000;
    private static final Set<String> FIELDS = Set.of("rate429", "rate5xx", "status5xx", "latencyMillis",
            "latencyJitterMillis", "timeoutRate", "timeoutMillis", "dropAfterSideEffectRate", "retryAfterSeconds",
            "operations", "seed");

    public FaultProfile {
        share("rate429", rate429);
        share("rate5xx", rate5xx);
        share("timeoutRate", timeoutRate);
        share("dropAfterSideEffectRate", dropAfterSideEffectRate);
        if (rate429 + rate5xx + timeoutRate > 1.0 + 1e-9) {
            throw new IllegalArgumentException("'rate429' + 'rate5xx' + 'timeoutRate' must be at most 1");
        }
        if (status5xx < 500 || status5xx > 599) {
            throw new IllegalArgumentException("'status5xx' must be a status from 500 to 599");
        }
        bounded("latencyMillis", latencyMillis, MAX_LATENCY_MILLIS);
        bounded("latencyJitterMillis", latencyJitterMillis, MAX_LATENCY_MILLIS);
        bounded("timeoutMillis", timeoutMillis, MAX_TIMEOUT_MILLIS);
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("'retryAfterSeconds' must be 0 or more");
        }
        operations = Set.copyOf(operations);
    }

    /** Whether the profile applies to an operation (by its name without the {@code :after…} suffix). */
    public boolean appliesTo(String operation) {
        return operations.isEmpty() || operations.contains(operation);
    }

    /** Reads a profile from its JSON (plain maps); throws {@link IllegalArgumentException} naming a bad field. */
    public static FaultProfile fromJson(Object json) {
        if (!(json instanceof Map<?, ?> body)) {
            throw new IllegalArgumentException("a fault profile is a JSON object");
        }
        for (Object field : body.keySet()) {
            if (!FIELDS.contains(String.valueOf(field))) {
                throw new IllegalArgumentException("unknown fault profile field '" + field + "' (known: "
                        + new java.util.TreeSet<>(FIELDS) + ")");
            }
        }
        Set<String> operations = new LinkedHashSet<>();
        Object listed = body.get("operations");
        if (listed instanceof List<?> list) {
            for (Object operation : list) {
                if (!(operation instanceof String name) || name.isBlank()) {
                    throw new IllegalArgumentException("'operations' must be a list of operation names");
                }
                operations.add(name);
            }
        } else if (listed != null) {
            throw new IllegalArgumentException("'operations' must be a list of operation names");
        }
        Long retryAfter = wholeOrNull(body, "retryAfterSeconds");
        return new FaultProfile(number(body, "rate429", 0), number(body, "rate5xx", 0),
                (int) whole(body, "status5xx", 503), whole(body, "latencyMillis", 0),
                whole(body, "latencyJitterMillis", 0), number(body, "timeoutRate", 0),
                whole(body, "timeoutMillis", DEFAULT_TIMEOUT_MILLIS), number(body, "dropAfterSideEffectRate", 0),
                retryAfter == null ? null : retryAfter.intValue(), operations, wholeOrNull(body, "seed"));
    }

    /** The profile as {@code GET <basePath>/_sandbox/faults/profile} answers it. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rate429", rate429);
        json.put("rate5xx", rate5xx);
        json.put("status5xx", status5xx);
        json.put("latencyMillis", latencyMillis);
        json.put("latencyJitterMillis", latencyJitterMillis);
        json.put("timeoutRate", timeoutRate);
        json.put("timeoutMillis", timeoutMillis);
        json.put("dropAfterSideEffectRate", dropAfterSideEffectRate);
        if (retryAfterSeconds != null) {
            json.put("retryAfterSeconds", retryAfterSeconds);
        }
        json.put("operations", new ArrayList<>(operations));
        if (seed != null) {
            json.put("seed", seed);
        }
        return json;
    }

    private static double number(Map<?, ?> body, String field, double fallback) {
        Object value = body.get(field);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("'" + field + "' must be a number");
        }
        return number.doubleValue();
    }

    private static long whole(Map<?, ?> body, String field, long fallback) {
        Long value = wholeOrNull(body, field);
        return value == null ? fallback : value;
    }

    private static Long wholeOrNull(Map<?, ?> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number");
        }
        return number.longValue();
    }

    private static void share(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("'" + field + "' must be a share from 0 to 1");
        }
    }

    /** Throws naming {@code field} unless {@code value} is from 0 to {@code max}. */
    static void bounded(String field, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("'" + field + "' must be from 0 to " + max + " (milliseconds)");
        }
    }
}
