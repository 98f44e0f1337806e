package dev.junction.connectors.sandbox;

import dev.junction.connectors.http.FormFields;

import dev.junction.engine.json.PayloadJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request to a simulator and the means to answer it, whichever server carries it: the standalone
 * {@link SandboxServer} (the JDK's HTTP server) or the app's own servlet container (the {@code /sandbox/*} mount).
 * An implementation gives the request's method, headers, raw query and body, and sends an answer.
 */
public abstract class SimulatorExchange {

    private final String path;
    private final String baseUrl;
    private String body;
    private boolean answered;

    /**
     * @param path    the request path after the simulator's base path ({@code /} when empty)
     * @param baseUrl the absolute URL of the simulator (scheme, host, port and base path)
     */
    protected SimulatorExchange(String path, String baseUrl) {
        this.path = path.isEmpty() ? "/" : path;
        this.baseUrl = baseUrl;
    }

    public abstract String method();

    /** The first value of a request header, null when absent. */
    protected abstract String requestHeader(String name);

    /** The query string as sent (still encoded), null when none. */
    protected abstract String rawQuery();

    protected abstract InputStream requestBody() throws IOException;

    /** Sets a response header (before the answer is sent). */
    protected abstract void setResponseHeader(String name, String value);

    /** Sends status, content type and body (no body when empty); called once per exchange. */
    protected abstract void send(int status, String contentType, byte[] bytes) throws IOException;

    /** The request path after the simulator's base path, e.g. {@code /orders/v0/orders}. */
    public String path() {
        return path;
    }

    /** The absolute URL of the simulator (scheme, host, port and base path), for links it answers. */
    public String baseUrl() {
        return baseUrl;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(requestHeader(name));
    }

    /** The decoded query parameters, in order, each with all its values. */
    public Map<String, List<String>> query() {
        return FormFields.decode(rawQuery());
    }

    /** The first value of a query parameter. */
    public Optional<String> query(String name) {
        List<String> values = query().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public String body() throws IOException {
        if (body == null) {
            try (InputStream in = requestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return body;
    }

    /** The body as JSON (plain maps and lists); throws {@link IllegalArgumentException} when it is not JSON. */
    public Object json() throws IOException {
        return PayloadJson.read(body());
    }

    /** The body as form fields ({@code application/x-www-form-urlencoded}). */
    public Map<String, List<String>> form() throws IOException {
        return FormFields.decode(body());
    }

    public void respondJson(int status, Object value) throws IOException {
        respond(status, "application/json; charset=utf-8", PayloadJson.write(value));
    }

    public void respond(int status, String contentType, String text) throws IOException {
        respond(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    public void respond(int status, String contentType, byte[] bytes) throws IOException {
        if (answered) {
            throw new IllegalStateException("the exchange was answered already");
        }
        answered = true;
        send(status, contentType, status == 204 ? new byte[0] : bytes);
    }

    /** Sets a response header; call before responding. */
    public SimulatorExchange responseHeader(String name, String value) {
        setResponseHeader(name, value);
        return this;
    }

    /** Whether an answer was sent. */
    public boolean answered() {
        return answered;
    }
}
