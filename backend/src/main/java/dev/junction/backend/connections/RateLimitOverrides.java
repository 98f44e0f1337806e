package dev.junction.backend.connections;

import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.connectors.OperationDescriptor.RateLimit;
import dev.junction.engine.json.PayloadJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A connection's own rate limits for some of its operations (two seller accounts may have two usage plans): the
 * plain setting {@value #SETTING}, a JSON object such as {@code {"getOrder": {"ratePerSecond": 0.5, "burst": 30}}}
 * naming operations of the connection's connector. Checked when the connection is saved; the limiter keeps the same
 * safety margin below them as below the published limits ({@link ConnectionRateLimiter}).
 */
record RateLimitOverrides(Map<String, RateLimit> limits) {

    static final String SETTING = "rateLimits";
    static final RateLimitOverrides NONE = new RateLimitOverrides(Map.of());
    private static final Set<String> FIELDS = Set.of("ratePerSecond", "burst");
    private static final int MAX_BURST = 100_000;
    private static final double MAX_RATE = 10_000;

    RateLimitOverrides {
        limits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    /** The limit of {@code operation} this connection sets, if it sets one. */
    Optional<RateLimit> of(String operation) {
        return Optional.ofNullable(limits.get(operation));
    }

    /** The overrides a stored connection sets (checked when it was saved; anything unreadable counts as none). */
    static RateLimitOverrides of(Map<String, String> settings, ConnectorDescriptor descriptor) {
        String json = settings.get(SETTING);
        if (json == null || json.isBlank()) {
            return NONE;
        }
        List<FieldProblem> ignored = new java.util.ArrayList<>();
        RateLimitOverrides overrides = read(json, descriptor, ignored);
        return ignored.isEmpty() ? overrides : NONE;
    }

    /**
     * Reads the setting's JSON; each problem is added naming the operation and field (e.g.
     * {@code settings.rateLimits.getOrder.burst}).
     */
    static RateLimitOverrides read(String json, ConnectorDescriptor descriptor, List<FieldProblem> problems) {
        String path = "settings." + SETTING;
        Object parsed;
        try {
            parsed = PayloadJson.read(json);
        } catch (IllegalArgumentException notJson) {
            problems.add(new FieldProblem(path, "must be a JSON object of operations, e.g. {\"getOrder\":"
                    + " {\"ratePerSecond\": 0.5, \"burst\": 30}}"));
            return NONE;
        }
        if (!(parsed instanceof Map<?, ?> operations)) {
            problems.add(new FieldProblem(path, "must be a JSON object of operations, e.g. {\"getOrder\":"
                    + " {\"ratePerSecond\": 0.5, \"burst\": 30}}"));
            return NONE;
        }
        Map<String, RateLimit> limits = new LinkedHashMap<>();
        operations.forEach((name, value) -> {
            String operation = String.valueOf(name);
            String at = path + "." + operation;
            Optional<OperationDescriptor> known = descriptor.operation(operation);
            if (known.isEmpty()) {
                problems.add(new FieldProblem(at, "is not an operation of " + descriptor.name() + "; its operations"
                        + " are " + descriptor.operations().stream().map(OperationDescriptor::id).toList()));
                return;
            }
            if (!(value instanceof Map<?, ?> limit)) {
                problems.add(new FieldProblem(at, "must be an object {\"ratePerSecond\": number, \"burst\":"
                        + " whole number}"));
                return;
            }
            limit.keySet().stream().map(String::valueOf).filter(field -> !FIELDS.contains(field)).sorted()
                    .forEach(field -> problems.add(new FieldProblem(at + "." + field, "is not a known field;"
                            + " known fields: burst, ratePerSecond")));
            Double rate = limit.get("ratePerSecond") instanceof Number number ? number.doubleValue() : null;
            if (rate == null || !(rate > 0) || rate > MAX_RATE) {
                problems.add(new FieldProblem(at + ".ratePerSecond", "must be a number above 0 and at most "
                        + (long) MAX_RATE + " (tokens per second), was " + limit.get("ratePerSecond")));
            }
            Object burstValue = limit.get("burst");
            Integer burst = burstValue instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                    && number.doubleValue() >= 1 && number.doubleValue() <= MAX_BURST ? number.intValue() : null;
            if (burst == null) {
                problems.add(new FieldProblem(at + ".burst", "must be a whole number from 1 to " + MAX_BURST
                        + ", was " + burstValue));
            }
            if (rate != null && rate > 0 && rate <= MAX_RATE && burst != null) {
                limits.put(operation, new RateLimit(rate, burst));
            }
        });
        return new RateLimitOverrides(limits);
    }

    /** The setting's stored form: compact JSON in the operations' order. */
    String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        limits.forEach((operation, limit) -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("ratePerSecond", limit.perSecond());
            fields.put("burst", (long) limit.burst());
            json.put(operation, fields);
        });
        return PayloadJson.write(json);
    }
}
