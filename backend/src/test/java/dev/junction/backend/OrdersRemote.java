package dev.junction.backend;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

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
