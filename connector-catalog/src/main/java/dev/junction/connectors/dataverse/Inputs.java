package dev.junction.connectors.dataverse;

import dev.junction.engine.connectors.ConnectorException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads an operation's input fields by type; a missing or mistyped field is a permanent failure naming it. */
record Inputs(Map<String, Object> values) {

    static ConnectorException invalid(String field, String problem) {
        return ConnectorException.permanentFailure("InvalidInput", "input '" + field + "' " + problem, null, null);
    }

    Optional<String> text(String field) throws ConnectorException {
        Object value = values.get(field);
        if (value == null || (value instanceof String text && text.isBlank())) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw invalid(field, "must be text");
        }
        return Optional.of(text.strip());
    }

    String requiredText(String field) throws ConnectorException {
        return text(field).orElseThrow(() -> invalid(field, "is required"));
    }

    Optional<Long> whole(String field) throws ConnectorException {
        Object value = values.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Long || value instanceof Integer) {
            return Optional.of(((Number) value).longValue());
        }
        if (value instanceof Double number && number == Math.rint(number)) {
            return Optional.of(number.longValue());
        }
        throw invalid(field, "must be a whole number");
    }

    int wholeBetween(String field, int min, int max, int byDefault) throws ConnectorException {
        long value = whole(field).orElse((long) byDefault);
        if (value < min || value > max) {
            throw invalid(field, "must be between " + min + " and " + max);
        }
        return (int) value;
    }

    boolean flag(String field, boolean byDefault) throws ConnectorException {
        Object value = values.get(field);
        if (value == null) {
            return byDefault;
        }
        if (!(value instanceof Boolean flag)) {
            throw invalid(field, "must be true or false");
        }
        return flag;
    }

    /** A list of texts; a single text counts as a list of one. */
    List<String> texts(String field) throws ConnectorException {
        Object value = values.get(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return text.isBlank() ? List.of() : List.of(text.strip());
        }
        if (!(value instanceof List<?> list)) {
            throw invalid(field, "must be a list of texts");
        }
        List<String> texts = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw invalid(field, "must be a list of texts");
            }
            if (!text.isBlank()) {
                texts.add(text.strip());
            }
        }
        return texts;
    }

    /** A JSON object (a record's columns). */
    Map<String, Object> object(String field) throws ConnectorException {
        Object value = values.get(field);
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(field, value == null ? "is required" : "must be an object");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, item) -> copy.put(String.valueOf(key), item));
        return copy;
    }
}
