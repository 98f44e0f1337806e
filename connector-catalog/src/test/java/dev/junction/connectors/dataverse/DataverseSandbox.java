package dev.junction.connectors.dataverse;

import dev.junction.connectors.sandbox.SandboxControls;
import dev.junction.connectors.dataverse.sandbox.DataverseSimulator;
import dev.junction.connectors.sandbox.SandboxServer;
import dev.junction.connectors.testing.FixedConnection;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.json.PayloadJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A Dataverse simulator on a loopback port, the connector and a sandbox connection to it, for tests: calls go over
 * real HTTP; {@link #reset()} puts the seed data back and forgets tokens and faults.
 */
final class DataverseSandbox implements AutoCloseable {

    final DataverseSimulator simulator = new DataverseSimulator();
    final SandboxServer server;
    final DataverseConnector connector = new DataverseConnector();
    final String baseUrl;
    FixedConnection connection;

    DataverseSandbox() throws IOException {
        server = SandboxServer.start(0, List.of(simulator));
        baseUrl = server.url(simulator);
        connection = FixedConnection.sandbox(simulator, baseUrl);
    }

    void reset() {
        simulator.reset();
        connection = FixedConnection.sandbox(simulator, baseUrl);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> call(String operation, Map<String, Object> input) throws ConnectorException {
        return (Map<String, Object>) connector.invoke(connection.call(operation, input, "run-1/step-1/0"));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> call(String operation, Map<String, Object> input, String idempotencyKey)
            throws ConnectorException {
        return (Map<String, Object>) connector.invoke(connection.call(operation, input, idempotencyKey));
    }

    /** A call the engine marks as a possible repeat of its step (a retry, a re-claimed step, a replay). */
    @SuppressWarnings("unchecked")
    Map<String, Object> repeatedCall(String operation, Map<String, Object> input, String idempotencyKey)
            throws ConnectorException {
        return (Map<String, Object>) connector.invoke(connection.repeatedCall(operation, input, idempotencyKey));
    }

    ConnectorException failure(String operation, Map<String, Object> input) {
        ConnectorException failure = catchThrowableOfType(ConnectorException.class, () -> call(operation, input));
        if (failure == null) {
            throw new AssertionError(operation + " did not fail");
        }
        return failure;
    }

    void planFault(String operation, int status, Integer retryAfterSeconds, int times) throws Exception {
        String body = PayloadJson.write(retryAfterSeconds == null
                ? Map.of("operation", operation, "status", status, "times", times)
                : Map.of("operation", operation, "status", status, "times", times, "retryAfterSeconds",
                retryAfterSeconds));
        HttpResponse<String> answer = raw(HttpRequest.newBuilder(URI.create(baseUrl + "/_sandbox/faults"))
                .header(SandboxControls.TOKEN_HEADER, server.controlToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (answer.statusCode() != 201) {
            throw new AssertionError("the fault was not planned: " + answer.body());
        }
    }

    /** A token of the sandbox application, straight from the simulator's token endpoint. */
    String token() throws Exception {
        HttpResponse<String> answer = raw(HttpRequest.newBuilder(URI.create(baseUrl + "/"
                        + DataverseSimulator.TENANT_ID + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + DataverseSimulator.CLIENT_ID + "&client_secret=" + DataverseSimulator.CLIENT_SECRET
                        + "&scope=" + baseUrl + "/.default")));
        return (String) ((Map<?, ?>) PayloadJson.read(answer.body())).get("access_token");
    }

    HttpResponse<String> raw(HttpRequest.Builder request) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
