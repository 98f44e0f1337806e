package dev.junction.connectors.amazon;

import dev.junction.connectors.auth.AccessTokens;
import dev.junction.connectors.http.RemoteHttp;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.OperationCall;
import dev.junction.engine.json.PayloadJson;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SP-API calls of one operation call: a token of the called operation's usage plan taken through the connection's
 * {@link dev.junction.engine.connectors.RateLimiter} before every request, the cached LWA access token in {@code x-amz-access-token} (no SigV4), the
 * call's deadline, one retry with a fresh token when SP-API says the token expired, and failures read from the
 * error envelope.
 */
final class SpApiClient {

    static final String USER_AGENT = "Junction/0.1 (Language=Java/25; Platform=Linux)";

    private final RemoteHttp http;
    private final AccessTokens tokens;
    private final LwaClient lwa;
    private final OperationCall call;
    private final SpApiSettings settings;

    SpApiClient(RemoteHttp http, AccessTokens tokens, LwaClient lwa, OperationCall call, SpApiSettings settings) {
        this.http = http;
        this.tokens = tokens;
        this.lwa = lwa;
        this.call = call;
        this.settings = settings;
    }

    OperationCall call() {
        return call;
    }

    SpApiSettings settings() {
        return settings;
    }

    /** GET {@code path} with the query (null values left out, lists comma-separated); the answer as plain JSON. */
    Object get(String operation, String path, Map<String, Object> query) throws ConnectorException {
        return send(operation, "GET", path + queryString(query), null);
    }

    /** Sends a request; the answer as plain JSON ({@code {}} for an empty body). */
    Object send(String operation, String method, String pathAndQuery, Object body) throws ConnectorException {
        RemoteResponse response = exchange(operation, method, pathAndQuery, body);
        if (!response.ok()) {
            throw SpApiErrors.failure(operation, response);
        }
        if (response.body() == null || response.body().isBlank()) {
            return Map.of();
        }
        try {
            return PayloadJson.read(response.body());
        } catch (IllegalArgumentException notJson) {
            throw ConnectorException.permanentFailure("RemoteError", operation + " answered HTTP "
                    + response.status() + " with a body that is not JSON: " + notJson.getMessage(),
                    response.status(), response.body());
        }
    }

    /**
     * One request, and one more with a fresh access token when SP-API says the token expired; each takes a token
     * of {@code operation}'s usage plan first (SP-API counts every request, our own look-ups too).
     */
    private RemoteResponse exchange(String operation, String method, String pathAndQuery, Object body)
            throws ConnectorException {
        Instant deadline = call.deadline();
        String token = token();
        call.connection().rateLimiter().acquire(operation);
        RemoteResponse response = http.send(request(method, pathAndQuery, body, token), deadline);
        if (SpApiErrors.tokenExpired(response)) {
            tokens.invalidate(settings.tokenKey(), token);
            token = token();
            call.connection().rateLimiter().acquire(operation);
            response = http.send(request(method, pathAndQuery, body, token), deadline);
            if (SpApiErrors.tokenExpired(response)) {
                throw ConnectorException.permanentFailure("AuthenticationFailed",
                        "SP-API refused a freshly fetched access token as expired (is the clock right?)",
                        response.status(), response.body());
            }
        }
        return response;
    }

    private String token() throws ConnectorException {
        return tokens.token(settings.tokenKey(), call.connection(),
                () -> lwa.exchange(call.connection(), settings, call.deadline()));
    }

    private HttpRequest.Builder request(String method, String pathAndQuery, Object body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.endpoint() + pathAndQuery))
                .header("x-amz-access-token", token)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json");
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(PayloadJson.write(body)));
    }

    static String queryString(Map<String, Object> query) {
        Map<String, String> present = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            if (value instanceof List<?> list && !list.isEmpty()) {
                present.put(name, list.stream().map(String::valueOf).collect(Collectors.joining(",")));
            } else if (value != null && !(value instanceof List<?>) && !String.valueOf(value).isBlank()) {
                present.put(name, String.valueOf(value));
            }
        });
        if (present.isEmpty()) {
            return "";
        }
        return "?" + present.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
