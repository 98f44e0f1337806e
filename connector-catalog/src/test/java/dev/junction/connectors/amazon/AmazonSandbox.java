package dev.junction.connectors.amazon;

import dev.junction.connectors.sandbox.SandboxControls;
import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import dev.junction.connectors.sandbox.SandboxServer;
import dev.junction.connectors.testing.FixedConnection;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.OperationCall;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The SP-API simulator on a loopback port with a connector and a sandbox connection to it, for tests. */
final class AmazonSandbox implements AutoCloseable {

    final SpApiSimulator simulator = new SpApiSimulator();
    final SandboxServer server;
    final AmazonSpApiConnector connector = new AmazonSpApiConnector();

    AmazonSandbox() throws IOException {
        server = SandboxServer.start(0, List.of(simulator));
    }

    String url() {
        return server.url(simulator);
    }

    /** A fresh sandbox connection (its own token cache entry). */
    FixedConnection connection() {
        return FixedConnection.sandbox(simulator, url());
    }

    Object invoke(FixedConnection connection, String operation, Map<String, Object> input) throws ConnectorException {
        return connector.invoke(connection.call(operation, input, "test-" + operation));
    }

    Object invoke(FixedConnection connection, String operation, Map<String, Object> input, String idempotencyKey,
                  Instant deadline) throws ConnectorException {
        return connector.invoke(new OperationCall(connection, operation, input, idempotencyKey, deadline));
    }

    /** A call with {@code possibleRepeat} as the engine would mark it (false: the step's first call). */
    Object invoke(FixedConnection connection, String operation, Map<String, Object> input, String idempotencyKey,
                  boolean possibleRepeat) throws ConnectorException {
        return connector.invoke(new OperationCall(connection, operation, input, idempotencyKey,
                Instant.now().plusSeconds(10), possibleRepeat));
    }

    /** Plans a fault through the sandbox's HTTP control, as a person trying a workflow would. */
    void plan(String faultJson) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url() + "/_sandbox/faults"))
                .header(SandboxControls.TOKEN_HEADER, server.controlToken())
                .POST(HttpRequest.BodyPublishers.ofString(faultJson)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("planning the fault failed: " + response.body());
        }
    }

    /** Calls a simulator control ({@code /amazon/_sandbox/…}) over HTTP; answers the response body. */
    String control(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url() + "/_sandbox/" + path))
                .header(SandboxControls.TOKEN_HEADER, server.controlToken())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the control " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        server.close();
    }
}
