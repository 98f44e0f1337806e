package dev.junction.backend.credentials;

/** A secret could not be opened: wrong master key, tampered or misplaced ciphertext. Never carries the secret. */
public class VaultException extends RuntimeException {

    public VaultException(String message) {
        super(message);
    }
}
