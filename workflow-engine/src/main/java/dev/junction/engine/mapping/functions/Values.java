package dev.junction.engine.mapping.functions;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Reading function inputs and arguments as the types functions work with; errors name what was expected. */
final class Values {

    private Values() {
    }

    static String text(String function, Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Number n -> n instanceof BigDecimal d ? d.toPlainString() : n.toString();
            case Boolean b -> b.toString();
            default -> throw new FunctionException("WrongType", function + " expects text, got " + describe(value));
        };
    }

    static BigDecimal decimal(String function, Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal d -> d;
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Double d -> BigDecimal.valueOf(d);
            case Number n -> new BigDecimal(n.toString());
            case String s -> Decimals.parse(function, s);
            default -> throw new FunctionException("WrongType", function + " expects a number, got " + describe(value));
        };
    }

    static int integer(String function, Object value) {
        BigDecimal number = decimal(function, value);
        if (number == null) {
            throw new FunctionException("WrongType", function + " expects a whole number, got nothing");
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw new FunctionException("WrongType", function + " expects a whole number, got " + number);
        }
    }

    static List<?> list(String function, Object value) {
        return switch (value) {
            case null -> null;
            case List<?> list -> list;
            default -> throw new FunctionException("WrongType", function + " expects a list, got " + describe(value));
        };
    }

    static Map<?, ?> object(String function, Object value) {
        return switch (value) {
            case null -> null;
            case Map<?, ?> map -> map;
            default -> throw new FunctionException("WrongType", function + " expects an object, got " + describe(value));
        };
    }

    static Object arg(List<Object> args, int index) {
        return index < args.size() ? args.get(index) : null;
    }

    /** A value as a message shows it: strings quoted, long ones cut. */
    static String describe(Object value) {
        return switch (value) {
            case null -> "nothing";
            case String s -> "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
            case Map<?, ?> map -> "an object";
            case List<?> list -> "a list";
            default -> value.toString();
        };
    }

    /** The non-empty elements, trimmed, joined by {@code separator}; null when none is left. */
    static String joinNonEmpty(String function, List<?> elements, String separator) {
        List<String> parts = new java.util.ArrayList<>();
        for (Object element : elements) {
            if (!isEmpty(element)) {
                parts.add(text(function, element).strip());
            }
        }
        return parts.isEmpty() ? null : String.join(separator, parts);
    }

    static boolean isEmpty(Object value) {
        return value == null || value instanceof String s && s.isBlank() || value instanceof List<?> l && l.isEmpty();
    }
}
