package dev.junction.connectors.dataverse;

import dev.junction.connectors.auth.AccessTokens;
import dev.junction.connectors.http.RemoteHttp;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.json.PayloadJson;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Web API as one operation call sees it: requests to {@code <organisation>/api/data/v9.2/} with the standard
 * OData headers (api-contracts §3.2), a bearer token from the connection's token cache, and one retry with a fresh
 * token when the API answers 401 (the token expired early or was revoked). Links the API answers (next pages,
 * delta links) are only followed when they point at the same Web API, so the token never goes elsewhere.
 */
final class DataverseApi {

    /** {@code Prefer} value asking for formatted values, lookup metadata and error details (api-contracts §3.2). */
    static final String ANNOTATIONS = "odata.include-annotations=\"*\"";

    private final RemoteHttp http;
    private final AccessTokens tokens;
    private final DataverseTokenEndpoint tokenEndpoint;
    private final ConnectionAccess connection;
    private final DataverseSettings settings;
    private final Instant deadline;
    private final String operation;

    /**
     * @param operation the operation this API's requests are made for (each takes a token of its rate limit), or
     *                  null for requests no operation counts (the connection test's WhoAmI)
     */
    DataverseApi(RemoteHttp http, AccessTokens tokens, DataverseTokenEndpoint tokenEndpoint,
                 ConnectionAccess connection, String operation, Instant deadline) throws ConnectorException {
        this.operation = operation;
        this.http = http;
        this.tokens = tokens;
        this.tokenEndpoint = tokenEndpoint;
        this.connection = connection;
        this.settings = DataverseSettings.of(connection);
        this.deadline = deadline;
    }

    /** One request: method, a path below the API base or an absolute link the API gave, a JSON body, headers. */
    record Request(String method, String target, Object body, Map<String, String> headers) {

        static Request get(String target, String... prefer) {
            return new Request("GET", target, null, preferHeader(prefer));
        }

        Request with(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Request(method, target, body, more);
        }

        /** How the request is named in failures: {@code GET salesorders(…)}, without the query. */
        String describe() {
            int query = target.indexOf('?');
            String path = query < 0 ? target : target.substring(0, query);
            int api = path.indexOf("/api/data/v9.2/");
            return method + " " + (api < 0 ? path : path.substring(api + "/api/data/v9.2/".length()));
        }

        private static Map<String, String> preferHeader(String... prefer) {
            List<String> preferences = new ArrayList<>(List.of(prefer));
            preferences.add(ANNOTATIONS);
            return Map.of("Prefer", String.join(",", preferences));
        }
    }

    static Request write(String method, String target, Object body, String... prefer) {
        return new Request(method, target, body, Request.preferHeader(prefer));
    }

    DataverseSettings settings() {
        return settings;
    }

    Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Sends the request and answers the response when it succeeded; throws the classified failure otherwise. */
    RemoteResponse send(Request request) throws ConnectorException {
        RemoteResponse response = sendOnce(request);
        if (!response.ok()) {
            throw DataverseErrors.failure(response, request.describe());
        }
        return response;
    }

    /** Sends the request and answers the response whatever its status (the caller reads 404 or 412 itself). */
    RemoteResponse sendOnce(Request request) throws ConnectorException {
        URI uri = uri(request.target());
        String tokenKey = connection.id() + ":" + connection.revision();
        String token = token(tokenKey);
        takeRateLimitToken();
        RemoteResponse response = http.send(build(request, uri, token), deadline);
        if (response.status() == 401) {
            tokens.invalidate(tokenKey, token);
            takeRateLimitToken();
            response = http.send(build(request, uri, token(tokenKey)), deadline);
        }
        return response;
    }

    /** Every request counts against the service protection limit: a token of the called operation's bucket first. */
    private void takeRateLimitToken() throws ConnectorException {
        if (operation != null) {
            connection.rateLimiter().acquire(operation);
        }
    }

    /** Sends and reads the JSON answer as a map. */
    Map<String, Object> json(Request request) throws ConnectorException {
        return json(send(request), request);
    }

    static Map<String, Object> json(RemoteResponse response, Request request) throws ConnectorException {
        Object body;
        try {
            body = PayloadJson.read(response.body());
        } catch (IllegalArgumentException e) {
            body = null;
        }
        if (!(body instanceof Map<?, ?> map)) {
            throw ConnectorException.permanentFailure("UnexpectedAnswer", "Dataverse answered " + request.describe()
                    + " with something other than a JSON object", response.status(), response.body());
        }
        Map<String, Object> object = new LinkedHashMap<>();
        map.forEach((key, value) -> object.put(String.valueOf(key), value));
        return object;
    }

    private String token(String tokenKey) throws ConnectorException {
        return tokens.token(tokenKey, connection, () -> tokenEndpoint.fetch(settings,
                connection.requiredSecret(DataverseSettings.CLIENT_SECRET), deadline));
    }

    private URI uri(String target) throws ConnectorException {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            if (!target.startsWith(settings.apiBase())) {
                throw ConnectorException.permanentFailure("ForeignLink", "a link to follow does not point at this"
                        + " connection's Web API " + settings.apiBase() + ": " + target.split("\\?")[0], null, null);
            }
            return URI.create(target);
        }
        return URI.create(settings.apiBase() + target);
    }

    private static HttpRequest.Builder build(Request request, URI uri, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("OData-MaxVersion", "4.0")
                .header("OData-Version", "4.0");
        if (request.method().equals("GET")) {
            builder.header("If-None-Match", "null");
        }
        request.headers().forEach(builder::header);
        if (request.body() == null) {
            return builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.header("Content-Type", "application/json; charset=utf-8")
                .method(request.method(), HttpRequest.BodyPublishers.ofString(PayloadJson.write(request.body())));
    }
}
