package dev.junction.backend.credentials;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The key that wraps every data key of the vault (AES-256). It is never stored in the database; its {@code id}
 * (derived from the key, not revealing it) is stored with each wrapped data key, so that the vault knows which
 * master key a row needs and a wrong key is told apart from a damaged row.
 */
public record MasterKey(String id, SecretKey key) {

    public static final int LENGTH = 32;

    public static MasterKey of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a master key is " + LENGTH + " bytes, not " + bytes.length);
        }
        return new MasterKey(idOf(bytes), new SecretKeySpec(bytes.clone(), "AES"));
    }

    /** Reads a base64 key; the message says what was wrong without repeating the value. */
    public static MasterKey fromBase64(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64");
        }
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("decodes to " + bytes.length + " bytes, a master key needs " + LENGTH);
        }
        return of(bytes);
    }

    public static MasterKey generate(SecureRandom random) {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        return of(bytes);
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("junction master key id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id + ", key=****]";
    }
}
