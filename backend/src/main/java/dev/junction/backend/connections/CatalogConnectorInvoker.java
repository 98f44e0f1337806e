package dev.junction.backend.connections;

import dev.junction.engine.connectors.ConnectorCall;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.ConnectorInvoker;
import org.springframework.stereotype.Component;

/**
 * Calls connector operations on behalf of connector steps and polling triggers. Junction has no connections yet
 * (they arrive with the connector catalog and the credentials vault, like {@link ConnectionOperationCatalog}), so
 * every call fails for good, naming the connection; a published workflow cannot name one, since the validator
 * refuses unknown connections.
 */
@Component
class CatalogConnectorInvoker implements ConnectorInvoker {

    @Override
    public Object invoke(ConnectorCall call) throws ConnectorException {
        throw ConnectorException.permanentFailure("UnknownConnection", "there is no connection '"
                + call.connectionId() + "'", null, null);
    }
}
