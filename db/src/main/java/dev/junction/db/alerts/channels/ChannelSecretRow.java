package dev.junction.db.alerts.channels;

import java.util.UUID;

/** One sealed secret of an alert channel as stored (opaque bytes; only the vault can open them). */
public record ChannelSecretRow(UUID channelId, String field, byte[] ciphertext, byte[] nonce, byte[] wrappedKey,
                               byte[] wrapNonce, String keyId) {

    @Override
    public String toString() {
        return "ChannelSecretRow[" + channelId + "/" + field + ", keyId=" + keyId + "]";
    }
}
