package dev.junction.engine.nodes;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** How steps show and read plain values. */
final class StepValues {

    private StepValues() {
    }

    /** A value as text: a whole number without ".0". */
    static String asText(Object value) {
        if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            return Long.toString(number.longValue());
        }
        return String.valueOf(value);
    }

    /** A wrong value as a message shows it: its start and what it is. */
    static String describe(Object value) {
        String text = String.valueOf(value);
        return (text.length() > 60 ? text.substring(0, 60) + "…" : text) + " (" + switch (value) {
            case String ignored -> "a string";
            case Number ignored -> "a number";
            case Boolean ignored -> "a boolean";
            case Map<?, ?> ignored -> "an object";
            default -> "a value";
        } + ")";
    }

    /** An ISO 8601 instant or epoch milliseconds as an instant; null when it is neither. */
    static Instant instant(Object value) {
        if (value instanceof Number number) {
            return Instant.ofEpochMilli(number.longValue());
        }
        if (value instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
