package dev.junction.connectors.auth;

import dev.junction.connectors.http.RemoteFailures;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.json.PayloadJson;

import java.time.Instant;
import java.util.Map;

/**
 * What an OAuth 2.0 token endpoint answered to a client-credentials request (RFC 6749 §5), read one way for every
 * connector: the access token with its lifetime, or the refusal as a typed failure naming the OAuth {@code error}.
 * A token is never put into a failure.
 */
public final class OAuthTokenAnswers {

    private OAuthTokenAnswers() {
    }

    /**
     * The token of a successful answer; {@code defaultLifetimeSeconds} when it gives no {@code expires_in} (0: the
     * answer must give one).
     */
    public static AccessToken token(RemoteResponse response, long defaultLifetimeSeconds) throws ConnectorException {
        Object answer;
        try {
            answer = PayloadJson.read(response.body());
        } catch (IllegalArgumentException e) {
            answer = null;
        }
        if (!(answer instanceof Map<?, ?> map) || !(map.get("access_token") instanceof String token)
                || token.isBlank() || defaultLifetimeSeconds <= 0 && !(map.get("expires_in") instanceof Number)) {
            // the body may hold a token: never kept in the failure
            throw ConnectorException.permanentFailure("UnexpectedAnswer", "the token endpoint answered HTTP "
                    + response.status() + " without an access_token" + (defaultLifetimeSeconds <= 0
                    ? " and expires_in" : ""), response.status(), null);
        }
        long lifetime = map.get("expires_in") instanceof Number seconds && seconds.longValue() > 0
                ? seconds.longValue() : defaultLifetimeSeconds;
        return new AccessToken(token, Instant.now().plusSeconds(lifetime));
    }

    /**
     * A refused request: retryable when the endpoint is unavailable (429, 5xx), else permanent —
     * {@code AuthenticationFailed} for wrong client credentials, {@code InvalidSetting} for a wrong scope or request.
     */
    public static ConnectorException refusal(RemoteResponse response) {
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
            case "invalid_scope", "invalid_request" -> "InvalidSetting";
            default -> response.status() == 401 ? "AuthenticationFailed" : "TokenRefused";
        };
        return ConnectorException.permanentFailure(errorClass, message, response.status(), response.body());
    }
}
