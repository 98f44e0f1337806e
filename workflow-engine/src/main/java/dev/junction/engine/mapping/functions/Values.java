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
            case BigDecimal d -> bounded(function, d).toPlainString();
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            default -> throw new FunctionException("WrongType", function + " expects text, got " + describe(value));
        };
    }

    /** The most digits a number may have before, and after, its decimal point (1e999999999 is text, not a number). */
    static final int MAX_DIGITS = 1000;

    static BigDecimal decimal(String function, Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal d -> bounded(function, d);
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Double d when d.isNaN() || d.isInfinite() -> throw new FunctionException("NotANumber", function
                    + " expects a number, got " + d);
            case Double d -> BigDecimal.valueOf(d);
            case Number n -> bounded(function, new BigDecimal(n.toString()));
            case String s -> Decimals.parse(function, s);
            default -> throw new FunctionException("WrongType", function + " expects a number, got " + describe(value));
        };
    }

    /**
     * {@code number} when it has at most {@link #MAX_DIGITS} digits before and after its point: anything larger is no
     * amount or quantity, and working with it (writing it out, rounding it) could take minutes and gigabytes.
     */
    static BigDecimal bounded(String function, BigDecimal number) {
        if (number.scale() > MAX_DIGITS || number.precision() - number.scale() > MAX_DIGITS) {
            throw new FunctionException("OutOfRange", function + ": " + describe(number.toString())
                    + " has more than " + MAX_DIGITS + " digits before or after its point");
        }
        return number;
    }

    /** A number of decimals ({@code round}, {@code formatDecimal}, {@code divide}): within ±{@link #MAX_DIGITS}. */
    static int scale(String function, Object value) {
        int scale = integer(function, value);
        if (Math.abs(scale) > MAX_DIGITS) {
            throw new FunctionException("WrongArgument", function + " takes at most " + MAX_DIGITS
                    + " decimals either way, got " + scale);
        }
        return scale;
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
