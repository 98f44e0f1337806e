package dev.junction.connectors.sandbox;

import com.sun.net.httpserver.HttpExchange;
import dev.junction.engine.runs.PayloadJson;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One request to a simulator and the means to answer it. */
public final class SimulatorExchange {

    private final HttpExchange exchange;
    private final String path;
    private final String baseUrl;
    private String body;

    SimulatorExchange(HttpExchange exchange, String path, String baseUrl) {
        this.exchange = exchange;
        this.path = path;
        this.baseUrl = baseUrl;
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    /** The request path after the simulator's base path, e.g. {@code /orders/v0/orders}. */
    public String path() {
        return path;
    }

    /** The absolute URL of the simulator (scheme, host, port and base path), for links it answers. */
    public String baseUrl() {
        return baseUrl;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    /** The decoded query parameters, in order, each with all its values. */
    public Map<String, List<String>> query() {
        return decodeForm(exchange.getRequestURI().getRawQuery());
    }

    /** The first value of a query parameter. */
    public Optional<String> query(String name) {
        List<String> values = query().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public String body() throws IOException {
        if (body == null) {
            body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        }
        return body;
    }

    /** The body as JSON (plain maps and lists); throws {@link IllegalArgumentException} when it is not JSON. */
    public Object json() throws IOException {
        return PayloadJson.read(body());
    }

    /** The body as form fields ({@code application/x-www-form-urlencoded}). */
    public Map<String, List<String>> form() throws IOException {
        return decodeForm(body());
    }

    public void respondJson(int status, Object value) throws IOException {
        respond(status, "application/json; charset=utf-8", PayloadJson.write(value));
    }

    public void respond(int status, String contentType, String text) throws IOException {
        respond(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    public void respond(int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (status == 204 || bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Sets a response header; call before responding. */
    public SimulatorExchange responseHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
        return this;
    }

    static Map<String, List<String>> decodeForm(String raw) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return fields;
    }
}
