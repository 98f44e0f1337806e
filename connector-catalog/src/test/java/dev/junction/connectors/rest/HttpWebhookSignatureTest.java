package dev.junction.connectors.rest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/** HMAC-SHA256 webhook signatures, computed in the test with the JDK's Mac and a published vector. */
class HttpWebhookSignatureTest {

    private static final String SECRET = "shop-webhook-secret";
    private static final byte[] BODY = "{\"event\":\"order.created\",\"id\":\"ord-1001\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final HmacWebhookSignature BODY_ONLY = HmacWebhookSignature.ofBody();
    private static final HmacWebhookSignature TIMESTAMPED = new HmacWebhookSignature("X-Signature",
            Optional.of("X-Signature-Timestamp"), Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

    /** The hex HMAC-SHA256, computed here without the class under test. */
    private static String hmac(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(payload.getBytes(StandardCharsets.UTF_8))) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static HmacWebhookSignature.Verdict verify(HmacWebhookSignature check, byte[] body,
                                                       Map<String, String> headers, String secret) {
        return check.verify(body, HmacWebhookSignature.headers(headers), secret);
    }

    @Test
    void githubsPublishedExampleIsAccepted() {
        byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of("x-hub-signature-256",
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
        HmacWebhookSignature github = new HmacWebhookSignature("X-Hub-Signature-256", Optional.empty(),
                Duration.ofMinutes(5), Clock.systemUTC());

        assertThat(verify(github, body, headers, "It's a Secret to Everybody").accepted()).isTrue();
    }

    @Test
    void aGenuineSignatureIsAcceptedBareOrPrefixedInAnyCase() throws Exception {
        String signature = hmac(SECRET, new String(BODY, StandardCharsets.UTF_8));

        assertThat(verify(BODY_ONLY, BODY, Map.of("X-Signature", signature), SECRET).accepted()).isTrue();
        assertThat(verify(BODY_ONLY, BODY, Map.of("x-signature", "sha256=" + signature), SECRET).accepted()).isTrue();
        assertThat(verify(BODY_ONLY, BODY, Map.of("X-Signature", signature.toUpperCase()), SECRET).accepted())
                .isTrue();
        assertThat(verify(BODY_ONLY, BODY, Map.of("X-Signature", "sha256=" + "0".repeat(64) + ", sha256="
                + signature), SECRET).accepted()).as("a rotation: one of two matches").isTrue();
    }

    @Test
    void aForgedSignatureIsRejected() throws Exception {
        String signature = hmac(SECRET, new String(BODY, StandardCharsets.UTF_8));
        byte[] tampered = "{\"event\":\"order.created\",\"id\":\"ord-9999\"}".getBytes(StandardCharsets.UTF_8);

        HmacWebhookSignature.Verdict otherBody = verify(BODY_ONLY, tampered, Map.of("X-Signature", signature),
                SECRET);
        HmacWebhookSignature.Verdict otherSecret = verify(BODY_ONLY, BODY,
                Map.of("X-Signature", hmac("guessed-secret", new String(BODY, StandardCharsets.UTF_8))), SECRET);
        HmacWebhookSignature.Verdict missing = verify(BODY_ONLY, BODY, Map.of(), SECRET);
        HmacWebhookSignature.Verdict malformed = verify(BODY_ONLY, BODY, Map.of("X-Signature", "sha1=abc"), SECRET);
        HmacWebhookSignature.Verdict noSecret = verify(BODY_ONLY, BODY, Map.of("X-Signature", signature), "");

        assertThat(otherBody.accepted()).isFalse();
        assertThat(otherBody.reason()).contains("does not match").doesNotContain(signature);
        assertThat(otherSecret.accepted()).isFalse();
        assertThat(missing.reason()).contains("X-Signature header is missing");
        assertThat(malformed.reason()).contains("not a hex");
        assertThat(noSecret.accepted()).isFalse();
        assertThat(noSecret.reason()).doesNotContain(SECRET);
    }

    @Test
    void aTimestampedSignatureIsAcceptedWithinTheToleranceAndRejectedWhenStale() throws Exception {
        String body = new String(BODY, StandardCharsets.UTF_8);
        String fresh = String.valueOf(NOW.minusSeconds(60).getEpochSecond());
        String stale = String.valueOf(NOW.minusSeconds(600).getEpochSecond());
        String future = String.valueOf(NOW.plusSeconds(600).getEpochSecond());

        HmacWebhookSignature.Verdict accepted = verify(TIMESTAMPED, BODY, Map.of("X-Signature",
                hmac(SECRET, fresh + "." + body), "X-Signature-Timestamp", fresh), SECRET);
        HmacWebhookSignature.Verdict replayed = verify(TIMESTAMPED, BODY, Map.of("X-Signature",
                hmac(SECRET, stale + "." + body), "X-Signature-Timestamp", stale), SECRET);
        HmacWebhookSignature.Verdict early = verify(TIMESTAMPED, BODY, Map.of("X-Signature",
                hmac(SECRET, future + "." + body), "X-Signature-Timestamp", future), SECRET);
        HmacWebhookSignature.Verdict restamped = verify(TIMESTAMPED, BODY, Map.of("X-Signature",
                hmac(SECRET, stale + "." + body), "X-Signature-Timestamp", fresh), SECRET);
        HmacWebhookSignature.Verdict bodyOnly = verify(TIMESTAMPED, BODY, Map.of("X-Signature",
                hmac(SECRET, body), "X-Signature-Timestamp", fresh), SECRET);
        HmacWebhookSignature.Verdict noStamp = verify(TIMESTAMPED, BODY, Map.of("X-Signature",
                hmac(SECRET, fresh + "." + body)), SECRET);

        assertThat(accepted.accepted()).as(accepted.reason()).isTrue();
        assertThat(replayed.accepted()).isFalse();
        assertThat(replayed.reason()).contains("600 s").contains("replayed");
        assertThat(early.accepted()).isFalse();
        assertThat(restamped.accepted()).as("a new timestamp on an old signature").isFalse();
        assertThat(bodyOnly.accepted()).as("the timestamp must be signed").isFalse();
        assertThat(noStamp.accepted()).isFalse();
        assertThat(noStamp.reason()).contains("X-Signature-Timestamp");
    }

    @Test
    void signAgreesWithTheIndependentComputation() throws Exception {
        assertThat(HmacWebhookSignature.sign(SECRET, BODY)).isEqualTo(hmac(SECRET, new String(BODY,
                StandardCharsets.UTF_8)));
    }
}
