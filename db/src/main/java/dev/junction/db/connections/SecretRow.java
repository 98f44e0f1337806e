package dev.junction.db.connections;

/** One sealed secret as stored (opaque bytes; only the vault can open them). */
public record SecretRow(String connectionId, String field, byte[] ciphertext, byte[] nonce, byte[] wrappedKey,
                        byte[] wrapNonce, String keyId) {

    @Override
    public String toString() {
        return "SecretRow[" + connectionId + "/" + field + ", keyId=" + keyId + "]";
    }
}
