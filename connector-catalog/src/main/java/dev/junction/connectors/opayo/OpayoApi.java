package dev.junction.connectors.opayo;

import dev.junction.connectors.http.RemoteHttp;
import dev.junction.connectors.http.RemoteResponse;
import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.json.PayloadJson;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Opayo Pi's JSON calls for one connection: HTTP Basic with the integration key and password (read for the call
 * only), or Bearer with a merchant session key for card identifiers. Answers the remote response as it is; the
 * caller decides what is a failure.
 */
final class OpayoApi {

    private final RemoteHttp http;
    private final OpayoSettings settings;
    private final ConnectionAccess connection;

    OpayoApi(RemoteHttp http, OpayoSettings settings, ConnectionAccess connection) {
        this.http = http;
        this.settings = settings;
        this.connection = connection;
    }

    OpayoSettings settings() {
        return settings;
    }

    RemoteResponse get(String path, Instant deadline) throws ConnectorException {
        return http.send(HttpRequest.newBuilder(settings.pi(path)).GET()
                .header("Authorization", basic()).header("Accept", "application/json"), deadline);
    }

    RemoteResponse post(String path, Map<String, Object> body, Instant deadline) throws ConnectorException {
        return send(path, body, basic(), deadline);
    }

    RemoteResponse postWithSessionKey(String path, Map<String, Object> body, String merchantSessionKey,
                                      Instant deadline) throws ConnectorException {
        return send(path, body, "Bearer " + merchantSessionKey, deadline);
    }

    private RemoteResponse send(String path, Map<String, Object> body, String authorization, Instant deadline)
            throws ConnectorException {
        return http.send(HttpRequest.newBuilder(settings.pi(path))
                .POST(HttpRequest.BodyPublishers.ofString(PayloadJson.write(body)))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json").header("Accept", "application/json"), deadline);
    }

    private String basic() throws ConnectorException {
        String key = connection.requiredSecret(OpayoSettings.INTEGRATION_KEY);
        String password = connection.requiredSecret(OpayoSettings.INTEGRATION_PASSWORD);
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
