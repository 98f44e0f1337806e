package dev.junction.backend.sandbox;

import dev.junction.connectors.sandbox.Simulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

import java.util.List;

/**
 * A sandbox connection per simulator ({@code <connector>-sandbox}), so that a fresh install works at once, pointing
 * at the simulator's in-app mount {@code <app URL>/sandbox/<basePath>}. The app URL is {@code junction.public-url}
 * when set, else {@code http://127.0.0.1:<the port the app listens on>} — known only once the web server started,
 * so the connections are written then. Created on the first start; on later starts their settings follow the
 * simulator's address (the port may change), and whatever an admin changed otherwise stays.
 */
public final class SandboxConnections implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(SandboxConnections.class);

    /** Where sandbox connections are written (the connection store, as the system user). */
    public interface Store {
        /** Creates the connection, or updates its settings when it exists; answers whether it was created. */
        boolean ensure(String id, String name, String connectorId, Simulator.SandboxConnection connection);
    }

    private final List<Simulator> simulators;
    private final Store store;
    private final String publicUrl;
    private final String contextPath;

    SandboxConnections(List<Simulator> simulators, Store store, String publicUrl, String contextPath) {
        this.simulators = List.copyOf(simulators);
        this.store = store;
        this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
        this.contextPath = contextPath == null ? "" : contextPath.strip().replaceAll("/+$", "");
    }

    public static String idOf(String connectorId) {
        return connectorId + "-sandbox";
    }

    /** The sandbox connection ids, one per simulator. */
    public List<String> ids() {
        return simulators.stream().map(simulator -> idOf(simulator.connectorId())).toList();
    }

    /** The URL the simulators are mounted at in an app reached at {@code port}, e.g. {@code http://127.0.0.1:8080/sandbox}. */
    String mountUrl(int port) {
        return (publicUrl.isEmpty() ? "http://127.0.0.1:" + port + contextPath : publicUrl) + SandboxConfiguration.MOUNT;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // a management server of its own, not the app's
        }
        String mount = mountUrl(event.getWebServer().getPort());
        for (Simulator simulator : simulators) {
            store.ensure(idOf(simulator.connectorId()), null, simulator.connectorId(),
                    simulator.sandboxConnection(mount + simulator.basePath()));
        }
        log.info("Sandbox simulators at {}: {}", mount, simulators.stream().map(Simulator::basePath).toList());
    }
}
