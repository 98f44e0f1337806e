package dev.junction.backend.sandbox;

import dev.junction.connectors.sandbox.SandboxServer;
import dev.junction.connectors.sandbox.Simulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The sandbox: simulators of every remote API (found with ServiceLoader) served on a loopback port, so that every
 * template can be tried with no credentials. On by default; {@code JUNCTION_SANDBOX=false} turns it off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "junction.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean(destroyMethod = "close")
    SandboxServer sandboxServer(@Value("${junction.sandbox.port:0}") int port) {
        List<Simulator> simulators = ServiceLoader.load(Simulator.class, Simulator.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
        try {
            SandboxServer server = SandboxServer.start(port, simulators);
            log.info("Sandbox simulators on port {}: {}", server.port(),
                    simulators.stream().map(simulator -> simulator.connectorId() + " at " + simulator.basePath())
                            .toList());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox simulators cannot listen on port " + port
                    + " (JUNCTION_SANDBOX_PORT): " + e.getMessage(), e);
        }
    }

    @Bean
    SandboxConnections sandboxConnections(SandboxServer server, SandboxConnections.Store store) {
        SandboxConnections connections = new SandboxConnections(server, store);
        connections.ensure();
        return connections;
    }
}
