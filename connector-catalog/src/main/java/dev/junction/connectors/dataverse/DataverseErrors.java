package dev.junction.connectors.dataverse;

import dev.junction.connectors.http.RemoteFailures;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.json.PayloadJson;

import java.util.Map;
import java.util.Optional;

/**
 * Turns an unsuccessful Web API answer into the connector failure: the {@code {"error":{"code","message"}}}
 * envelope (api-contracts §3.9) read into the message, the status into the kind — 401 {@code AuthenticationFailed},
 * 403 {@code PermissionDenied}, 404 {@code NotFound}, 412 {@code Conflict}, 429 {@code ServiceProtectionLimit}
 * (retryable after Retry-After, §3.10), 5xx {@code RemoteUnavailable} (retryable), 400 {@code RemoteValidation},
 * anything else {@code RemoteRejected}.
 */
final class DataverseErrors {

    private DataverseErrors() {
    }

    /** The remote error as {@code code message}, or what can be said without an envelope. */
    record RemoteError(String code, String message) {

        String describe() {
            return (code == null || code.isBlank() ? "" : code + " ") + message;
        }
    }

    static ConnectorException failure(RemoteResponse response, String request) {
        RemoteError error = error(response);
        String errorClass = switch (response.status()) {
            case 401 -> "AuthenticationFailed";
            case 403 -> "PermissionDenied";
            case 404 -> "NotFound";
            case 412 -> "Conflict";
            case 429 -> "ServiceProtectionLimit";
            case 400 -> "RemoteValidation";
            default -> response.status() >= 500 ? "RemoteUnavailable" : "RemoteRejected";
        };
        return RemoteFailures.of(response, errorClass, "Dataverse answered " + response.status() + " to " + request
                + ": " + error.describe());
    }

    static RemoteError error(RemoteResponse response) {
        Optional<Map<?, ?>> envelope = envelope(response.body());
        if (envelope.isPresent()) {
            Object code = envelope.get().get("code");
            Object message = envelope.get().get("message");
            return new RemoteError(code == null ? "" : code.toString(),
                    message == null ? "(no message)" : message.toString());
        }
        if (response.status() == 401) {
            return new RemoteError("", "the access token was refused"
                    + response.header("WWW-Authenticate").map(value -> " (" + value + ")").orElse(""));
        }
        return new RemoteError("", response.body() == null || response.body().isBlank() ? "(empty answer)"
                : "(no error envelope)");
    }

    private static Optional<Map<?, ?>> envelope(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            if (PayloadJson.read(body) instanceof Map<?, ?> map && map.get("error") instanceof Map<?, ?> error) {
                return Optional.of(error);
            }
        } catch (IllegalArgumentException notJson) {
            // an HTML error page of a proxy: no envelope
        }
        return Optional.empty();
    }
}
