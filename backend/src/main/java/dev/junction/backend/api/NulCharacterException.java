package dev.junction.backend.api;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * A text of a typed request body holds the NUL character, which PostgreSQL cannot store. {@link #innerPath()} is
 * where inside a JSON-valued field (empty for a text field itself); Jackson adds the field's own path.
 */
final class NulCharacterException extends InvalidFormatException {

    private final String innerPath;

    NulCharacterException(JsonParser parser, String innerPath) {
        super(parser, JsonText.NUL_MESSAGE, null, String.class);
        this.innerPath = innerPath;
    }

    String innerPath() {
        return innerPath;
    }
}
