package dev.junction.engine.connectors;

import java.util.Map;
import java.util.Objects;

/**
 * One call of a connector operation by a workflow step. {@code idempotencyKey} is deterministic for the step (run
 * id, node id and item index): the same on every retry and after a crash, so a connector may hand it to the remote
 * API as its own key (e.g. Opayo's {@code vendorTxCode}, Amazon's {@code sellerFulfillmentOrderId}).
 */
public record ConnectorCall(String connectionId, String operation, Map<String, Object> input, String idempotencyKey) {

    public ConnectorCall {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(operation, "operation");
        input = input == null ? Map.of() : input;
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
