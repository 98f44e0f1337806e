package dev.junction.backend.connections;

import dev.junction.engine.definition.OperationCatalog;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What the definition validator may use: the connections that exist and the operations of their connectors.
 * Junction has no connections and no connectors yet (they arrive with the connector catalog and the credentials
 * vault), so a connector node or a polling trigger is reported as naming an unknown connection.
 */
@Component
class ConnectionOperationCatalog implements OperationCatalog {

    @Override
    public Optional<String> connectorOfConnection(String connectionId) {
        return Optional.empty();
    }

    @Override
    public boolean hasOperation(String connectorId, String operationId) {
        return false;
    }
}
