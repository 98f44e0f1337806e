package dev.junction.connectors.amazon;

import dev.junction.connectors.http.RemoteFailures;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.json.PayloadJson;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads SP-API's error envelope {@code {"errors":[{code, message, details}]}} into a failure that names the
 * operation, the status and the remote code and message; sorts it by status (429 and 5xx retryable, with
 * Retry-After when sent — a 429 with Retry-After or with the usage plan's {@code x-amzn-RateLimit-Limit} is a request
 * to wait, not a failed attempt; 403 a permission problem; 401 an authentication problem).
 */
final class SpApiErrors {

    private SpApiErrors() {
    }

    /** The first error of the envelope, or null when the body has none. */
    record RemoteError(String code, String message, String details) {
        String describe() {
            return code + ": " + message + (details == null || details.isBlank() ? "" : " (" + details + ")");
        }
    }

    static RemoteError firstError(String body) {
        try {
            if (PayloadJson.read(body) instanceof Map<?, ?> json && json.get("errors") instanceof List<?> errors
                    && !errors.isEmpty() && errors.getFirst() instanceof Map<?, ?> error) {
                return new RemoteError(String.valueOf(error.get("code")), String.valueOf(error.get("message")),
                        error.get("details") instanceof String details ? details : null);
            }
        } catch (IllegalArgumentException notJson) {
            // described by status below
        }
        return null;
    }

    /** Whether a 403 says the access token expired (the one case a fresh token mends). */
    static boolean tokenExpired(RemoteResponse response) {
        if (response.status() != 403) {
            return false;
        }
        RemoteError error = firstError(response.body());
        return error != null && (error.message() + " " + error.details()).toLowerCase(Locale.ROOT).contains("expired");
    }

    static ConnectorException failure(String operation, RemoteResponse response) {
        RemoteError error = firstError(response.body());
        String described = error == null ? "HTTP " + response.status() : "HTTP " + response.status() + " "
                + error.describe();
        String errorClass = switch (response.status()) {
            case 400, 422 -> "RemoteValidation";
            case 401 -> "AuthenticationFailed";
            case 403 -> "PermissionDenied";
            case 404 -> "NotFound";
            case 429 -> "RateLimited";
            default -> response.status() >= 500 ? "RemoteUnavailable" : "RemoteError";
        };
        Optional<Double> announcedRate = response.status() == 429 && RemoteFailures.retryAfter(response).isEmpty()
                ? response.header("x-amzn-RateLimit-Limit").flatMap(SpApiErrors::rate) : Optional.empty();
        if (announcedRate.isPresent()) {
            // the usage plan's rate, announced with the 429: one token is 1/rate seconds away
            Duration wait = Duration.ofMillis((long) Math.ceil(1000 / announcedRate.get()));
            return ConnectorException.remoteRateLimited(errorClass, operation + " failed: " + described
                    + " (rate " + announcedRate.get() + "/s)", wait, response.status(), response.body());
        }
        return RemoteFailures.of(response, errorClass, operation + " failed: " + described);
    }

    private static Optional<Double> rate(String header) {
        try {
            double rate = Double.parseDouble(header.trim());
            return rate > 0 && Double.isFinite(rate) ? Optional.of(rate) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
