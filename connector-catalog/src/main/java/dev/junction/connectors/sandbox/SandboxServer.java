package dev.junction.connectors.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Serves the simulators on one loopback port (any free one when asked for 0), each under its base path, with the
 * shared controls under {@code <base>/_sandbox/} ({@link SandboxControls}): the standalone server connector tests
 * start on a random port. (The app serves the same simulators under {@code /sandbox/<base>} in its own servlet
 * container.) The controls that change state need the server's control token in the
 * {@value SandboxControls#TOKEN_HEADER} header ({@link #controlToken()}).
 */
public final class SandboxServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Simulator> simulators;
    private final String controlToken;
    private final SandboxControls.Access access;

    private SandboxServer(HttpServer server, ExecutorService executor, List<Simulator> simulators,
                          String controlToken) {
        this.server = server;
        this.executor = executor;
        this.simulators = simulators;
        this.controlToken = controlToken;
        this.access = SandboxControls.Access.token(controlToken);
    }

    /** Serves the simulators, with a random control token ({@link #controlToken()}). */
    public static SandboxServer start(int port, List<Simulator> simulators) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return start(port, simulators, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    /** Serves the simulators; the controls that change state need {@code controlToken}. */
    public static SandboxServer start(int port, List<Simulator> simulators, String controlToken)
            throws IOException {
        if (controlToken == null || controlToken.length() < 16) {
            throw new IllegalArgumentException("the sandbox control token must have at least 16 characters");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        SandboxServer sandbox = new SandboxServer(server, executor, List.copyOf(simulators), controlToken);
        for (Simulator simulator : simulators) {
            server.createContext(simulator.basePath(), exchange -> sandbox.serve(simulator, exchange));
        }
        server.start();
        return sandbox;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The absolute URL a simulator is served at, e.g. {@code http://127.0.0.1:41234/amazon}. */
    public String url(Simulator simulator) {
        return "http://" + server.getAddress().getHostString() + ":" + port() + simulator.basePath();
    }

    /** What a control that changes state must carry in {@value SandboxControls#TOKEN_HEADER}. */
    public String controlToken() {
        return controlToken;
    }

    public List<Simulator> simulators() {
        return simulators;
    }

    private void serve(Simulator simulator, HttpExchange exchange) {
        String base = simulator.basePath();
        String path = exchange.getRequestURI().getPath().substring(base.length());
        String baseUrl = "http://" + exchange.getLocalAddress().getHostString() + ":" + port() + base;
        try {
            SandboxControls.serve(simulator, new JdkSimulatorExchange(exchange, path, baseUrl), access);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
