package dev.junction.connectors.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Serves the simulators on one loopback port (any free one when asked for 0), each under its base path, with the
 * shared controls under {@code <base>/_sandbox/} ({@link SandboxControls}): the standalone server connector tests
 * start on a random port. (The app serves the same simulators under {@code /sandbox/<base>} in its own servlet
 * container.)
 */
public final class SandboxServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Simulator> simulators;

    private SandboxServer(HttpServer server, ExecutorService executor, List<Simulator> simulators) {
        this.server = server;
        this.executor = executor;
        this.simulators = simulators;
    }

    public static SandboxServer start(int port, List<Simulator> simulators) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        SandboxServer sandbox = new SandboxServer(server, executor, List.copyOf(simulators));
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

    public List<Simulator> simulators() {
        return simulators;
    }

    private void serve(Simulator simulator, HttpExchange exchange) {
        String base = simulator.basePath();
        String path = exchange.getRequestURI().getPath().substring(base.length());
        String baseUrl = "http://" + exchange.getLocalAddress().getHostString() + ":" + port() + base;
        try {
            SandboxControls.serve(simulator, new JdkSimulatorExchange(exchange, path, baseUrl));
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
