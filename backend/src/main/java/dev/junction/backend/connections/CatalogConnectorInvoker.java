package dev.junction.backend.connections;

import dev.junction.backend.credentials.VaultException;
import dev.junction.backend.database.DatabaseOutage;
import dev.junction.db.connections.ConnectionRepository;
import dev.junction.db.connections.RateLimitBuckets;
import dev.junction.db.connections.StoredConnection;
import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorCall;
import dev.junction.engine.connectors.ConnectorCatalog;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.ConnectorInvoker;
import dev.junction.engine.connectors.OperationCall;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.runs.InfrastructureUnavailableException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Calls connector operations for connector steps and polling triggers: finds the connection and its connector,
 * hands over the step's idempotency key (the connector turns it into the remote API's own key, within that API's
 * rules), keeps the operation's rate limit per connection (in the database, shared by every node), hands the connector the connection's secrets through the vault, and
 * blanks those secrets out of whatever comes back.
 */
@Component
public class CatalogConnectorInvoker implements ConnectorInvoker {

    /** The longest a call waits for a rate-limit token in the worker; longer waits go back to the retry queue. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

    private final ConnectionRepository connections;
    private final ConnectorCatalog catalog;
    private final ConnectionSecrets secrets;
    private final Duration callTimeout;
    private final RateLimitBuckets rateLimits;

    CatalogConnectorInvoker(ConnectionRepository connections, ConnectorCatalog catalog, ConnectionSecrets secrets,
                            RateLimitBuckets rateLimits,
                            @Value("${junction.connectors.call-timeout:60s}") Duration callTimeout) {
        this.rateLimits = rateLimits;
        this.connections = connections;
        this.catalog = catalog;
        this.secrets = secrets;
        this.callTimeout = callTimeout;
    }

    /**
     * {@inheritDoc}
     *
     * @throws InfrastructureUnavailableException when the database (the connection, its secrets in the vault, the
     *                                            rate-limit buckets) cannot be reached: the step runs again later
     */
    @Override
    public Object invoke(ConnectorCall call) throws ConnectorException {
        try {
            return invokeConnector(call);
        } catch (ConnectorException | RuntimeException failure) {
            if (DatabaseOutage.isCause(failure)) {
                throw new InfrastructureUnavailableException("the database cannot be reached while calling "
                        + call.operation() + " on connection '" + call.connectionId() + "'", failure);
            }
            throw failure;
        }
    }

    private Object invokeConnector(ConnectorCall call) throws ConnectorException {
        StoredConnection connection = connections.find(call.connectionId()).orElseThrow(() ->
                ConnectorException.permanentFailure("UnknownConnection", "there is no connection '"
                        + call.connectionId() + "'", null, null));
        Connector connector = catalog.find(connection.connectorId()).orElseThrow(() ->
                ConnectorException.permanentFailure("UnknownConnector", "connection '" + connection.id()
                        + "' is of connector '" + connection.connectorId() + "', which is not installed", null, null));
        OperationDescriptor operation = connector.descriptor().operation(call.operation()).orElseThrow(() ->
                ConnectorException.permanentFailure("UnknownOperation", "connector '" + connection.connectorId()
                        + "' has no operation '" + call.operation() + "'", null, null));
        awaitToken(connection.id(), operation);
        VaultConnectionAccess access = new VaultConnectionAccess(connection, secrets);
        try {
            // the step's key and whether it may have called before (a retry, a re-claimed step, a replay)
            Object output = connector.invoke(new OperationCall(access, operation.id(), call.input(),
                    call.idempotencyKey(), Instant.now().plus(callTimeout), call.possibleRepeat()));
            return Redaction.output(output, access.revealed());
        } catch (ConnectorException failure) {
            throw Redaction.failure(failure, access.revealed());
        } catch (VaultException e) {
            throw ConnectorException.permanentFailure("SecretUnreadable", e.getMessage(), null, null);
        } catch (RuntimeException bug) {
            if (DatabaseOutage.isCause(bug)) {
                throw bug;
            }
            throw ConnectorException.permanentFailure("ConnectorFailed", Redaction.text("connector '"
                    + connection.connectorId() + "' failed in " + operation.id() + ": " + bug,
                    access.revealed()), null, null);
        }
    }

    @Override
    public java.util.Optional<OperationDescriptor> operation(String connectionId, String operationId) {
        return connections.find(connectionId).flatMap(connection -> catalog.find(connection.connectorId()))
                .flatMap(connector -> connector.descriptor().operation(operationId));
    }

    private void awaitToken(String connectionId, OperationDescriptor operation) throws ConnectorException {
        if (operation.rateLimit() == null) {
            return;
        }
        OperationDescriptor.RateLimit limit = operation.rateLimit();
        Duration wait = rateLimits.take(connectionId, operation.id(), limit.perSecond(), limit.burst());
        while (!wait.isZero()) {
            if (wait.compareTo(LONGEST_WAIT) > 0) {
                throw ConnectorException.transientFailure("RateLimited", "the rate limit of " + operation.id()
                        + " on connection '" + connectionId + "' (" + operation.rateLimit().perSecond()
                        + "/s, burst " + operation.rateLimit().burst() + ") is used up; next call in "
                        + wait.toMillis() + " ms", wait, null, null);
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ConnectorException.transientFailure("Interrupted", "interrupted while waiting for the rate"
                        + " limit", null, null, null);
            }
            wait = rateLimits.take(connectionId, operation.id(), limit.perSecond(), limit.burst());
        }
    }
}
