package dev.junction.engine.mapping.model;

import dev.junction.engine.json.JsonValues;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Constants of the model (values, arguments, defaults) as deep unmodifiable JSON values. */
final class Constants {

    private Constants() {
    }

    static Object immutable(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?> || value instanceof Number) {
            Map<String, Object> holder = new HashMap<>();
            holder.put("value", value);
            return JsonValues.immutableObject(holder).get("value");
        }
        return value;
    }
}
