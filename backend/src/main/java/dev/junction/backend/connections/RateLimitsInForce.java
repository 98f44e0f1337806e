package dev.junction.backend.connections;

import dev.junction.db.connections.StoredConnection;
import dev.junction.engine.connectors.ConnectorCatalog;
import dev.junction.engine.connectors.OperationDescriptor.RateLimit;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The rate limit a connection's token bucket of an operation keeps — the same one {@link ConnectionRateLimiter}
 * takes tokens under (the connection's own or the published limit, with the safety margin) — for connection health to
 * say how much of a bucket is used.
 */
@Component
public class RateLimitsInForce {

    private final ConnectorCatalog catalog;

    RateLimitsInForce(ConnectorCatalog catalog) {
        this.catalog = catalog;
    }

    /** The limit of {@code operation} on {@code connection}, or empty when it has none (or is unknown). */
    public Optional<RateLimit> of(StoredConnection connection, String operation) {
        return catalog.find(connection.connectorId()).flatMap(connector -> {
            RateLimitOverrides overrides;
            try {
                overrides = RateLimitOverrides.of(connection.settings(), connector.descriptor());
            } catch (RuntimeException badSetting) {
                overrides = RateLimitOverrides.NONE;
            }
            return new ConnectionRateLimiter(connection.id(), connector.descriptor(), overrides, null, () -> {
            }).effective(operation);
        });
    }
}
