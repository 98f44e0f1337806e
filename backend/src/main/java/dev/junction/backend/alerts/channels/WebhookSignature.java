package dev.junction.backend.alerts.channels;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The signature of the webhook channel: {@code X-Junction-Signature: sha256=<hex>} where hex is the lower-case
 * HMAC-SHA256, keyed with the channel's signing secret (its UTF-8 bytes), of {@code <X-Junction-Timestamp> + "." +
 * <raw body>}; the timestamp is Unix seconds. A receiver recomputes it over the raw bytes it got, compares in
 * constant time, and refuses a timestamp far from its clock (replays) — see docs/alerts.md.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Junction-Signature";
    public static final String TIMESTAMP_HEADER = "X-Junction-Timestamp";
    public static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /** {@code sha256=<hex>} of {@code timestamp + "." + body} with {@code secret}. */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether {@code signature} (the header's value) is {@code secret}'s for this timestamp and body. */
    public static boolean verify(String secret, String timestamp, String body, String signature) {
        if (signature == null || timestamp == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
