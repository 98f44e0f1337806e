package dev.junction.connectors.amazon;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A {@code sellerFulfillmentOrderId} derived from a step's idempotency key: the key itself when it is already a
 * valid id, else {@code jn-} and 37 hex digits of its SHA-256 — the same on every retry, at most 40 characters.
 */
final class SellerFulfillmentOrderIds {

    // UNCONFIRMED (api-contracts §1.5): which characters Amazon allows beyond "≤ 40 chars"; ids are derived from
    // letters, digits, '-' and '_' only
    static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private SellerFulfillmentOrderIds() {
    }

    static String from(String idempotencyKey) {
        if (VALID.matcher(idempotencyKey).matches()) {
            return idempotencyKey;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "jn-" + HexFormat.of().formatHex(digest).substring(0, 37);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
