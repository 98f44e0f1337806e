package dev.junction.engine.runs;

import dev.junction.engine.connectors.ConnectorException;

import java.util.Map;

/** Sends what a notify node says (a port the application answers: log, e-mail, webhook). */
@FunctionalInterface
public interface Notifier {

    /**
     * Sends {@code message} on {@code channel} with the node's config (e.g. {@code to}, {@code url}); answers what
     * was sent, as the node's output.
     */
    Object send(String channel, String message, Map<String, Object> config, String idempotencyKey)
            throws ConnectorException;
}
