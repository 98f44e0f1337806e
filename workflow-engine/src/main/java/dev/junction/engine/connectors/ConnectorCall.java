package dev.junction.engine.connectors;

import java.util.Map;
import java.util.Objects;

/**
 * One call of a connector operation by a workflow step. {@code idempotencyKey} is deterministic for the step (run
 * id, node id and item index): the same on every retry and after a crash, so a connector may hand it to the remote
 * API as its own key (e.g. Opayo's {@code vendorTxCode}, Amazon's {@code sellerFulfillmentOrderId}).
 * {@code possibleRepeat} says whether a call with this key may have been made before: false only for the first
 * attempt of a step on its first claim in a run never replayed — a connector may then take anything it finds under
 * the key at the remote API as another request's, never as this step's own (see {@link OperationCall}).
 */
public record ConnectorCall(String connectionId, String operation, Map<String, Object> input, String idempotencyKey,
                            boolean possibleRepeat) {

    public ConnectorCall {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(operation, "operation");
        input = input == null ? Map.of() : input;
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /** A call whose history the caller does not know: taken as a possible repeat (look up before acting). */
    public ConnectorCall(String connectionId, String operation, Map<String, Object> input, String idempotencyKey) {
        this(connectionId, operation, input, idempotencyKey, true);
    }
}
