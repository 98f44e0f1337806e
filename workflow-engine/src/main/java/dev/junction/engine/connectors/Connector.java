package dev.junction.engine.connectors;

/**
 * A connector: one remote system (Amazon SP-API, Opayo Pi, Dataverse, a generic HTTP API) described by its
 * {@link ConnectorDescriptor} and called one operation at a time. Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.junction.engine.connectors.Connector}); one instance
 * serves every connection of its kind, so it keeps per-connection state (token caches) keyed by connection id.
 */
public interface Connector {

    ConnectorDescriptor descriptor();

    /**
     * Calls one operation. Answers its output as plain JSON values (Map, List, String, Long, Double, Boolean, null);
     * a poll operation answers {@code {"records": [{"key": …, "data": …}], "cursor": …}}.
     *
     * @throws ConnectorException a retryable failure (429, 5xx, timeout, reset, with Retry-After when known) or a
     *                            permanent one (validation, not found, auth), with the remote status and an excerpt
     */
    Object invoke(OperationCall call) throws ConnectorException;

    /** Tries the connection (name resolution, TLS, authentication, a harmless read) and says precisely what failed. */
    ConnectionCheck test(ConnectionAccess connection);
}
