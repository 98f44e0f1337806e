package dev.junction.engine.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain JSON values that trigger and node config hold: {@code String}, {@code Long}, {@code Double},
 * {@code Boolean}, {@code null}, {@code List} and {@code Map<String, Object>}. Numbers are kept in one form each, as
 * JavaScript expressions see them: a whole number that fits a {@code long} is a {@code Long} (whether it was given
 * as {@code Integer}, {@code Short}, {@code Byte}, {@code Long} or {@code BigInteger}); every other number is a
 * finite {@code Double} ({@code Float}, {@code Double}, {@code BigDecimal}, larger {@code BigInteger}s). So a
 * definition built in code equals the one read back from its JSON form. Copies are deep, unmodifiable, keep the
 * order of keys, and allow {@code null} values.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /** A deep, unmodifiable, normalized copy of a config object; throws when it holds anything but JSON values. */
    public static Map<String, Object> immutableObject(Map<String, ?> object) {
        return object == null ? Map.of() : objectCopy(object, "config");
    }

    /**
     * The one form of a number in config: {@code Long} for whole numbers within the range of a long, else
     * {@code Double}. Throws when the number is not finite or not one of the JDK's number types.
     */
    public static Number normalized(Number number, String path) {
        return switch (number) {
            case Long value -> value;
            case Integer value -> value.longValue();
            case Short value -> value.longValue();
            case Byte value -> value.longValue();
            case BigInteger value when value.bitLength() < Long.SIZE -> value.longValue();
            case BigInteger value -> finite(value.doubleValue(), path);
            case Double value -> finite(value, path);
            case Float value -> finite(value.doubleValue(), path);
            case BigDecimal value -> finite(value.doubleValue(), path);
            default -> throw notJson(number, path);
        };
    }

    private static Map<String, Object> objectCopy(Map<?, ?> object, String path) {
        Map<String, Object> copy = new LinkedHashMap<>();
        object.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException(path + " has the key " + key + "; keys of JSON objects are strings");
            }
            copy.put(name, immutable(value, path + "." + name));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object immutable(Object value, String path) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Boolean flag -> flag;
            case Number number -> normalized(number, path);
            case Map<?, ?> map -> objectCopy(map, path);
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    copy.add(immutable(list.get(i), path + "[" + i + "]"));
                }
                yield Collections.unmodifiableList(copy);
            }
            default -> throw notJson(value, path);
        };
    }

    private static Double finite(double value, String path) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(path + " is " + value + "; JSON numbers are finite");
        }
        return value;
    }

    private static IllegalArgumentException notJson(Object value, String path) {
        return new IllegalArgumentException(path + " is a " + value.getClass().getName() + "; config holds only JSON"
                + " values: String, Long, Double (or other JDK numbers), Boolean, null, List and Map");
    }
}
