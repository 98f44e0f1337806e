package dev.junction.engine.mapping;

import java.math.BigDecimal;

/**
 * The order a forEach's {@code sortBy} puts present values in: numbers (by value) before text (by Unicode code point)
 * before booleans (false before true) before objects and lists (which are all equal: they keep their order).
 * Missing and null values are the caller's: they come last in either direction.
 */
final class SortOrder {

    private SortOrder() {
    }

    static int compare(Object a, Object b) {
        int rank = Integer.compare(rank(a), rank(b));
        if (rank != 0) {
            return rank;
        }
        return switch (a) {
            case Number x -> numbers(x, (Number) b);
            case String x -> codePoints(x, (String) b);
            case Boolean x -> Boolean.compare(x, (Boolean) b);
            default -> 0;
        };
    }

    private static int rank(Object value) {
        return switch (value) {
            case Number number -> 0;
            case String text -> 1;
            case Boolean bool -> 2;
            default -> 3;
        };
    }

    private static int numbers(Number a, Number b) {
        if (whole(a) && whole(b)) {
            return Long.compare(a.longValue(), b.longValue());
        }
        return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
    }

    private static boolean whole(Number number) {
        return number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte;
    }

    /** Text by code point (String.compareTo compares UTF-16 units: it puts U+1F600 before U+FF5A). */
    static int codePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
