package dev.junction.engine.expressions;

import org.graalvm.polyglot.Value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a JavaScript result out of the sandbox into plain Java values (String, Long, Double, Boolean, null, List,
 * Map), bounded in size so that a runaway result cannot exhaust memory.
 */
final class JavaValues {

    static final int MAX_ELEMENTS = 100_000;
    static final int MAX_STRING_LENGTH = 1_000_000;
    private static final int MAX_DEPTH = 64;

    private int elements;

    static Object copy(Value value) {
        return new JavaValues().convert(value, 0);
    }

    private Object convert(Value value, int depth) {
        if (++elements > MAX_ELEMENTS) {
            throw new ExpressionException(ExpressionException.Kind.OUTPUT,
                    "the result has more than " + MAX_ELEMENTS + " values");
        }
        if (depth > MAX_DEPTH) {
            throw new ExpressionException(ExpressionException.Kind.OUTPUT,
                    "the result is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return number(value);
        }
        if (value.isString()) {
            String text = value.asString();
            if (text.length() > MAX_STRING_LENGTH) {
                throw new ExpressionException(ExpressionException.Kind.OUTPUT,
                        "the result has a string longer than " + MAX_STRING_LENGTH + " characters");
            }
            return text;
        }
        if (value.hasArrayElements()) {
            List<Object> list = new ArrayList<>();
            for (long i = 0; i < value.getArraySize(); i++) {
                list.add(convert(value.getArrayElement(i), depth + 1));
            }
            return Collections.unmodifiableList(list);
        }
        if (value.isDate() || value.isInstant()) {
            return value.toString();
        }
        if (value.canExecute()) {
            throw new ExpressionException(ExpressionException.Kind.OUTPUT, "a function cannot be a result");
        }
        if (value.hasMembers()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (String key : value.getMemberKeys()) {
                map.put(key, convert(value.getMember(key), depth + 1));
            }
            return Collections.unmodifiableMap(map);
        }
        return value.toString();
    }

    /**
     * A number as a Long when it is whole and fits, else as a Double; a BigInt that no double can hold (beyond
     * about 1.8e308) is an error of the result, not a failure of the run's machinery.
     */
    private static Object number(Value value) {
        if (value.fitsInLong()) {
            return value.asLong();
        }
        if (value.fitsInDouble()) {
            return value.asDouble();
        }
        if (value.fitsInBigInteger()) {
            BigInteger whole = value.asBigInteger();
            double approximate = whole.doubleValue();
            if (Double.isInfinite(approximate)) {
                throw new ExpressionException(ExpressionException.Kind.OUTPUT, "the result is a whole number of "
                        + whole.toString().length() + " digits, too large for a JSON number (at most about 1.8e308);"
                        + " return it as text with String(...) instead");
            }
            return approximate;
        }
        return value.asDouble();
    }
}
