package dev.junction.engine.json;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payloads (trigger inputs, step inputs and outputs) as JSON text and back, as the plain Java values the engine
 * works with: Map (keys in order), List, String, Long for whole numbers, Double for others, Boolean, null.
 */
public final class PayloadJson {

    /** A record's keys are {@link FieldNames}: compiled mappings and workflows look them up by identity. */
    private static final JsonMapper MAPPER = JsonMapper.builder(FieldNames.jsonFactory()).build();

    private PayloadJson() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Reads JSON text; throws {@link IllegalArgumentException} with the parser's message when it is not JSON. */
    public static Object read(String json) {
        try {
            return plain(MAPPER.readTree(json));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /**
     * The value as {@link #read} would give it back from its JSON text: the value itself when it is plain already
     * (only maps with text keys, lists, text, Long, Double, Boolean and null), else a copy through JSON.
     */
    public static Object normalized(Object value) {
        return isPlain(value) ? value : read(write(value));
    }

    private static boolean isPlain(Object value) {
        return switch (value) {
            case null -> true;
            case String text -> true;
            case Long number -> true;
            case Double number -> Double.isFinite(number);
            case Boolean bool -> true;
            case List<?> list -> list.stream().allMatch(PayloadJson::isPlain);
            case Map<?, ?> map -> map.entrySet().stream()
                    .allMatch(entry -> entry.getKey() instanceof String && isPlain(entry.getValue()));
            default -> false;
        };
    }

    /** A JSON tree as plain values. */
    public static Object plain(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return null;
        }
        if (json.isObject()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> property : json.properties()) {
                object.put(property.getKey(), plain(property.getValue()));
            }
            return object;
        }
        if (json.isArray()) {
            List<Object> list = new ArrayList<>(json.size());
            json.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (json.isString()) {
            return json.asString();
        }
        if (json.isBoolean()) {
            return json.booleanValue();
        }
        if (json.isIntegralNumber() && json.canConvertToLong()) {
            return json.longValue();
        }
        return json.doubleValue();
    }
}
