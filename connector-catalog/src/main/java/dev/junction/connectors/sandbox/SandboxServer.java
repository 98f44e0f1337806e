package dev.junction.connectors.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.junction.engine.runs.PayloadJson;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Serves the simulators on one loopback port (any free one when asked for 0), each under its base path, plus for
 * each {@code POST <base>/_sandbox/faults} (plan a failure), {@code DELETE <base>/_sandbox/faults} and
 * {@code POST <base>/_sandbox/reset}. A request the simulator cannot take (malformed JSON, a bug) gets a 500 with a
 * short JSON message, never a dropped connection.
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
        SimulatorExchange simulatorExchange = new SimulatorExchange(exchange, path.isEmpty() ? "/" : path, baseUrl);
        try {
            if (path.startsWith("/_sandbox/")) {
                control(simulator, simulatorExchange);
            } else {
                simulator.handle(simulatorExchange);
            }
        } catch (IllegalArgumentException e) {
            answerQuietly(exchange, 400, e.getMessage());
        } catch (Exception e) {
            answerQuietly(exchange, 500, "the simulator failed: " + e);
        } finally {
            exchange.close();
        }
    }

    private static void control(Simulator simulator, SimulatorExchange exchange) throws IOException {
        switch (exchange.method() + " " + exchange.path()) {
            case "POST /_sandbox/faults" -> {
                Map<?, ?> body = (Map<?, ?>) exchange.json();
                if (!(body.get("operation") instanceof String operation)) {
                    throw new IllegalArgumentException("a fault names its 'operation'");
                }
                int status = body.get("status") instanceof Number number ? number.intValue() : 200;
                Integer retryAfter = body.get("retryAfterSeconds") instanceof Number number ? number.intValue() : null;
                long delay = body.get("delayMillis") instanceof Number number ? number.longValue() : 0;
                int times = body.get("times") instanceof Number number ? number.intValue() : 1;
                simulator.faults().plan(new Faults.Fault(operation, status, retryAfter, delay), times);
                exchange.respondJson(201, Map.of("planned", operation, "times", times));
            }
            case "DELETE /_sandbox/faults" -> {
                simulator.faults().clear();
                exchange.respond(204, "text/plain", "");
            }
            case "POST /_sandbox/reset" -> {
                simulator.reset();
                exchange.respond(204, "text/plain", "");
            }
            default -> exchange.respondJson(404, Map.of("error", "no such sandbox control: " + exchange.path()));
        }
    }

    private static void answerQuietly(HttpExchange exchange, int status, String message) {
        try {
            byte[] bytes = PayloadJson.write(Map.of("error", String.valueOf(message)))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException | IllegalStateException alreadyAnswered) {
            // the simulator answered before it failed; nothing more can be said on this exchange
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
