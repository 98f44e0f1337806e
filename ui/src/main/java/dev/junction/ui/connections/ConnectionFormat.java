package dev.junction.ui.connections;

import dev.junction.backend.connections.ConnectionView;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.ui.shared.Times;

/** How connections show secret states and connection test failures to a person. */
final class ConnectionFormat {

    private ConnectionFormat() {
    }

    /** "API key: set 2 Dec 2026 14:03:00 by admin", or "API key: not set". */
    static String secretState(ConnectionView.SecretField secret) {
        return secretLabel(secret) + secretWhen(secret);
    }

    /** "API key: " — the secret's name as a person reads it. */
    static String secretLabel(ConnectionView.SecretField secret) {
        return (secret.label() == null ? secret.field() : secret.label()) + ": ";
    }

    /** "set 7 Dec 2026, 07:49:44 by admin" or "not set". */
    static String secretWhen(ConnectionView.SecretField secret) {
        return secret.set() ? "set " + Times.when(secret.setAt()) + " by " + secret.setBy() : "not set";
    }

    /** "Authentication failed (AUTH): the remote system refused the key". */
    static String failure(ConnectionCheck check) {
        String what = switch (check.stage()) {
            case SETTINGS -> "Settings incomplete";
            case DNS -> "Host not found";
            case CONNECT -> "No answer from the host";
            case TLS -> "Secure connection failed";
            case AUTH -> "Authentication failed";
            case PERMISSION -> "Permission denied";
            case REMOTE -> "Unexpected answer";
            case OK -> "Works";
        };
        return what + " (" + check.stage().name() + "): " + check.message();
    }
}
