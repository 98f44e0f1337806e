package dev.junction.backend.connections;

import dev.junction.db.connections.ConnectionRepository;
import dev.junction.db.connections.StoredConnection;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The secrets that verify incoming webhooks, read from a connection for one check: an Opayo connection's vendor
 * name and Server-notification security key, an HTTP connection's webhook signing secret.
 */
@Component
public class WebhookKeys {

    private final ConnectionRepository connections;
    private final ConnectionSecrets secrets;

    WebhookKeys(ConnectionRepository connections, ConnectionSecrets secrets) {
        this.connections = connections;
        this.secrets = secrets;
    }

    /** Vendor name and security key of an Opayo connection. */
    public record OpayoKeys(String vendorName, String securityKey) {
        @Override
        public String toString() {
            return "OpayoKeys[vendorName=" + vendorName + ", securityKey=****]";
        }
    }

    /** The keys of an {@code opayo-pi} connection; empty when it is not one or has no vendor name or security key. */
    public Optional<OpayoKeys> opayo(String connectionId) {
        Optional<StoredConnection> connection = connections.find(connectionId)
                .filter(found -> "opayo-pi".equals(found.connectorId()));
        String vendorName = connection.map(found -> found.settings().get("vendorName")).orElse(null);
        if (vendorName == null || vendorName.isBlank()) {
            return Optional.empty();
        }
        return secrets.open(connectionId, "securityKey").map(key -> new OpayoKeys(vendorName, key));
    }

    /** The webhook signing secret of an {@code http} connection. */
    public Optional<String> hmacSecret(String connectionId) {
        return connections.connectorOf(connectionId).filter("http"::equals)
                .flatMap(connector -> secrets.open(connectionId, "webhookSecret"));
    }
}
