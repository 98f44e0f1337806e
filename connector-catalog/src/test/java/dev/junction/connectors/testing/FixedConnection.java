package dev.junction.connectors.testing;

import dev.junction.connectors.sandbox.Simulator;
import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.OperationCall;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A connection with fixed settings and secrets, as the vault would hand them to a connector, for tests. */
public record FixedConnection(String id, Map<String, String> settings, Map<String, String> secrets)
        implements ConnectionAccess {

    /** A sandbox connection to the simulator at {@code baseUrl}, with a fresh id. */
    public static FixedConnection sandbox(Simulator simulator, String baseUrl) {
        Simulator.SandboxConnection connection = simulator.sandboxConnection(baseUrl);
        return new FixedConnection(UUID.randomUUID().toString(), connection.settings(), connection.secrets());
    }

    /** The same connection with one setting changed. */
    public FixedConnection withSetting(String name, String value) {
        Map<String, String> changed = new HashMap<>(settings);
        changed.put(name, value);
        return new FixedConnection(id, changed, secrets);
    }

    /** The same connection with one secret changed (a new id, so that token caches do not carry over). */
    public FixedConnection withSecret(String name, String value) {
        Map<String, String> changed = new HashMap<>(secrets);
        changed.put(name, value);
        return new FixedConnection(UUID.randomUUID().toString(), settings, changed);
    }

    /**
     * A step's first call of {@code operation} on this connection (nothing was sent under the key before), with ten
     * seconds to answer.
     */
    public OperationCall call(String operation, Map<String, Object> input, String idempotencyKey) {
        return new OperationCall(this, operation, input, idempotencyKey, Instant.now().plusSeconds(10), false);
    }

    /**
     * A call the engine marks as a possible repeat of its step (a retry, a step re-claimed after its worker died, a
     * replay), with ten seconds to answer.
     */
    public OperationCall repeatedCall(String operation, Map<String, Object> input, String idempotencyKey) {
        return new OperationCall(this, operation, input, idempotencyKey, Instant.now().plusSeconds(10), true);
    }

    @Override
    public Environment environment() {
        return Environment.SANDBOX;
    }

    @Override
    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name)).filter(value -> !value.isBlank());
    }

    @Override
    public Optional<String> secret(String name) {
        return Optional.ofNullable(secrets.get(name)).filter(value -> !value.isBlank());
    }
}
