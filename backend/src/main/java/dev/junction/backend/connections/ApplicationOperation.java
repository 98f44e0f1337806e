package dev.junction.backend.connections;

import dev.junction.engine.connectors.ConnectorCall;
import dev.junction.engine.connectors.ConnectorException;

/**
 * An operation the application answers itself, called by a workflow step through the connector port like a
 * connector's operation but without a connector: e.g. {@code junction.reconcileSettlement}, what a
 * reconcile-settlement step calls. Its id has the prefix {@code junction.}, which no connector's operation has.
 * {@link CatalogConnectorInvoker} hands a call of that id to the bean that answers it.
 */
public interface ApplicationOperation {

    /** The operation's id, {@code junction.<name>}. */
    String id();

    /** Answers the call (its connection id is the one the step named first; its input is the step's). */
    Object invoke(ConnectorCall call) throws ConnectorException;
}
