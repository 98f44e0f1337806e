package dev.junction.backend.connections;

import dev.junction.db.connections.ConnectionRepository;
import dev.junction.engine.connectors.ConnectorCatalog;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.definition.OperationCatalog;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** What the definition validator may use: the connections that exist and the operations of their connectors. */
@Component
public class ConnectionOperationCatalog implements OperationCatalog {

    private final ConnectionRepository connections;
    private final ConnectorCatalog catalog;

    ConnectionOperationCatalog(ConnectionRepository connections, ConnectorCatalog catalog) {
        this.connections = connections;
        this.catalog = catalog;
    }

    @Override
    public Optional<String> connectorOfConnection(String connectionId) {
        return connections.connectorOf(connectionId);
    }

    @Override
    public boolean hasOperation(String connectorId, String operationId) {
        return catalog.find(connectorId).flatMap(connector -> connector.descriptor().operation(operationId))
                .isPresent();
    }

    @Override
    public Optional<java.util.Map<String, Object>> inputSchema(String connectorId, String operationId) {
        return catalog.find(connectorId).flatMap(connector -> connector.descriptor().operation(operationId))
                .map(OperationDescriptor::stepInputSchema);
    }
}
