package dev.junction.engine.definition;

import java.util.Optional;

/** What the validator asks about connections and operations (a port: the application answers it). */
public interface OperationCatalog {

    /** The connector id of an existing connection, or empty when there is no such connection. */
    Optional<String> connectorOfConnection(String connectionId);

    /** Whether that connector offers that operation. */
    boolean hasOperation(String connectorId, String operationId);

    /**
     * The JSON Schema of that operation's input as a step must give it (the field the connector fills from the
     * step's idempotency key not required); empty when not known.
     */
    default Optional<java.util.Map<String, Object>> inputSchema(String connectorId, String operationId) {
        return Optional.empty();
    }
}
