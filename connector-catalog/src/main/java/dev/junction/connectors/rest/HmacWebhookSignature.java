package dev.junction.connectors.rest;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the HMAC-SHA256 signature of an incoming webhook, as a shop or ERP signs it with the connection's webhook
 * signing secret: the signature header ({@code X-Signature} by default) holds the hex HMAC of the raw body, bare or
 * as {@code sha256=<hex>} (GitHub's style); several comma-separated signatures (during a secret rotation) pass when
 * one matches. With a timestamp header the signed payload is {@code <timestamp>.<raw body>} (Unix seconds), and a
 * timestamp further than the tolerance from now is refused, so a captured request cannot be replayed later.
 * Signatures are compared in constant time; no verdict contains the secret or the expected signature. Pure: the
 * platform's webhook endpoint calls it with the raw bytes before parsing them.
 */
public final class HmacWebhookSignature {

    public static final String DEFAULT_SIGNATURE_HEADER = "X-Signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final String signatureHeader;
    private final Optional<String> timestampHeader;
    private final Duration tolerance;
    private final Clock clock;

    /**
     * @param timestampHeader the header with the signing time in Unix seconds, or empty when the sender signs the
     *                        body alone (then nothing guards against replays)
     */
    public HmacWebhookSignature(String signatureHeader, Optional<String> timestampHeader, Duration tolerance,
                                Clock clock) {
        this.signatureHeader = signatureHeader;
        this.timestampHeader = timestampHeader;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** The body alone signed in {@code X-Signature}. */
    public static HmacWebhookSignature ofBody() {
        return new HmacWebhookSignature(DEFAULT_SIGNATURE_HEADER, Optional.empty(), DEFAULT_TOLERANCE,
                Clock.systemUTC());
    }

    /** What the check decided, with a reason a person can act on (never a secret or a signature). */
    public record Verdict(boolean accepted, String reason) {
    }

    /**
     * Checks the request: {@code headers} looks a header up by name (case-insensitive, see {@link #headers(Map)}),
     * {@code rawBody} is the body exactly as received.
     */
    public Verdict verify(byte[] rawBody, Function<String, Optional<String>> headers, String secret) {
        if (secret == null || secret.isEmpty()) {
            return rejected("the connection has no webhook signing secret");
        }
        Optional<String> given = headers.apply(signatureHeader).map(String::strip).filter(value -> !value.isEmpty());
        if (given.isEmpty()) {
            return rejected("the " + signatureHeader + " header is missing");
        }
        byte[] payload = rawBody;
        if (timestampHeader.isPresent()) {
            Optional<String> stamp = headers.apply(timestampHeader.get()).map(String::strip);
            if (stamp.isEmpty() || !stamp.get().matches("[0-9]{1,12}")) {
                return rejected("the " + timestampHeader.get() + " header is missing or not Unix seconds");
            }
            Instant signedAt = Instant.ofEpochSecond(Long.parseLong(stamp.get()));
            Duration age = Duration.between(signedAt, clock.instant()).abs();
            if (age.compareTo(tolerance) > 0) {
                return rejected("the signature's timestamp is " + age.toSeconds() + " s away from now (at most "
                        + tolerance.toSeconds() + " s are accepted): a stale or replayed request");
            }
            payload = signedPayload(stamp.get(), rawBody);
        }
        byte[] expected = hmac(secret, payload);
        boolean wellFormed = false;
        boolean matched = false;
        for (String part : given.get().split(",")) {
            Optional<byte[]> signature = decode(part.strip());
            if (signature.isPresent()) {
                wellFormed = true;
                matched |= MessageDigest.isEqual(expected, signature.get());
            }
        }
        if (!wellFormed) {
            return rejected("the " + signatureHeader + " header is not a hex HMAC-SHA256 (or sha256=<hex>)");
        }
        return matched ? new Verdict(true, "the HMAC-SHA256 signature matches")
                : rejected("the HMAC-SHA256 signature does not match the body and the signing secret");
    }

    /** A case-insensitive header lookup over a map of header names to values. */
    public static Function<String, Optional<String>> headers(Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return name -> Optional.ofNullable(byName.get(name));
    }

    /** The hex HMAC-SHA256 of the payload: what a sender puts in the signature header. */
    public static String sign(String secret, byte[] payload) {
        return HexFormat.of().formatHex(hmac(secret, payload));
    }

    /** The bytes signed when a timestamp is sent: {@code <timestamp>.<raw body>}. */
    public static byte[] signedPayload(String timestamp, byte[] rawBody) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[prefix.length + rawBody.length];
        System.arraycopy(prefix, 0, payload, 0, prefix.length);
        System.arraycopy(rawBody, 0, payload, prefix.length, rawBody.length);
        return payload;
    }

    private static Optional<byte[]> decode(String value) {
        String hex = value.toLowerCase(Locale.ROOT).startsWith("sha256=") ? value.substring(7) : value;
        if (hex.length() != 64 || !hex.matches("[0-9A-Fa-f]+")) {
            return Optional.empty();
        }
        return Optional.of(HexFormat.of().parseHex(hex));
    }

    private static byte[] hmac(String secret, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Verdict rejected(String reason) {
        return new Verdict(false, reason);
    }
}
