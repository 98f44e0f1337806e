package dev.junction.engine.mapping.functions;

import java.math.BigDecimal;

/**
 * Decimal amounts as people and remote systems write them: {@code 19.99}, {@code 95,00}, {@code 1,234.56},
 * {@code 1.234,56}, {@code 1 234,56}. The last separator followed by one to three digits... is the decimal
 * separator only when the other separator also occurs or when it is followed by exactly two (or one) digits.
 */
final class Decimals {

    private Decimals() {
    }

    /** Digits with at most one dot and an optional leading minus: what most amounts look like, parsed directly. */
    private static boolean plain(String text) {
        int length = text.length();
        if (length == 0 || length > 30) {
            return false;
        }
        boolean dot = false;
        boolean digit = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !dot && i > 0) {
                dot = true;
            } else if (!(c == '-' && i == 0)) {
                return false;
            }
        }
        return digit && text.charAt(length - 1) != '.';
    }

    static BigDecimal parse(String function, String text) {
        if (plain(text)) {
            BigDecimal number = new BigDecimal(text);
            return text.length() > Values.MAX_DIGITS ? Values.bounded(function, number) : number;
        }
        String s = text.strip().replace(" ", "").replace("\u00a0", "").replace("'", "");
        if (s.isEmpty()) {
            return null;
        }
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        String normal;
        if (comma >= 0 && dot >= 0) {
            // both: the later one is the decimal separator
            normal = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            int decimals = s.length() - comma - 1;
            boolean grouping = s.indexOf(',') != comma || decimals == 3;
            normal = grouping ? s.replace(",", "") : s.replace(',', '.');
        } else {
            normal = s;
        }
        try {
            return Values.bounded(function, new BigDecimal(normal));
        } catch (NumberFormatException e) {
            throw new FunctionException("NotANumber", function + " expects a decimal amount like \"19.99\" or \"95,00\","
                    + " got " + Values.describe(text));
        }
    }
}
