package dev.junction.backend.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What a personal API token looks like: {@code jn_} and 32 random bytes from {@link SecureRandom} in base64url
 * without padding (43 characters). The database keeps only its SHA-256 hash and the first 8 characters of the random
 * part (the prefix, shown in lists so that the user recognises the token).
 *
 * <p>A fast, unsalted hash is right here, unlike for passwords: a token carries 256 bits of randomness, so there is
 * no dictionary to try and no guess that a slow hash would make meaningfully dearer, while a fast hash lets every API
 * call find its token by an indexed lookup of the hash.
 */
final class ApiTokenFormat {

    static final String MARK = "jn_";
    static final int PREFIX_LENGTH = 8;
    private static final int RANDOM_BYTES = 32;
    private static final Pattern FORM = Pattern.compile("jn_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenFormat() {
    }

    static String newToken() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Whether the text has the form of a token (checked before any database lookup). */
    static boolean looksLikeToken(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    /** The first characters of the token's random part. */
    static String prefix(String token) {
        return token.substring(MARK.length(), MARK.length() + PREFIX_LENGTH);
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes: what the database stores and looks up. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
