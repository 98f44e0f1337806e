package dev.junction.backend.api;

import dev.junction.engine.runs.PayloadJson;

import java.util.Map;

/**
 * Request bodies read as the engine reads JSON (whole numbers as Long, decimals as Double), so that mappings see
 * the same values in a preview, a saved definition and a run.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** @throws InvalidInputException naming {@code body} when it is not JSON or not an object */
    public static Map<?, ?> object(String body, String expected) {
        Object parsed;
        try {
            parsed = PayloadJson.read(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("body", "is not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> fields)) {
            throw new InvalidInputException("body", "must be " + expected);
        }
        return fields;
    }
}
