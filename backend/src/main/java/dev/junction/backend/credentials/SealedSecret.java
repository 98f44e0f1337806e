package dev.junction.backend.credentials;

/**
 * A secret as the vault stores it: the value encrypted with its own data key, and that data key wrapped by the
 * master key {@code keyId}. Both are AES-256-GCM with the owning connection and field as associated data.
 */
public record SealedSecret(byte[] ciphertext, byte[] nonce, byte[] wrappedKey, byte[] wrapNonce, String keyId) {

    @Override
    public String toString() {
        return "SealedSecret[keyId=" + keyId + "]";
    }
}
