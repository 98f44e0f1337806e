package dev.junction.connectors.rest;

import dev.junction.engine.connectors.ConnectorException;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The input of one {@code request} step, checked against the connection before anything is sent: the method, the
 * URL (the path template filled and kept under the base URL, the query encoded), the step's headers, the JSON body,
 * the statuses the step takes as answers and the part of the answer it wants. Every problem is named by its field
 * in one permanent {@code InvalidInput} failure.
 */
record RequestInput(String method, URI uri, String path, Map<String, String> headers, Optional<Object> body,
                    Set<Integer> expectStatus, String responsePath) {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    static RequestInput of(Map<String, Object> input, HttpSettings settings) throws ConnectorException {
        List<String> problems = new ArrayList<>();
        String method = input.get("method") instanceof String text ? text.strip().toUpperCase(Locale.ROOT) : null;
        if (method == null || !METHODS.contains(method)) {
            problems.add("method: must be one of " + METHODS + (input.get("method") == null ? ""
                    : ", not '" + input.get("method") + "'"));
        }
        URI uri = target(input, settings, problems);
        Map<String, String> headers = headers(input.get("headers"), settings, problems);
        Optional<Object> body = Optional.ofNullable(input.get("body"));
        if (body.isPresent() && "GET".equals(method)) {
            problems.add("body: a GET sends no body");
        }
        Set<Integer> expectStatus = expectStatus(input.get("expectStatus"), problems);
        String responsePath = text(input, "responsePath", problems).orElse("");
        try {
            DottedPath.check(responsePath);
        } catch (IllegalArgumentException e) {
            problems.add("responsePath: " + e.getMessage());
        }
        failOn("request", problems);
        return new RequestInput(method, uri, (String) input.get("path"), headers, body, expectStatus, responsePath);
    }

    /** The URL of the input's {@code path} (with {@code pathParams}) and {@code query} under the base URL. */
    static URI target(Map<String, Object> input, HttpSettings settings, List<String> problems) {
        Optional<String> path = text(input, "path", problems);
        if (path.isEmpty()) {
            if (!problems.stream().anyMatch(problem -> problem.startsWith("path:"))) {
                problems.add("path: is required (a path relative to the base URL, e.g. /orders/{orderId})");
            }
            return null;
        }
        Map<String, Object> pathParams = object(input, "pathParams", problems);
        Map<String, Object> query = object(input, "query", problems);
        try {
            String rawPath = PathTemplate.expand(path.get(), pathParams);
            return PathTemplate.resolve(settings.baseUrl(), rawPath, PathTemplate.query(query));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            problems.add(message.startsWith("pathParams.") || message.startsWith("query.") ? message
                    : "path: " + message);
            return null;
        }
    }

    private static Map<String, String> headers(Object value, HttpSettings settings, List<String> problems) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (value == null) {
            return headers;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add("headers: must be an object of header names to values");
            return headers;
        }
        map.forEach((name, headerValue) -> {
            if (!(headerValue instanceof String || headerValue instanceof Number || headerValue instanceof Boolean)) {
                problems.add("headers." + name + ": must be text, a number or a boolean");
                return;
            }
            Optional<String> problem = HttpHeaders.problem(String.valueOf(name), String.valueOf(headerValue),
                    settings.apiKeyHeader());
            if (problem.isPresent()) {
                problems.add("headers." + name + ": " + problem.get());
            } else {
                headers.put(String.valueOf(name), String.valueOf(headerValue));
            }
        });
        return headers;
    }

    private static Set<Integer> expectStatus(Object value, List<String> problems) {
        if (value == null) {
            return Set.of();
        }
        List<?> list = value instanceof List<?> given ? given : List.of(value);
        Set<Integer> statuses = new java.util.LinkedHashSet<>();
        for (Object status : list) {
            if (status instanceof Number number && number.doubleValue() == number.intValue()
                    && number.intValue() >= 100 && number.intValue() <= 599) {
                statuses.add(number.intValue());
            } else {
                problems.add("expectStatus: must be a list of HTTP statuses (100-599), not " + status);
                return Set.of();
            }
        }
        return statuses;
    }

    static Optional<String> text(Map<String, Object> input, String field, List<String> problems) {
        Object value = input.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            problems.add(field + ": must be text");
            return Optional.empty();
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> input, String field, List<String> problems) {
        Object value = input.get(field);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        problems.add(field + ": must be an object");
        return Map.of();
    }

    static void failOn(String operation, List<String> problems) throws ConnectorException {
        if (!problems.isEmpty()) {
            throw ConnectorException.permanentFailure("InvalidInput", operation + " was not sent: "
                    + String.join("; ", problems), null, null);
        }
    }
}
