package dev.junction.connectors.http;

import dev.junction.engine.connectors.ConnectorException;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The one rule by which every connector sorts an unsuccessful HTTP answer: 408, 425, 429 and 5xx may pass when tried
 * again (with the answer's {@code Retry-After}); every other status will not. A 429 with a {@code Retry-After} is the
 * remote API asking to wait that long ({@link ConnectorException#remoteRateLimited}), not a failed attempt.
 */
public final class RemoteFailures {

    private RemoteFailures() {
    }

    public static boolean retryable(int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }

    /**
     * The failure for an unsuccessful answer, with {@code errorClass} and {@code message} as the connector read them
     * from the remote API's error envelope.
     */
    public static ConnectorException of(RemoteResponse response, String errorClass, String message) {
        Optional<Duration> retryAfter = retryAfter(response);
        if (response.status() == 429 && retryAfter.isPresent()) {
            return ConnectorException.remoteRateLimited(errorClass, message, retryAfter.get(), response.status(),
                    response.body());
        }
        if (retryable(response.status())) {
            return ConnectorException.transientFailure(errorClass, message, retryAfter(response).orElse(null),
                    response.status(), response.body());
        }
        return ConnectorException.permanentFailure(errorClass, message, response.status(), response.body());
    }

    /** {@code Retry-After} in seconds or as an HTTP date, when the answer has one that can be read. */
    public static Optional<Duration> retryAfter(RemoteResponse response) {
        return response.header("Retry-After").flatMap(RemoteFailures::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String text = value.trim();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
