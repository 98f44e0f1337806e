package dev.junction.engine.connectors;

/** The port through which the interpreter calls connectors (the application answers it from its catalog). */
@FunctionalInterface
public interface ConnectorInvoker {

    /**
     * Calls the operation and answers its output as plain JSON values (Map, List, String, Long, Double, Boolean,
     * null).
     *
     * @throws ConnectorException when the call failed; the exception says whether trying again may help
     */
    Object invoke(ConnectorCall call) throws ConnectorException;

    /**
     * The operation a call of that connection and operation would run, to check an input against its input schema
     * before the call; empty when the connection, its connector or the operation is not known (the call then fails
     * with that) or the invoker cannot tell.
     */
    default java.util.Optional<OperationDescriptor> operation(String connectionId, String operationId) {
        return java.util.Optional.empty();
    }
}
