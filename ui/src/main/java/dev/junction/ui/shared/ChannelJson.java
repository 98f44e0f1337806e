package dev.junction.ui.shared;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of an editor's channel (the designer's and the mapping editor's {@code @ClientCallable} methods): each
 * argument arrives as JSON text and each answer leaves as JSON text, so Java and TypeScript agree on plain JSON only.
 */
public final class ChannelJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChannelJson() {
    }

    /** An argument as a JSON value of a type; absent or not of that type: null (the presenter names what is missing). */
    public static <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** An answer as JSON text. */
    public static String answer(Object value) {
        return JSON.writeValueAsString(value);
    }
}
