package dev.junction.connectors.sandbox;

import java.io.IOException;
import java.util.Map;

/**
 * A stateful stand-in for one remote API, served by the {@link SandboxServer} under {@link #basePath()}: what
 * sandbox connections talk to, so that every template can be tried without credentials and every test runs
 * offline. Simulators keep their state in memory; {@link #reset()} forgets it.
 */
public interface Simulator {

    /** The id of the connector this simulator stands in for, e.g. {@code opayo-pi}. */
    String connectorId();

    /**
     * The settings and secrets of a connection that reaches this simulator at {@code baseUrl} (the simulator's own
     * sandbox credentials): what a fresh install's sandbox connection holds.
     */
    SandboxConnection sandboxConnection(String baseUrl);

    /** Settings and secrets of a sandbox connection, by the connector's setting names. */
    record SandboxConnection(Map<String, String> settings, Map<String, String> secrets) {
        public SandboxConnection {
            settings = Map.copyOf(settings);
            secrets = Map.copyOf(secrets);
        }
    }

    /** The path the simulator is served under, e.g. {@code /amazon}; the remote API's paths follow it. */
    String basePath();

    /** Answers one request; {@link SimulatorExchange#path()} is relative to {@link #basePath()}. */
    void handle(SimulatorExchange exchange) throws IOException;

    /**
     * Answers one of the simulator's own controls, under the same {@code <basePath>/_sandbox/} prefix as the shared
     * ones ({@link SandboxControls}); {@code control} is the path after the prefix, e.g. {@code orders/42/status}.
     * Whether the request may change state was decided before. False when the simulator has no such control (the
     * caller answers 404).
     */
    default boolean control(SimulatorExchange exchange, String control) throws IOException {
        return false;
    }

    /** Failures to answer instead of the normal ones, set through {@code POST <basePath>/_sandbox/faults}. */
    Faults faults();

    /** What the simulator saw since its last reset ({@code GET <basePath>/_sandbox/counters}). */
    default SimulatorCounters counters() {
        return faults().counters();
    }

    /** Forgets every order, transaction and token made so far, and every planned fault and the fault profile, and zeroes the counters. */
    void reset();
}
