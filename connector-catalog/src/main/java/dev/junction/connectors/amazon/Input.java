package dev.junction.connectors.amazon;

import dev.junction.engine.connectors.ConnectorException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads an operation's input fields, refusing a missing or malformed one with a failure that names it. */
final class Input {

    private final String operation;
    private final Map<String, Object> values;

    Input(String operation, Map<String, Object> values) {
        this.operation = operation;
        this.values = values;
    }

    Map<String, Object> values() {
        return values;
    }

    Optional<String> text(String name) {
        Object value = values.get(name);
        if (value == null || (value instanceof String text && text.isBlank())) {
            return Optional.empty();
        }
        return Optional.of(value instanceof String text ? text.trim() : String.valueOf(value));
    }

    String requiredText(String name) throws ConnectorException {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            throw invalid(name, "is required");
        }
        return value.get();
    }

    /** A list given as a JSON array or as comma-separated text. */
    List<String> list(String name) throws ConnectorException {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(item -> item != null).map(String::valueOf).map(String::trim)
                    .filter(item -> !item.isEmpty()).toList();
        }
        if (value instanceof String text) {
            return SpApiSettings.csv(text);
        }
        throw invalid(name, "must be a list or comma-separated text");
    }

    Optional<Instant> instant(String name) throws ConnectorException {
        Optional<String> text = text(name);
        try {
            return text.map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw invalid(name, "'" + text.get() + "' is not an ISO 8601 date-time such as 2026-03-10T20:11:24Z");
        }
    }

    Optional<Long> whole(String name) throws ConnectorException {
        Object value = values.get(name);
        if (value == null || (value instanceof String text && text.isBlank())) {
            return Optional.empty();
        }
        if (value instanceof Long number) {
            return Optional.of(number);
        }
        if (value instanceof Integer number) {
            return Optional.of(number.longValue());
        }
        if (value instanceof Double number && number == Math.rint(number)) {
            return Optional.of(number.longValue());
        }
        try {
            return Optional.of(Long.parseLong(String.valueOf(value).trim()));
        } catch (NumberFormatException e) {
            throw invalid(name, "'" + value + "' is not a whole number");
        }
    }

    long whole(String name, long fallback, long min, long max) throws ConnectorException {
        long value = whole(name).orElse(fallback);
        if (value < min || value > max) {
            throw invalid(name, "must be between " + min + " and " + max);
        }
        return value;
    }

    boolean flag(String name) {
        Object value = values.get(name);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    ConnectorException invalid(String name, String problem) {
        return ConnectorException.permanentFailure("InvalidInput",
                operation + ": the input field '" + name + "' " + problem, null, null);
    }
}
