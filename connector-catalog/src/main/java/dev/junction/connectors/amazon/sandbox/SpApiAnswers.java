package dev.junction.connectors.amazon.sandbox;

import dev.junction.connectors.sandbox.SimulatorExchange;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** How the SP-API simulator answers: request id and rate-limit headers, and the {@code errors} envelope. */
final class SpApiAnswers {

    private SpApiAnswers() {
    }

    /** A JSON answer with {@code x-amzn-RequestId} and, on 2xx/400/404, {@code x-amzn-RateLimit-Limit}. */
    static void json(SimulatorExchange exchange, int status, Object body, Double rateLimit) throws IOException {
        exchange.responseHeader("x-amzn-RequestId", UUID.randomUUID().toString());
        if (rateLimit != null && (status / 100 == 2 || status == 400 || status == 404)) {
            exchange.responseHeader("x-amzn-RateLimit-Limit", String.valueOf(rateLimit));
        }
        exchange.respondJson(status, body);
    }

    /** The SP-API error envelope {@code {"errors":[{code, message, details}]}}. */
    static void error(SimulatorExchange exchange, int status, String code, String message, String details,
                      Double rateLimit) throws IOException {
        if (status == 400) {
            exchange.responseHeader("x-amzn-ErrorType", "ValidationException");
        }
        json(exchange, status, Map.of("errors", List.of(Map.of("code", code, "message", message,
                "details", details == null ? "" : details))), rateLimit);
    }

    /** The error code SP-API uses for a status, for planned faults. */
    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "InvalidInput";
            case 401 -> "Unauthorized";
            case 403 -> "Unauthorized";
            case 404 -> "NotFound";
            case 429 -> "QuotaExceeded";
            case 503 -> "ServiceUnavailable";
            default -> status >= 500 ? "InternalFailure" : "SandboxFault";
        };
    }

    static String messageFor(int status) {
        return switch (status) {
            case 429 -> "You exceeded your quota for the requested resource.";
            case 403 -> "Access to requested resource is denied.";
            case 503 -> "Service temporarily unavailable.";
            default -> status >= 500 ? "We encountered an internal error. Please try again." : "Planned sandbox fault";
        };
    }

    /** A 400 naming the field, in the wording of SP-API's validation errors. */
    static InvalidInput invalid(String field, String constraint) {
        return new InvalidInput(field, "1 validation error detected: Value at '" + field
                + "' failed to satisfy constraint: " + constraint);
    }

    /** A request the simulator refuses with 400 {@code InvalidInput}; {@code field} goes into {@code details}. */
    static final class InvalidInput extends IllegalStateException {
        private final String field;

        InvalidInput(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /** A request for something the simulator does not hold: 404 {@code NotFound}. */
    static final class NotFound extends IllegalStateException {
        NotFound(String message) {
            super(message);
        }
    }
}
