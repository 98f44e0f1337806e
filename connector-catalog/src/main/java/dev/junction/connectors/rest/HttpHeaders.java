package dev.junction.connectors.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for headers a connection or a step adds to a request: a name is an HTTP token, a value has no line
 * breaks or other control characters, and none may set what the connector owns ({@code Authorization},
 * {@code Host}, the framing headers Java's client refuses, the connection's API key header).
 */
final class HttpHeaders {

    /** Headers no connection or step may set: authentication and the request's framing belong to the connector. */
    static final Set<String> RESERVED = Set.of("authorization", "proxy-authorization", "host", "connection",
            "content-length", "expect", "upgrade", "transfer-encoding", "te", "trailer", "keep-alive");

    private static final String TOKEN = "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$";

    private HttpHeaders() {
    }

    /** What is wrong with a header, or empty when it may be sent. */
    static Optional<String> problem(String name, String value, Optional<String> apiKeyHeader) {
        if (!name.matches(TOKEN)) {
            return Optional.of("'" + name + "' is not a valid header name (letters, digits and !#$%&'*+.^_`|~-)");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(lower)) {
            return Optional.of("the header " + name + " is set by the connector and cannot be overridden");
        }
        if (apiKeyHeader.isPresent() && apiKeyHeader.get().equalsIgnoreCase(name)) {
            return Optional.of("the header " + name + " carries the connection's API key and cannot be overridden");
        }
        for (char c : value.toCharArray()) {
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return Optional.of("the value of " + name + " contains a line break or control character");
            }
        }
        return Optional.empty();
    }

    /**
     * The connection's default headers from their text, one {@code Name: value} per line (blank lines and lines
     * starting with {@code #} are skipped); the problems name the line.
     */
    static Map<String, String> parseLines(String text, Optional<String> apiKeyHeader, List<String> problems) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                problems.add("line " + (i + 1) + " is not 'Name: value'");
                continue;
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            Optional<String> problem = problem(name, value, apiKeyHeader);
            if (problem.isPresent()) {
                problems.add("line " + (i + 1) + ": " + problem.get());
            } else {
                headers.put(name, value);
            }
        }
        return headers;
    }
}
