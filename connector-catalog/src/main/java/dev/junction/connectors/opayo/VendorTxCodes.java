package dev.junction.connectors.opayo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Opayo's {@code vendorTxCode}: at most 40 characters among letters, digits, {@code - . _ { }}. When a step leaves
 * it empty the step's idempotency key fills it, as is when it already fits, otherwise shortened deterministically
 * (a readable prefix and 16 hex digits of its SHA-256), so that every retry of the step sends the same code.
 */
public final class VendorTxCodes {

    public static final int MAX_LENGTH = 40;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._{}-]+");
    private static final int HASH_HEX_DIGITS = 16;

    private VendorTxCodes() {
    }

    public static boolean valid(String code) {
        return code != null && code.length() <= MAX_LENGTH && ALLOWED.matcher(code).matches();
    }

    /** The vendorTxCode for a step's idempotency key (the key itself when it is a valid code). */
    public static String fromIdempotencyKey(String idempotencyKey) {
        if (valid(idempotencyKey)) {
            return idempotencyKey;
        }
        String readable = idempotencyKey.replaceAll("[^A-Za-z0-9._{}-]", "-");
        int prefixLength = Math.min(readable.length(), MAX_LENGTH - HASH_HEX_DIGITS - 1);
        return readable.substring(0, prefixLength) + "-" + sha256Hex(idempotencyKey).substring(0, HASH_HEX_DIGITS);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
