package dev.junction.connectors.dataverse;

import dev.junction.connectors.auth.AccessToken;
import dev.junction.connectors.http.RemoteFailures;
import dev.junction.connectors.http.RemoteHttp;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.runs.PayloadJson;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * The OAuth 2.0 client-credentials grant against the Microsoft identity platform (api-contracts §3.1): the client
 * id and secret for a token with the scope {@code <organisation URL>/.default}. {@code invalid_client} and
 * {@code unauthorized_client} are permanent {@code AuthenticationFailed}; a wrong tenant or scope is a permanent
 * {@code InvalidSetting}; 429 and 5xx are retryable. The secret goes only into the form body.
 */
final class DataverseTokenEndpoint {

    private final RemoteHttp http;

    DataverseTokenEndpoint(RemoteHttp http) {
        this.http = http;
    }

    AccessToken fetch(DataverseSettings settings, String clientSecret, Instant deadline) throws ConnectorException {
        String form = "grant_type=client_credentials&client_id=" + encode(settings.clientId()) + "&client_secret="
                + encode(clientSecret) + "&scope=" + encode(settings.scope());
        RemoteResponse response = http.send(HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
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
                || !(map.get("expires_in") instanceof Number expiresIn)) {
            // the body holds the token: never kept in the failure
            throw ConnectorException.permanentFailure("UnexpectedAnswer", "the token endpoint answered "
                    + response.status() + " without access_token and expires_in", response.status(), null);
        }
        return new AccessToken(token, Instant.now().plusSeconds(expiresIn.longValue()));
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
                ? "HTTP " + response.status() : error) + (description.isEmpty() ? "" : " (" + description + ")");
        if (RemoteFailures.retryable(response.status())) {
            return RemoteFailures.of(response, "TokenEndpointUnavailable", message);
        }
        String errorClass = switch (error) {
            case "invalid_client", "unauthorized_client", "invalid_grant" -> "AuthenticationFailed";
            case "invalid_scope", "invalid_request" -> "InvalidSetting";
            default -> response.status() == 401 ? "AuthenticationFailed" : "TokenRefused";
        };
        return ConnectorException.permanentFailure(errorClass, message, response.status(), response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
