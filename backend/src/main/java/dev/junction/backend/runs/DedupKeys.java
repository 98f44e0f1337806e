package dev.junction.backend.runs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a delivery's dedup key is stored: as given when it is at most {@value #MAX_LENGTH} printable characters, else
 * as {@code sha256:<hex of its UTF-8>} — so that any key (a long expression value, one with control characters,
 * which PostgreSQL text may refuse) is kept, and equal keys stay equal.
 */
public final class DedupKeys {

    public static final int MAX_LENGTH = 200;

    private DedupKeys() {
    }

    public static String stored(String key) {
        if (key.length() <= MAX_LENGTH && key.codePoints().noneMatch(Character::isISOControl)) {
            return key;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
