package dev.junction.connectors.sandbox;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A simulator exchange carried by the JDK's HTTP server (the standalone {@link SandboxServer}). */
final class JdkSimulatorExchange extends SimulatorExchange {

    private final HttpExchange exchange;

    JdkSimulatorExchange(HttpExchange exchange, String path, String baseUrl) {
        super(path, baseUrl);
        this.exchange = exchange;
    }

    @Override
    public String method() {
        return exchange.getRequestMethod();
    }

    @Override
    protected String requestHeader(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    @Override
    protected String rawQuery() {
        return exchange.getRequestURI().getRawQuery();
    }

    @Override
    protected InputStream requestBody() {
        return exchange.getRequestBody();
    }

    @Override
    protected void setResponseHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    @Override
    protected void send(int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
