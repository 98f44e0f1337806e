package dev.junction.engine.connectors;

import java.util.List;
import java.util.Map;

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

    /**
     * What is wrong with a connection's plain settings taken together, checked when the connection is saved so that
     * settings every call would refuse are refused at once (the descriptor's rules for each field are checked
     * already). Secrets are not seen here. By default nothing.
     */
    default List<SettingProblem> settingsProblems(Map<String, String> settings) {
        return List.of();
    }
}
