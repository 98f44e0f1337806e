package dev.junction.connectors.amazon;

import dev.junction.connectors.auth.AccessToken;
import dev.junction.connectors.http.RemoteFailures;
import dev.junction.connectors.http.RemoteHttp;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.json.PayloadJson;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Login with Amazon: exchanges the connection's refresh token for an access token ({@code grant_type=
 * refresh_token}, form-encoded). A refusal of the credentials ({@code invalid_grant}, {@code invalid_client}, …) is
 * a permanent {@code AuthenticationFailed}; LWA being unavailable is retryable. Neither the client secret, the
 * refresh token nor the access token ever appears in a failure.
 */
final class LwaClient {

    private static final Set<String> UNAVAILABLE = Set.of("server_error", "temporarily_unavailable");

    private final RemoteHttp http;

    LwaClient(RemoteHttp http) {
        this.http = http;
    }

    AccessToken exchange(ConnectionAccess connection, SpApiSettings settings, Instant deadline)
            throws ConnectorException {
        String clientSecret = connection.requiredSecret(SpApiSettings.LWA_CLIENT_SECRET);
        String refreshToken = connection.requiredSecret(SpApiSettings.REFRESH_TOKEN);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", settings.clientId());
        form.put("client_secret", clientSecret);
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        RemoteResponse response = http.send(HttpRequest.newBuilder(settings.tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), deadline);
        if (response.ok()) {
            return token(response);
        }
        Map<?, ?> error = jsonObject(response.body());
        String code = error.get("error") instanceof String text ? text : "HTTP " + response.status();
        String description = error.get("error_description") instanceof String text ? ": " + text : "";
        String message = "LWA refused the token exchange at " + settings.tokenUrl().getHost() + ": " + code
                + description;
        // the error body names the error only; the request (with the secrets) is never kept
        String excerpt = PayloadJson.write(error.isEmpty() ? Map.of("status", response.status()) : error);
        if (RemoteFailures.retryable(response.status()) || UNAVAILABLE.contains(code)) {
            throw ConnectorException.transientFailure("AuthenticationUnavailable", message,
                    RemoteFailures.retryAfter(response).orElse(null), response.status(), excerpt);
        }
        throw ConnectorException.permanentFailure("AuthenticationFailed", message, response.status(), excerpt);
    }

    private static AccessToken token(RemoteResponse response) throws ConnectorException {
        Map<?, ?> json = jsonObject(response.body());
        if (!(json.get("access_token") instanceof String token) || token.isBlank()) {
            // the body is not kept: a malformed answer could still carry a token
            throw ConnectorException.permanentFailure("AuthenticationFailed",
                    "LWA answered the token exchange without an access_token", response.status(), null);
        }
        long seconds = json.get("expires_in") instanceof Number number ? number.longValue() : 3600;
        return new AccessToken(token, Instant.now().plusSeconds(seconds));
    }

    private static Map<?, ?> jsonObject(String body) {
        try {
            return PayloadJson.read(body) instanceof Map<?, ?> map ? map : Map.of();
        } catch (IllegalArgumentException notJson) {
            return Map.of();
        }
    }
}
