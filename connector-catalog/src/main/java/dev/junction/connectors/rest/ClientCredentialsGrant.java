package dev.junction.connectors.rest;

import dev.junction.connectors.auth.AccessToken;
import dev.junction.connectors.http.RemoteFailures;
import dev.junction.connectors.http.RemoteHttp;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.runs.PayloadJson;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * The OAuth 2.0 client-credentials grant (RFC 6749 §4.4) at the connection's token URL: the client id and secret
 * by HTTP Basic (§2.3.1, which every server must accept), the scope when set. {@code invalid_client},
 * {@code unauthorized_client} and a 401 are {@code AuthenticationFailed}; {@code invalid_scope} is an
 * {@code InvalidSetting}; 429 and 5xx may pass when tried again. A token without {@code expires_in} is kept for
 * {@link #DEFAULT_LIFETIME_SECONDS}.
 */
final class ClientCredentialsGrant {

    static final long DEFAULT_LIFETIME_SECONDS = 600;

    private final RemoteHttp http;

    ClientCredentialsGrant(RemoteHttp http) {
        this.http = http;
    }

    AccessToken fetch(URI tokenUrl, String clientId, String clientSecret, String scope, Instant deadline)
            throws ConnectorException {
        String credentials = encode(clientId) + ":" + encode(clientSecret);
        String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + encode(scope));
        RemoteResponse response = http.send(HttpRequest.newBuilder(tokenUrl)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)), deadline);
        if (!response.ok()) {
            throw failure(response);
        }
        Object answer;
        try {
            answer = PayloadJson.read(response.body());
        } catch (IllegalArgumentException e) {
            answer = null;
        }
        if (!(answer instanceof Map<?, ?> map) || !(map.get("access_token") instanceof String token)
                || token.isBlank()) {
            // the body may hold a token: never kept in the failure
            throw ConnectorException.permanentFailure("UnexpectedAnswer", "the token endpoint answered HTTP "
                    + response.status() + " without an access_token", response.status(), null);
        }
        long lifetime = map.get("expires_in") instanceof Number seconds && seconds.longValue() > 0
                ? seconds.longValue() : DEFAULT_LIFETIME_SECONDS;
        return new AccessToken(token, Instant.now().plusSeconds(lifetime));
    }

    private static ConnectorException failure(RemoteResponse response) {
        String error = "";
        String description = "";
        try {
            if (PayloadJson.read(response.body()) instanceof Map<?, ?> map) {
                error = map.get("error") == null ? "" : map.get("error").toString();
                description = map.get("error_description") == null ? "" : map.get("error_description").toString();
            }
        } catch (IllegalArgumentException notJson) {
            // no OAuth error object
        }
        String message = "the token endpoint refused the client credentials: " + (error.isEmpty()
                ? "HTTP " + response.status() : error + " (HTTP " + response.status() + ")")
                + (description.isEmpty() ? "" : ": " + description);
        if (RemoteFailures.retryable(response.status())) {
            return RemoteFailures.of(response, "TokenEndpointUnavailable", message);
        }
        String errorClass = switch (error) {
            case "invalid_client", "unauthorized_client", "invalid_grant" -> "AuthenticationFailed";
            case "invalid_scope" -> "InvalidSetting";
            default -> response.status() == 401 ? "AuthenticationFailed" : "TokenRefused";
        };
        return ConnectorException.permanentFailure(errorClass, message, response.status(), response.body());
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
