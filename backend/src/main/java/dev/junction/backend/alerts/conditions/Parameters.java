package dev.junction.backend.alerts.conditions;

import java.util.Map;

/** Reads a rule's (already validated) parameters, with the schema's defaults. */
final class Parameters {

    private Parameters() {
    }

    static long integer(Map<String, Object> parameters, String name, long fallback) {
        return parameters.get(name) instanceof Number number ? number.longValue() : fallback;
    }

    static double number(Map<String, Object> parameters, String name, double fallback) {
        return parameters.get(name) instanceof Number number ? number.doubleValue() : fallback;
    }

    static String text(Map<String, Object> parameters, String name, String fallback) {
        return parameters.get(name) instanceof String text && !text.isBlank() ? text : fallback;
    }

    static Map<String, Object> integerField(String title, String description, long minimum, long maximum,
                                            long fallback) {
        return Map.of("type", "integer", "title", title, "description", description, "minimum", minimum,
                "maximum", maximum, "default", fallback);
    }

    static Map<String, Object> numberField(String title, String description, double minimum, double maximum,
                                           double fallback) {
        return Map.of("type", "number", "title", title, "description", description, "minimum", minimum,
                "maximum", maximum, "default", fallback);
    }
}
