package dev.junction.backend;

import com.sun.net.httpserver.HttpServer;
import dev.junction.backend.runs.RunsApi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A remote API on 127.0.0.1 for connector calls: {@code POST /orders} answers 201 {@code {"ok": true}} after
 * {@code hold} has run (a pause, a wait for other calls), and counts the calls and how many were in flight at once.
 */
public final class OrdersRemote implements AutoCloseable {

    /** What the remote does before it answers a call. */
    @FunctionalInterface
    public interface Hold {
        void run() throws InterruptedException;
    }

    private final HttpServer server;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    private OrdersRemote(Hold hold) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/orders", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            calls.incrementAndGet();
            try {
                hold.run();
                byte[] body = "{\"ok\": true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(201, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    public static OrdersRemote start(Hold hold) throws IOException {
        return new OrdersRemote(hold);
    }

    /**
     * Creates, through the API as {@code admin}, an HTTP connection to this remote (production, no authentication,
     * plus {@code settings}: extra JSON members such as {@code "maxConcurrentCalls": "1"}, or empty) and publishes a
     * manual workflow whose one step POSTs /orders through it; answers the workflow's id.
     */
    public String publishedSendWorkflow(RunsApi runs, ApiClient admin, String name, String settings) {
        String connection = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        // sandbox: what is tested does not depend on the environment, and a production connection would gate publish on
        // its go-live checklist (docs/templates.md)
        HttpResponse<String> created = admin.post("/api/v1/connections", """
                {"id": "%s", "name": "%s %s", "connectorId": "http", "environment": "sandbox",
                 "settings": {"baseUrl": "http://127.0.0.1:%d", "authKind": "none"%s}, "secrets": {}}"""
                .formatted(connection, name, connection, port(), settings.isEmpty() ? "" : ", " + settings));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return runs.published(name + " " + connection, """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}},
                 "nodes": [{"id": "send", "type": "connector", "name": "Send", "position": {"x": 0, "y": 0},
                            "config": {"connection": "%s", "operation": "request",
                                       "input": {"method": "POST", "path": "/orders", "body": {"n": 1}}}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "send"}]}""".formatted(connection));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int calls() {
        return calls.get();
    }

    public int mostInFlight() {
        return mostInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
