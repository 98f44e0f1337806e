package dev.junction.backend.alerts;

import dev.junction.backend.api.InvalidInputException;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the fields of a parsed JSON request body, each mistake named by its field. */
final class RequestFields {

    private RequestFields() {
    }

    static String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof String)) {
            throw new InvalidInputException(name, "must be text");
        }
        return value == null || ((String) value).isEmpty() ? null : (String) value;
    }

    static UUID uuid(Map<?, ?> fields, String name) {
        String text = text(fields, name);
        return text == null ? null : uuid(text, name);
    }

    static UUID uuid(String text, String name) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, "must be an id (a UUID), got '" + text + "'");
        }
    }

    static Integer integer(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Long number) || number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
            throw new InvalidInputException(name, "must be a whole number");
        }
        return number.intValue();
    }

    static Boolean bool(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof Boolean)) {
            throw new InvalidInputException(name, "must be true or false");
        }
        return (Boolean) value;
    }

    static OffsetDateTime time(Map<?, ?> fields, String name) {
        String text = text(fields, name);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be an ISO-8601 time with an offset, e.g."
                    + " 2026-01-31T22:00:00Z, got '" + text + "'");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof Map<?, ?>)) {
            throw new InvalidInputException(name, "must be an object");
        }
        return (Map<String, Object>) value;
    }

    static List<UUID> uuids(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidInputException(name, "must be a list of ids");
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String text)) {
                throw new InvalidInputException(name + "[" + i + "]", "must be an id (a UUID)");
            }
            ids.add(uuid(text, name + "[" + i + "]"));
        }
        return ids;
    }
}
