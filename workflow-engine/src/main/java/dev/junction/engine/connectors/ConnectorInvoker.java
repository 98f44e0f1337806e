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
}
