package dev.junction.backend.sandbox;

import dev.junction.backend.outbound.OutboundAllowList;
import dev.junction.connectors.sandbox.SandboxServer;
import dev.junction.connectors.sandbox.Simulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The sandbox: simulators of every remote API (found with ServiceLoader), served inside the app under
 * {@code /sandbox/<basePath>}, with a sandbox connection to each, so that every template can be tried with no
 * credentials. On by default; {@code JUNCTION_SANDBOX=false} turns it off. {@code junction.sandbox.standalone-port}
 * (JUNCTION_SANDBOX_STANDALONE_PORT; 0 for any free one) serves the same simulators on a loopback port of their own
 * as well; the sandbox connections stay on the in-app mount.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "junction.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    /** The path the simulators are mounted under in the app. */
    static final String MOUNT = "/sandbox";

    @Bean
    SandboxSimulators sandboxSimulators() {
        return new SandboxSimulators(ServiceLoader.load(Simulator.class, Simulator.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    @Bean(destroyMethod = "close")
    SandboxWorkers sandboxWorkers(@Value("${junction.sandbox.max-concurrent:64}") int maxConcurrent) {
        return new SandboxWorkers(maxConcurrent);
    }

    @Bean
    ServletRegistrationBean<SandboxServlet> sandboxServlet(SandboxSimulators simulators, SandboxWorkers workers) {
        ServletRegistrationBean<SandboxServlet> registration = new ServletRegistrationBean<>(
                new SandboxServlet(simulators.all(), workers), MOUNT + "/*");
        registration.setName("sandbox");
        registration.setAsyncSupported(true);
        return registration;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "junction.sandbox.standalone-port")
    SandboxServer standaloneSandboxServer(SandboxSimulators simulators,
                                          @Value("${junction.sandbox.standalone-port}") int port,
                                          @Value("${junction.sandbox.control-token:}") String controlToken) {
        try {
            // its controls need the sandbox control token; none set: a random one nobody knows (read-only)
            SandboxServer server = controlToken.isBlank() ? SandboxServer.start(port, simulators.all())
                    : SandboxServer.start(port, simulators.all(), controlToken);
            log.info("Sandbox simulators also on port {}: {}", server.port(), simulators.all().stream()
                    .map(server::url).toList());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox simulators cannot listen on port " + port
                    + " (JUNCTION_SANDBOX_STANDALONE_PORT): " + e.getMessage(), e);
        }
    }

    @Bean
    SandboxConnections sandboxConnections(SandboxSimulators simulators, SandboxConnections.Store store,
                                          @Value("${junction.public-url:}") String publicUrl,
                                          @Value("${server.servlet.context-path:}") String contextPath) {
        return new SandboxConnections(simulators.all(), store, publicUrl, contextPath);
    }

    @Bean
    SandboxOutboundAllowance sandboxOutboundAllowance(OutboundAllowList allowList,
                                                      ObjectProvider<SandboxServer> standalone,
                                                      @Value("${junction.public-url:}") String publicUrl,
                                                      @Value("${server.servlet.context-path:}") String contextPath) {
        return new SandboxOutboundAllowance(allowList, Optional.ofNullable(standalone.getIfAvailable()), publicUrl,
                contextPath);
    }

    /** The simulators the app serves (one instance each, shared by the in-app mount and a standalone server). */
    record SandboxSimulators(List<Simulator> all) {
        SandboxSimulators {
            all = List.copyOf(all);
        }
    }
}
