package dev.junction.connectors.http;

import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.engine.connectors.ConnectionCheck.Stage;
import dev.junction.engine.connectors.ConnectorException;

/** Turns the failure of a connection test's call into the stage that failed and its message. */
public final class ConnectionChecks {

    private ConnectionChecks() {
    }

    /**
     * The stage a failure points at: a missing setting or secret, the name lookup, the connection (also an address
     * the outbound policy refuses), TLS, or — by the remote status — authentication (401, or {@code authStage}
     * errors such as LWA's {@code invalid_grant}), permission (403), anything else the remote answered.
     */
    public static ConnectionCheck failed(ConnectorException failure) {
        return ConnectionCheck.failed(stage(failure), failure.getMessage());
    }

    static Stage stage(ConnectorException failure) {
        return switch (failure.errorClass()) {
            case "MissingSetting", "MissingSecret", "InvalidSetting" -> Stage.SETTINGS;
            case "UnknownHost" -> Stage.DNS;
            case "TlsFailure" -> Stage.TLS;
            // refused by the outbound address policy: after the name lookup, before any connection
            case "Timeout", "ConnectionRefused", "ConnectionReset", "OutboundAddressRefused" -> Stage.CONNECT;
            case "AuthenticationFailed" -> Stage.AUTH;
            case "PermissionDenied" -> Stage.PERMISSION;
            default -> failure.remoteStatus() == null ? Stage.REMOTE : switch (failure.remoteStatus()) {
                case 401 -> Stage.AUTH;
                case 403 -> Stage.PERMISSION;
                default -> Stage.REMOTE;
            };
        };
    }
}
