package dev.junction.engine.connectors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One operation of a connector.
 *
 * @param kind                 an action a step calls, a poll a polling trigger calls, or a webhook that starts runs
 * @param inputSchema          JSON Schema of the input: what the forms show, and what {@link OperationInputCheck} holds
 *                             every call to before the handler runs; {@code examples} lists inputs it takes, and
 *                             {@code x-check} names the rules that stay in the connector's code
 * @param outputSchema         JSON Schema of the output (mappings after the step use it); a vendor shape carries the
 *                             id the mapping schema catalog knows it by ({@code $id: sp-api/Order})
 * @param rateLimit            the remote quota per connection, or null when the remote API sets none
 * @param idempotencyKeyField  the input field the remote API treats as an idempotency key (Opayo's
 *                             {@code vendorTxCode}, Amazon's {@code sellerFulfillmentOrderId}): when the input leaves
 *                             it empty the connector fills it from the call's idempotency key, within the remote
 *                             API's rules for that field; null when the operation has none
 * @param readOnly             whether the operation only reads (changes nothing at the remote side), so that it may
 *                             be called to fetch a sample, and retried or repeated without a thought; every poll reads
 */
public record OperationDescriptor(String id, String name, String description, Kind kind,
                                  Map<String, Object> inputSchema, Map<String, Object> outputSchema,
                                  RateLimit rateLimit, String idempotencyKeyField, boolean readOnly) {

    public OperationDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        inputSchema = inputSchema == null ? Map.of("type", "object") : inputSchema;
        outputSchema = outputSchema == null ? Map.of("type", "object") : outputSchema;
        if (kind == Kind.POLL && !readOnly) {
            throw new IllegalArgumentException("poll " + id + " must be read-only: a trigger repeats it at will");
        }
    }

    /** An operation that only reads when it is a poll and may change things otherwise. */
    public OperationDescriptor(String id, String name, String description, Kind kind, Map<String, Object> inputSchema,
                               Map<String, Object> outputSchema, RateLimit rateLimit, String idempotencyKeyField) {
        this(id, name, description, kind, inputSchema, outputSchema, rateLimit, idempotencyKeyField,
                kind == Kind.POLL);
    }

    /** An action a step calls, described field by field: {@code action("getOrder", …).input(…).readOnly().build()}. */
    public static Builder action(String id, String name, String description) {
        return new Builder(id, name, description, Kind.ACTION);
    }

    /** A poll a polling trigger calls (always read-only). */
    public static Builder poll(String id, String name, String description) {
        return new Builder(id, name, description, Kind.POLL).readOnly();
    }

    /** Builds an {@link OperationDescriptor}; schemas default to any object, no rate limit, no key, not read-only. */
    public static final class Builder {

        private final String id;
        private final String name;
        private final String description;
        private final Kind kind;
        private Map<String, Object> input;
        private Map<String, Object> output;
        private RateLimit rateLimit;
        private String idempotencyKeyField;
        private boolean readOnly;

        private Builder(String id, String name, String description, Kind kind) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.kind = kind;
        }

        public Builder input(Map<String, Object> schema) {
            this.input = schema;
            return this;
        }

        public Builder output(Map<String, Object> schema) {
            this.output = schema;
            return this;
        }

        public Builder rateLimit(RateLimit rateLimit) {
            this.rateLimit = rateLimit;
            return this;
        }

        /** The input field the remote API takes as its idempotency key (filled from the step's key when empty). */
        public Builder idempotencyKey(String field) {
            this.idempotencyKeyField = field;
            return this;
        }

        /** The operation changes nothing at the remote side. */
        public Builder readOnly() {
            this.readOnly = true;
            return this;
        }

        public OperationDescriptor build() {
            return new OperationDescriptor(id, name, description, kind, input, output, rateLimit,
                    idempotencyKeyField, readOnly);
        }
    }

    /**
     * The input schema as a workflow step must satisfy it: the idempotency key field, which the connector fills from
     * the step's key when the input leaves it empty, not required (the same schema when there is none to relax).
     */
    public Map<String, Object> stepInputSchema() {
        if (idempotencyKeyField == null || !(inputSchema.get("required") instanceof List<?> required)
                || !required.contains(idempotencyKeyField)) {
            return inputSchema;
        }
        Map<String, Object> relaxed = new LinkedHashMap<>(inputSchema);
        relaxed.put("required", required.stream().filter(name -> !idempotencyKeyField.equals(name)).toList());
        return relaxed;
    }

    public enum Kind { ACTION, POLL, WEBHOOK }

    /**
     * A token bucket: {@code perSecond} tokens added each second, at most {@code burst} kept (SP-API usage plans:
     * getOrders 0.0167/s with a burst of 20).
     */
    public record RateLimit(double perSecond, int burst) {
        public RateLimit {
            if (!(perSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
            }
        }
    }
}
