package dev.junction.connectors.dataverse;

import dev.junction.engine.connectors.ConnectorException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an operation's input fields by type. The input has passed the central check against the operation's input
 * schema ({@link dev.junction.engine.connectors.OperationInputCheck}): required fields, types, ranges and patterns
 * hold, so this only reads; {@link #invalid} names a field that breaks a rule the schema cannot say (its
 * {@code x-check}).
 */
record Inputs(Map<String, Object> values) {

    /** A field that breaks a rule of the operation's {@code x-check}, in the central check's words. */
    static ConnectorException invalid(String field, String problem) {
        return ConnectorException.permanentFailure("InvalidInput", "input." + field + ": " + problem, null, null);
    }

    /** A text field, stripped; empty when absent or blank. */
    Optional<String> text(String field) {
        return values.get(field) instanceof String text && !text.isBlank() ? Optional.of(text.strip())
                : Optional.empty();
    }

    /** A text field the schema requires; blank is refused here (the schema cannot tell blank from empty). */
    String requiredText(String field) throws ConnectorException {
        return text(field).orElseThrow(() -> invalid(field, "is required"));
    }

    /** A whole number field (the schema's {@code integer}). */
    Optional<Long> whole(String field) {
        return values.get(field) instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
    }

    /** A whole number field with its default; the schema holds it to its range. */
    int whole(String field, int byDefault) {
        return whole(field).map(Long::intValue).orElse(byDefault);
    }

    boolean flag(String field, boolean byDefault) {
        return values.get(field) instanceof Boolean flag ? flag : byDefault;
    }

    /** A list of texts; a single text counts as a list of one; blank ones are left out. */
    List<String> texts(String field) {
        Object value = values.get(field);
        List<String> texts = new ArrayList<>();
        for (Object item : value instanceof List<?> list ? list : value == null ? List.of() : List.of(value)) {
            if (item instanceof String text && !text.isBlank()) {
                texts.add(text.strip());
            }
        }
        return texts;
    }

    /** A JSON object (a record's columns) the schema requires. */
    Map<String, Object> object(String field) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (values.get(field) instanceof Map<?, ?> map) {
            map.forEach((key, item) -> copy.put(String.valueOf(key), item));
        }
        return copy;
    }
}
