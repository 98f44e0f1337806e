package dev.junction.backend.api;

import dev.junction.engine.json.PayloadJson;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Request bodies read as the engine reads JSON (whole numbers as Long, decimals as Double), so that mappings see
 * the same values in a preview, a saved definition and a run. Read as strictly as the typed bodies
 * ({@link StrictJsonConfiguration}): a syntax error names its line and column, a field the endpoint does not know
 * is refused by name, and no text may hold the NUL character.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * The body as an object with only the given fields.
     *
     * @throws InvalidInputException naming {@code body} when it is not JSON or not an object, or the first unknown
     *                               field, or the first text holding a NUL character
     */
    public static Map<?, ?> object(String body, String expected, String... fields) {
        if (fields.length == 0) {
            throw new IllegalArgumentException("name the fields the body may have: every other one is refused");
        }
        Object parsed;
        try {
            parsed = PayloadJson.read(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("body", "is not valid JSON: " + JsonText.syntaxError(e));
        }
        if (!(parsed instanceof Map<?, ?> object)) {
            throw new InvalidInputException("body", "must be " + expected);
        }
        List<String> known = Arrays.asList(fields);
        for (Object key : object.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new InvalidInputException(String.valueOf(key), "is not a known field; known fields: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
        JsonText.nulAt(object, "").ifPresent(path -> {
            throw new InvalidInputException(path, JsonText.NUL_MESSAGE);
        });
        return object;
    }
}
