package dev.junction.connectors.rest;

import dev.junction.engine.connectors.ConnectorException;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The input of one {@code request} step, read after the central check against the operation's input schema (the
 * method, the types of the fields, the statuses, the response path), and checked against the connection before
 * anything is sent — what the schema cannot say, its {@code x-check}: the URL (the path template filled and kept
 * under the base URL, the query encoded), the step's headers, no body with GET. Every problem is named by its
 * field in one permanent {@code InvalidInput} failure.
 */
record RequestInput(String method, URI uri, String path, Map<String, String> headers, Optional<Object> body,
                    Set<Integer> expectStatus, String responsePath) {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    static RequestInput of(Map<String, Object> input, HttpSettings settings) throws ConnectorException {
        List<String> problems = new ArrayList<>();
        String method = (String) input.get("method");
        URI uri = target(input, settings, problems);
        Map<String, String> headers = headers(input.get("headers"), settings, problems);
        Optional<Object> body = Optional.ofNullable(input.get("body"));
        if (body.isPresent() && "GET".equals(method)) {
            problems.add("input.body: a GET sends no body");
        }
        Set<Integer> expectStatus = expectStatus(input.get("expectStatus"));
        String responsePath = text(input, "responsePath").orElse("");
        failOn("request", problems);
        return new RequestInput(method, uri, (String) input.get("path"), headers, body, expectStatus, responsePath);
    }

    /** The URL of the input's {@code path} (with {@code pathParams}) and {@code query} under the base URL. */
    static URI target(Map<String, Object> input, HttpSettings settings, List<String> problems) {
        Optional<String> path = text(input, "path");
        if (path.isEmpty()) {
            problems.add("input.path: is required (a path relative to the base URL, e.g. /orders/{orderId})");
            return null;
        }
        try {
            String rawPath = PathTemplate.expand(path.get(), object(input, "pathParams"));
            return PathTemplate.resolve(settings.baseUrl(), rawPath, PathTemplate.query(object(input, "query")));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            problems.add("input." + (message.startsWith("pathParams.") || message.startsWith("query.") ? message
                    : "path: " + message));
            return null;
        }
    }

    private static Map<String, String> headers(Object value, HttpSettings settings, List<String> problems) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (value == null) {
            return headers;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return headers;
        }
        map.forEach((name, headerValue) -> {
            if (!(headerValue instanceof String || headerValue instanceof Number || headerValue instanceof Boolean)) {
                problems.add("input.headers." + name + ": must be text, a number or a boolean");
                return;
            }
            Optional<String> problem = HttpHeaders.problem(String.valueOf(name), String.valueOf(headerValue),
                    settings.apiKeyHeader());
            if (problem.isPresent()) {
                problems.add("input.headers." + name + ": " + problem.get());
            } else {
                headers.put(String.valueOf(name), String.valueOf(headerValue));
            }
        });
        return headers;
    }

    /** The statuses the step takes as answers: one or a list, each 100–599 (the schema's). */
    private static Set<Integer> expectStatus(Object value) {
        Set<Integer> statuses = new java.util.LinkedHashSet<>();
        for (Object status : value instanceof List<?> list ? list : value == null ? List.of() : List.of(value)) {
            statuses.add(((Number) status).intValue());
        }
        return statuses;
    }

    /** A text field, stripped; empty when absent or blank (the schema has checked it is text). */
    static Optional<String> text(Map<String, Object> input, String field) {
        return input.get(field) instanceof String text && !text.isBlank() ? Optional.of(text.strip())
                : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> input, String field) {
        return input.get(field) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static void failOn(String operation, List<String> problems) throws ConnectorException {
        if (!problems.isEmpty()) {
            throw ConnectorException.permanentFailure("InvalidInput", operation + " was not sent: "
                    + String.join("; ", problems), null, null);
        }
    }
}
