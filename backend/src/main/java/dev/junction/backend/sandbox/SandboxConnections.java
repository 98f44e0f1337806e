package dev.junction.backend.sandbox;

import dev.junction.connectors.sandbox.SandboxServer;
import dev.junction.connectors.sandbox.Simulator;

import java.util.List;

/**
 * A sandbox connection per simulator ({@code <connector>-sandbox}), so that a fresh install works at once. Created
 * on the first start; on later starts its settings follow the simulator's address (the port may change), and
 * whatever an admin changed otherwise stays.
 */
public final class SandboxConnections {

    /** Where sandbox connections are written (the connection store, as the system user). */
    public interface Store {
        /** Creates the connection, or updates its settings when it exists; answers whether it was created. */
        boolean ensure(String id, String name, String connectorId, Simulator.SandboxConnection connection);
    }

    private final SandboxServer server;
    private final Store store;

    SandboxConnections(SandboxServer server, Store store) {
        this.server = server;
        this.store = store;
    }

    public static String idOf(String connectorId) {
        return connectorId + "-sandbox";
    }

    /** The sandbox connection ids, one per simulator. */
    public List<String> ids() {
        return server.simulators().stream().map(simulator -> idOf(simulator.connectorId())).toList();
    }

    void ensure() {
        for (Simulator simulator : server.simulators()) {
            store.ensure(idOf(simulator.connectorId()), null, simulator.connectorId(),
                    simulator.sandboxConnection(server.url(simulator)));
        }
    }
}
