package dev.junction.engine.connectors;

/**
 * The answer of a connection test: whether it works and, when not, at which stage it failed, with a message a
 * person can act on ("the host sellingpartnerapi-eu.example does not resolve", "LWA refused the refresh token:
 * invalid_grant"). Never contains a secret.
 */
public record ConnectionCheck(Stage stage, String message) {

    public boolean ok() {
        return stage == Stage.OK;
    }

    public static ConnectionCheck ok(String message) {
        return new ConnectionCheck(Stage.OK, message);
    }

    public static ConnectionCheck failed(Stage stage, String message) {
        if (stage == Stage.OK) {
            throw new IllegalArgumentException("a failed check names the stage that failed");
        }
        return new ConnectionCheck(stage, message);
    }

    /** Where a connection test stopped. */
    public enum Stage {
        /** A setting is missing or malformed (no call was made). */
        SETTINGS,
        /** The host name does not resolve. */
        DNS,
        /** Nothing answers at the host and port (refused, unreachable, timed out). */
        CONNECT,
        /** The TLS handshake failed (certificate, protocol). */
        TLS,
        /** The remote system refused the credentials. */
        AUTH,
        /** The credentials are good but may not do what the connector needs. */
        PERMISSION,
        /** The remote system answered something unexpected. */
        REMOTE,
        OK
    }
}
