package dev.junction.connectors.rest;

import dev.junction.connectors.http.RemoteFailures;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.json.PayloadJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an answer into a step's output ({@code status}, a safe subset of {@code headers}, the {@code body} as JSON or
 * text) or into the failure its status says: 401 {@code AuthenticationFailed}, 403 {@code PermissionDenied}, 404
 * {@code NotFound}, 409 {@code Conflict}, 400/422 {@code RemoteValidation}, other 4xx {@code RemoteRejected},
 * 3xx {@code UnexpectedRedirect} (redirects are not followed), 408/425/429/5xx retryable with {@code Retry-After}; a
 * status outside the step's {@code expectStatus} {@code UnexpectedStatus}. Messages name the method and the path,
 * never the query (which may carry a key), plus a short excerpt of the body.
 */
final class HttpAnswers {

    /** The answer headers a step sees: none can carry a credential. */
    static final List<String> SAFE_HEADERS = List.of("content-type", "etag", "location", "retry-after");

    private static final int MESSAGE_EXCERPT = 300;

    private HttpAnswers() {
    }

    /** The output of an answer the step takes, or the failure of one it does not. */
    static Map<String, Object> output(String method, String path, RemoteResponse response, Set<Integer> expectStatus,
                                      String responsePath) throws ConnectorException {
        boolean expected = expectStatus.isEmpty() ? response.ok() : expectStatus.contains(response.status());
        if (!expected) {
            if (response.ok()) {
                throw ConnectorException.permanentFailure("UnexpectedStatus", method + " " + path
                        + " answered HTTP " + response.status() + ", not one of the expected " + expectStatus,
                        response.status(), response.body());
            }
            throw failure(method, path, response);
        }
        Object body = body(response);
        if (!responsePath.isEmpty()) {
            if (body instanceof String && !isJson(response)) {
                throw ConnectorException.permanentFailure("NotJson", method + " " + path + " answered "
                        + response.header("Content-Type").orElse("no content type")
                        + ", not JSON, so responsePath '" + responsePath + "' cannot be read", response.status(),
                        response.body());
            }
            body = DottedPath.read(body, responsePath).orElse(null);
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("status", (long) response.status());
        output.put("headers", headers(response));
        output.put("body", body);
        return output;
    }

    /** The failure of an answer whose status is not a success. */
    static ConnectorException failure(String method, String path, RemoteResponse response) {
        int status = response.status();
        String errorClass = switch (status) {
            case 401 -> "AuthenticationFailed";
            case 403 -> "PermissionDenied";
            case 404 -> "NotFound";
            case 408 -> "Timeout";
            case 409 -> "Conflict";
            case 400, 422 -> "RemoteValidation";
            case 429 -> "RateLimited";
            default -> status >= 500 ? "RemoteUnavailable" : status >= 300 && status < 400 ? "UnexpectedRedirect"
                    : "RemoteRejected";
        };
        String detail = status >= 300 && status < 400
                ? " (a redirect" + response.header("Location").map(location -> " to " + location).orElse("")
                + "; redirects are not followed — list " + status + " in expectStatus to take it as the answer)"
                : excerpt(response.body()).map(text -> ": " + text).orElse("");
        return RemoteFailures.of(response, errorClass, method + " " + path + " answered HTTP " + status + detail);
    }

    /** The body as JSON when it is JSON, as text otherwise, null when empty. */
    static Object body(RemoteResponse response) {
        String text = response.body();
        if (text == null || text.isBlank()) {
            return null;
        }
        Optional<String> contentType = response.header("Content-Type");
        if (isJson(response) || contentType.isEmpty()) {
            try {
                return PayloadJson.read(text);
            } catch (IllegalArgumentException notJson) {
                return text;
            }
        }
        return text;
    }

    private static boolean isJson(RemoteResponse response) {
        return response.header("Content-Type").map(type -> type.toLowerCase(Locale.ROOT))
                .map(type -> type.startsWith("application/json") || type.contains("+json")).orElse(false);
    }

    private static Map<String, Object> headers(RemoteResponse response) {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (String name : SAFE_HEADERS) {
            response.header(name).ifPresent(value -> headers.put(name, value));
        }
        return headers;
    }

    private static Optional<String> excerpt(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return Optional.of(line.length() <= MESSAGE_EXCERPT ? line : line.substring(0, MESSAGE_EXCERPT) + "…");
    }
}
