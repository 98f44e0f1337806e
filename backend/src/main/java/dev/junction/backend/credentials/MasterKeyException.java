package dev.junction.backend.credentials;

/** The master key is missing, malformed, unreadable or not the one the stored secrets were sealed with. */
public class MasterKeyException extends RuntimeException {

    public MasterKeyException(String message) {
        super(message);
    }
}
