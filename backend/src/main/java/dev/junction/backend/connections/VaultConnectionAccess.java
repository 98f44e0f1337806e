package dev.junction.backend.connections;

import dev.junction.db.connections.StoredConnection;
import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.RateLimiter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What a connector sees of a stored connection during one call: its settings, and each secret decrypted only when
 * the connector asks for it. Remembers the values it handed out, so that the caller can blank them out of anything
 * the call produced ({@link Redaction}).
 */
final class VaultConnectionAccess implements ConnectionAccess {

    private final StoredConnection connection;
    private final ConnectionSecrets secrets;
    private final RateLimiter rateLimiter;
    private final List<String> revealed = Collections.synchronizedList(new ArrayList<>());

    VaultConnectionAccess(StoredConnection connection, ConnectionSecrets secrets) {
        this(connection, secrets, RateLimiter.UNLIMITED);
    }

    VaultConnectionAccess(StoredConnection connection, ConnectionSecrets secrets, RateLimiter rateLimiter) {
        this.connection = connection;
        this.secrets = secrets;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    @Override
    public String id() {
        return connection.id();
    }

    @Override
    public Environment environment() {
        return "production".equals(connection.environment()) ? Environment.PRODUCTION : Environment.SANDBOX;
    }

    @Override
    public Optional<String> setting(String name) {
        return Optional.ofNullable(connection.settings().get(name)).filter(value -> !value.isBlank());
    }

    @Override
    public Optional<String> secret(String name) {
        Optional<String> value = secrets.open(connection.id(), name);
        value.ifPresent(revealed::add);
        return value;
    }

    @Override
    public void obtained(String credential) {
        if (credential != null) {
            revealed.add(credential);
        }
    }

    /**
     * The connection's revision and when it was created: a connection deleted and created again under the same id
     * starts again at the first revision, and must not meet the token or settings a cache kept for the old one.
     */
    @Override
    public String revision() {
        return connection.revision() + "@" + (connection.createdAt() == null ? ""
                : connection.createdAt().toInstant().toString());
    }

    /** The secret values handed to the connector so far, and the credentials it obtained with them. */
    List<String> revealed() {
        synchronized (revealed) {
            return List.copyOf(revealed);
        }
    }
}
