package dev.junction.engine.connectors;

import java.util.Map;
import java.util.Objects;

/**
 * One operation of a connector.
 *
 * @param kind                 an action a step calls, a poll a polling trigger calls, or a webhook that starts runs
 * @param inputSchema          JSON Schema of the input (the forms and the validator use it)
 * @param outputSchema         JSON Schema of the output (mappings after the step use it)
 * @param rateLimit            the remote quota per connection, or null when the remote API sets none
 * @param idempotencyKeyField  the input field the remote API treats as an idempotency key (Opayo's
 *                             {@code vendorTxCode}, Amazon's {@code sellerFulfillmentOrderId}): when the input leaves
 *                             it empty the connector fills it from the call's idempotency key, within the remote
 *                             API's rules for that field; null when the operation has none
 */
public record OperationDescriptor(String id, String name, String description, Kind kind,
                                  Map<String, Object> inputSchema, Map<String, Object> outputSchema,
                                  RateLimit rateLimit, String idempotencyKeyField) {

    public OperationDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        inputSchema = inputSchema == null ? Map.of("type", "object") : inputSchema;
        outputSchema = outputSchema == null ? Map.of("type", "object") : outputSchema;
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
