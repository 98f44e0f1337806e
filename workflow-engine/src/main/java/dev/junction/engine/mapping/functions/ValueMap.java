package dev.junction.engine.mapping.functions;

import java.util.Map;
import java.util.Objects;

/**
 * A value map for status harmonization (Amazon {@code Canceled} → canonical {@code CANCELLED}): entries, and an
 * explicit policy for values it does not list. Keys are compared as strings (numbers and booleans by their JSON
 * text), case-insensitively when {@code caseInsensitive}.
 *
 * <p>Contract (implementation owned by the function library): {@link #apply(Object)} answers the mapped value; an
 * unlisted value under {@link Unmapped#ERROR} throws {@link FunctionException} with code {@code Unmapped} naming the
 * value and the map; {@link Unmapped#DEFAULT} answers {@code defaultValue}; {@link Unmapped#PASS_THROUGH} answers the
 * value unchanged. A null input answers null (the rule's {@code default} handles absence).
 */
public record ValueMap(String name, Map<String, Object> entries, Unmapped unmapped, Object defaultValue,
                       boolean caseInsensitive) {

    public ValueMap {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unmapped, "unmapped");
        entries = Map.copyOf(entries);
    }

    public enum Unmapped {
        ERROR, DEFAULT, PASS_THROUGH;

        /** The JSON spelling: {@code error}, {@code default}, {@code passThrough}. */
        public String jsonName() {
            return switch (this) {
                case ERROR -> "error";
                case DEFAULT -> "default";
                case PASS_THROUGH -> "passThrough";
            };
        }
    }

    public Object apply(Object value) {
        throw new UnsupportedOperationException("implemented by the function library (issue 4)");
    }
}
