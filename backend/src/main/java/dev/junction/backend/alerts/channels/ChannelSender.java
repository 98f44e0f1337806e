package dev.junction.backend.alerts.channels;

import dev.junction.engine.connectors.ConnectorException;

/**
 * Sends a notification on one kind of channel. A failure is a {@link ConnectorException}: retryable (a 429 or 5xx
 * answer, an unreachable server; with the server's {@code Retry-After}) or not (a refused request, a refused address,
 * a missing setting), its message saying what failed.
 */
interface ChannelSender {

    ChannelKind kind();

    /** Sends {@code delivery}; answers what was delivered, in a few words (e.g. "HTTP 200 from hooks.example"). */
    String send(Delivery delivery) throws ConnectorException;
}
