package dev.junction.engine.connectors;

import java.util.List;
import java.util.Map;

/**
 * A connector: one remote system (Amazon SP-API, Opayo Pi, Dataverse, a generic HTTP API) described by its
 * {@link ConnectorDescriptor} and made of its {@link Operation}s, each a description bound to its handler.
 * Implementations are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.junction.engine.connectors.Connector}); one instance serves every connection of its
 * kind, so it keeps per-connection state (token caches) keyed by connection id.
 *
 * <p>Every call passes {@link #invoke}: the input is upgraded ({@link #migrate}) and checked against the operation's
 * input schema ({@link OperationInputCheck}) before the handler runs, so before any rate-limit token is taken or
 * anything is sent. A connector that overrides {@code invoke} (to wrap its failures) calls this one.
 */
public interface Connector {

    /** What the catalog shows; its operations are those of {@link #operations()}, in that order. */
    ConnectorDescriptor descriptor();

    /** Every operation, each described and bound to the code that runs it. */
    List<Operation> operations();

    /**
     * Calls one operation. Answers its output as plain JSON values (Map, List, String, Long, Double, Boolean, null);
     * a poll operation answers {@code {"records": [{"key": …, "data": …}], "cursor": …}}.
     *
     * @throws ConnectorException a retryable failure (429, 5xx, timeout, reset, with Retry-After when known) or a
     *                            permanent one (validation, not found, auth), with the remote status and an excerpt
     */
    default Object invoke(OperationCall call) throws ConnectorException {
        Operation operation = null;
        for (Operation candidate : operations()) {
            if (candidate.id().equals(call.operation())) {
                operation = candidate;
                break;
            }
        }
        if (operation == null) {
            throw ConnectorException.permanentFailure("UnknownOperation", "connector '" + descriptor().id()
                    + "' has no operation '" + call.operation() + "'", null, null);
        }
        Map<String, Object> input = migrate(call.operation(), call.input());
        operation.inputCheck().check(input);
        return operation.handler().handle(input == call.input() ? call : call.withInput(input));
    }

    /**
     * The input of a node saved for an older version of this connector, upgraded to what the operation takes now
     * (a renamed field, a split one); it runs before the input is checked. By default the input as it is.
     */
    default Map<String, Object> migrate(String operation, Map<String, Object> input) {
        return input;
    }

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
