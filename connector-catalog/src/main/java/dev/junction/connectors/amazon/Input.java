package dev.junction.connectors.amazon;

import dev.junction.engine.connectors.ConnectorException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an operation's input fields. The input has passed the central check against the operation's input schema
 * ({@link dev.junction.engine.connectors.OperationInputCheck}): types, required fields, ranges and patterns hold, so
 * this only reads; {@link #invalid} names a field that breaks a rule the schema cannot say (its {@code x-check}).
 */
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

    /** A field the schema requires (not blank). */
    String requiredText(String name) {
        return text(name).orElseThrow(() -> new IllegalStateException(name + " passed the input check blank"));
    }

    /** A list given as a JSON array or as comma-separated text (the schema allows both). */
    List<String> list(String name) {
        Object value = values.get(name);
        if (value instanceof List<?> list) {
            return list.stream().filter(item -> item != null).map(String::valueOf).map(String::trim)
                    .filter(item -> !item.isEmpty()).toList();
        }
        return value instanceof String text ? SpApiSettings.csv(text) : List.of();
    }

    /** A date-time field (the schema's {@code format: date-time}, an ISO 8601 instant with its offset). */
    Optional<Instant> instant(String name) {
        return text(name).map(text -> OffsetDateTime.parse(text).toInstant());
    }

    /** A whole number field (the schema's {@code integer}, with its range). */
    Optional<Long> whole(String name) {
        return values.get(name) instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
    }

    long whole(String name, long fallback) {
        return whole(name).orElse(fallback);
    }

    boolean flag(String name) {
        Object value = values.get(name);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /** A field that breaks a rule of the operation's {@code x-check}, in the central check's words. */
    ConnectorException invalid(String name, String problem) {
        return ConnectorException.permanentFailure("InvalidInput",
                operation + " was not sent: input." + name + ": " + problem, null, null);
    }
}
