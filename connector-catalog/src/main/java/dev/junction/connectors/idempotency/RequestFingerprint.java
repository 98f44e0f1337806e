package dev.junction.connectors.idempotency;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A digest of a whole request as sent (a JSON-like value: maps, lists, text, numbers, booleans), the same for equal
 * requests whatever their maps' order or their numbers' Java types ({@code 5}, {@code 5L}, {@code 5.0}), so that a
 * connector can tell a repeat of the same request from another request that happens to use the same remote key.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    /** The SHA-256 (hex) of the value's canonical form. */
    public static String of(Object value) {
        StringBuilder canonical = new StringBuilder();
        append(canonical, value);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void append(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case Map<?, ?> map -> {
                Map<String, Object> sorted = new TreeMap<>();
                map.forEach((key, item) -> sorted.put(String.valueOf(key), item));
                out.append('{');
                sorted.forEach((key, item) -> {
                    if (item != null) {
                        quote(out, key);
                        out.append(':');
                        append(out, item);
                        out.append(',');
                    }
                });
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                list.forEach(item -> {
                    append(out, item);
                    out.append(',');
                });
                out.append(']');
            }
            case Number number -> out.append(number(number));
            case Boolean flag -> out.append(flag);
            default -> quote(out, value.toString());
        }
    }

    /** A number in one form for every Java type: {@code 5}, {@code 5L} and {@code 5.0} are all {@code 5}. */
    static String number(Number number) {
        try {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notFinite) {
            return number.toString();
        }
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
}
