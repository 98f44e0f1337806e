package dev.junction.connectors.rest;

import dev.junction.connectors.auth.AccessTokens;
import dev.junction.connectors.http.RemoteHttp;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.json.PayloadJson;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one request of one HTTP connection: the default headers, then the step's, then the authentication of the
 * chosen kind (secrets read for this call only). With OAuth 2.0 client credentials the token is cached per
 * connection; a 401 drops it and the request is sent once more with a fresh one. Answers whatever status came;
 * bodies over {@link #MAX_BODY_BYTES} fail.
 */
final class HttpApi {

    /** The most of an answer the connector reads. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final RemoteHttp http;
    private final AccessTokens tokens;
    private final ClientCredentialsGrant grant;
    private final HttpSettings settings;
    private final ConnectionAccess connection;
    private final Instant deadline;

    HttpApi(RemoteHttp http, AccessTokens tokens, HttpSettings settings, ConnectionAccess connection,
            Instant deadline) {
        this.http = http;
        this.tokens = tokens;
        this.grant = new ClientCredentialsGrant(http);
        this.settings = settings;
        this.connection = connection;
        this.deadline = deadline;
    }

    HttpSettings settings() {
        return settings;
    }

    /** Sends the request; a JSON body (when present) goes as {@code application/json}. */
    RemoteResponse send(String method, URI uri, Map<String, String> headers, Optional<Object> body)
            throws ConnectorException {
        if (settings.auth() != HttpSettings.Auth.OAUTH2_CLIENT_CREDENTIALS) {
            return http.send(build(method, uri, headers, body, authorization(null)), deadline, MAX_BODY_BYTES);
        }
        String key = connection.id() + ":" + connection.revision();
        String token = token(key);
        RemoteResponse response = http.send(build(method, uri, headers, body, authorization(token)), deadline,
                MAX_BODY_BYTES);
        if (response.status() == 401) {
            tokens.invalidate(key, token);
            response = http.send(build(method, uri, headers, body, authorization(token(key))), deadline,
                    MAX_BODY_BYTES);
        }
        return response;
    }

    private HttpRequest.Builder build(String method, URI uri, Map<String, String> headers, Optional<Object> body,
                                      Map<String, String> authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        request.header("Accept", "application/json, */*;q=0.5");
        settings.defaultHeaders().forEach(request::setHeader);
        headers.forEach(request::setHeader);
        authorization.forEach(request::setHeader);
        if (body.isPresent()) {
            request.setHeader("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(PayloadJson.write(body.get()),
                    StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request;
    }

    /** The authentication headers of the connection's kind ({@code token} for OAuth 2.0). */
    private Map<String, String> authorization(String token) throws ConnectorException {
        return switch (settings.auth()) {
            case NONE -> Map.of();
            case BASIC -> Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (connection.requiredSetting(HttpSettings.USERNAME) + ":"
                            + connection.requiredSecret(HttpSettings.PASSWORD)).getBytes(StandardCharsets.UTF_8)));
            case BEARER -> Map.of("Authorization", "Bearer " + connection.requiredSecret(HttpSettings.BEARER_TOKEN));
            case API_KEY -> Map.of(settings.apiKeyHeader().orElseThrow(),
                    connection.requiredSecret(HttpSettings.API_KEY));
            case OAUTH2_CLIENT_CREDENTIALS -> Map.of("Authorization", "Bearer " + token);
        };
    }

    private String token(String key) throws ConnectorException {
        return tokens.token(key, connection, () -> grant.fetch(
                HttpSettings.url(HttpSettings.TOKEN_URL, connection.requiredSetting(HttpSettings.TOKEN_URL)),
                connection.requiredSetting(HttpSettings.CLIENT_ID),
                connection.requiredSecret(HttpSettings.CLIENT_SECRET),
                connection.setting(HttpSettings.SCOPE).orElse(null), deadline));
    }
}
