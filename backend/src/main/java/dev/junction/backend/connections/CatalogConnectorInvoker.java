package dev.junction.backend.connections;

import dev.junction.backend.connections.health.ConnectionUsage;
import dev.junction.backend.credentials.VaultException;
import dev.junction.backend.database.DatabaseOutage;
import dev.junction.backend.runs.WorkerPool;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Calls connector operations for connector steps and polling triggers: finds the connection ({@link
 * ConnectionsInUse}: kept for a short while, not read per call) and its connector,
 * hands over the step's idempotency key (the connector turns it into the remote API's own key, within that API's
 * rules), hands the connector the connection's rate limiter (token buckets in the database, shared by every node,
 * taken before each HTTP call the connector makes) and its secrets through the vault, and blanks those secrets out of
 * whatever comes back. At most the connection's {@link ConnectionConcurrency} limit of calls are in flight at once
 * on this node (a call over it waits briefly, then goes back to the queue). The input is upgraded and checked
 * against the operation's input schema inside {@link Connector#invoke}, before the connector takes a token or sends
 * anything.
 */
@Component
public class CatalogConnectorInvoker implements ConnectorInvoker {

    private final ConnectionsInUse connections;
    private final ConnectorCatalog catalog;
    private final ConnectionSecrets secrets;
    private final Duration callTimeout;
    private final RateLimitBuckets rateLimits;
    private final ConnectionUsage usage;
    private final ConnectionConcurrency concurrency;
    /** The operations the application answers itself ({@link ApplicationOperation}), looked up at call time. */
    private ObjectProvider<ApplicationOperation> applicationOperations;

    CatalogConnectorInvoker(ConnectionsInUse connections, ConnectorCatalog catalog, ConnectionSecrets secrets,
                            RateLimitBuckets rateLimits, ConnectionUsage usage, ConnectionConcurrency concurrency,
                            @Value("${junction.connectors.call-timeout:60s}") Duration callTimeout) {
        this.rateLimits = rateLimits;
        this.concurrency = concurrency;
        this.usage = usage;
        this.connections = connections;
        this.catalog = catalog;
        this.secrets = secrets;
        this.callTimeout = callTimeout;
    }

    @Autowired
    void applicationOperations(ObjectProvider<ApplicationOperation> operations) {
        this.applicationOperations = operations;
    }

    /**
     * {@inheritDoc}
     *
     * @throws InfrastructureUnavailableException when the database (the connection, its secrets in the vault, the
     *                                            rate-limit buckets) cannot be reached: the step runs again later
     */
    @Override
    public Object invoke(ConnectorCall call) throws ConnectorException {
        if (applicationOperations != null && call.operation().startsWith("junction.")) {
            ApplicationOperation own = applicationOperations.stream()
                    .filter(operation -> operation.id().equals(call.operation())).findFirst().orElse(null);
            if (own != null) {
                return own.invoke(call);
            }
        }
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
        // the connector takes a token before each HTTP call it makes (its own look-ups too), through this limiter
        VaultConnectionAccess access = new VaultConnectionAccess(connection, secrets, new ConnectionRateLimiter(
                connection.id(), connector.descriptor(), RateLimitOverrides.of(connection.settings(),
                connector.descriptor()), rateLimits, () -> usage.limiterWaited(connection.id())));
        // the outcome is tallied in memory for connection health and metrics (no database write per call)
        // a run worker gives up its place while it waits for the remote (and for the connection's limit)
        try (WorkerPool.Waiting waiting = WorkerPool.waitingOnRemote();
             ConnectionConcurrency.Place place = concurrency.enter(connection.id(), connection.settings())) {
            // the step's key and whether it may have called before (a retry, a re-claimed step, a replay)
            Object output = connector.invoke(new OperationCall(access, operation.id(), call.input(),
                    call.idempotencyKey(), Instant.now().plus(callTimeout), call.possibleRepeat()));
            usage.succeeded(connection.id());
            return Redaction.output(output, access.revealed());
        } catch (ConnectorException failure) {
            ConnectorException redacted = Redaction.failure(failure, access.revealed());
            if (!DatabaseOutage.isCause(failure)) {
                usage.failed(connection.id(), redacted);
            }
            throw redacted;
        } catch (VaultException e) {
            ConnectorException unreadable = ConnectorException.permanentFailure("SecretUnreadable", e.getMessage(),
                    null, null);
            usage.failed(connection.id(), unreadable);
            throw unreadable;
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
}
