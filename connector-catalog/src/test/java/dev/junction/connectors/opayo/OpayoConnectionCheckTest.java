package dev.junction.connectors.opayo;

import dev.junction.connectors.opayo.sandbox.OpayoSimulator;
import dev.junction.connectors.sandbox.SandboxServer;
import dev.junction.connectors.testing.FixedConnection;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.engine.connectors.ConnectionCheck.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Opayo connection test reports the stage that failed: settings, DNS, connect, TLS, authentication. */
class OpayoConnectionCheckTest {

    private static final OpayoSimulator SIMULATOR = new OpayoSimulator();
    private static SandboxServer sandbox;
    private final OpayoPiConnector connector = new OpayoPiConnector();

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxServer.start(0, List.of(SIMULATOR));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private FixedConnection sandboxConnection() {
        return FixedConnection.sandbox(SIMULATOR, sandbox.url(SIMULATOR));
    }

    @Test
    void theSandboxConnectionAuthenticates() {
        ConnectionCheck check = connector.test(sandboxConnection());

        assertThat(check.ok()).as(check.message()).isTrue();
        assertThat(check.message()).contains(OpayoSimulator.VENDOR_NAME);
    }

    @Test
    void aWrongPasswordFailsAtAuthenticationWithoutShowingIt() {
        ConnectionCheck check = connector.test(sandboxConnection()
                .withSecret("integrationPassword", "wrong-password-4711"));

        assertThat(check.stage()).isEqualTo(Stage.AUTH);
        assertThat(check.message()).contains("401").doesNotContain("wrong-password-4711");
    }

    @Test
    void missingOrMalformedSettingsFailBeforeAnyCall() {
        ConnectionCheck noVendor = connector.test(sandboxConnection().withSetting("vendorName", ""));
        ConnectionCheck noKey = connector.test(sandboxConnection().withSecret("integrationKey", ""));
        ConnectionCheck badUrl = connector.test(sandboxConnection().withSetting("baseUrl", "ftp://example/api"));
        ConnectionCheck badEnvironment = connector.test(sandboxConnection().withSetting("environment", "staging"));

        assertThat(noVendor.stage()).isEqualTo(Stage.SETTINGS);
        assertThat(noVendor.message()).contains("vendorName");
        assertThat(noKey.stage()).isEqualTo(Stage.SETTINGS);
        assertThat(noKey.message()).contains("integrationKey");
        assertThat(badUrl.stage()).isEqualTo(Stage.SETTINGS);
        assertThat(badUrl.message()).contains("baseUrl");
        assertThat(badEnvironment.stage()).isEqualTo(Stage.SETTINGS);
        assertThat(badEnvironment.message()).contains("staging");
    }

    @Test
    void aVendorNameOpayoDoesNotKnowIsASettingsFailure() {
        ConnectionCheck check = connector.test(sandboxConnection().withSetting("vendorName", "someoneelse"));

        assertThat(check.stage()).isEqualTo(Stage.SETTINGS);
        assertThat(check.message()).contains("someoneelse").contains("4000");
    }

    @Test
    void networkTroubleIsToldApartFromAuthentication() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ConnectionCheck unknownHost = connector.test(sandboxConnection()
                .withSetting("baseUrl", "http://no-such-host.invalid/api/v1"));
        ConnectionCheck refused = connector.test(sandboxConnection()
                .withSetting("baseUrl", "http://127.0.0.1:" + closed + "/api/v1"));
        ConnectionCheck plainHttpAsTls;
        try (ServerSocket plain = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> answerPlainText(plain));
            plainHttpAsTls = connector.test(sandboxConnection()
                    .withSetting("baseUrl", "https://127.0.0.1:" + plain.getLocalPort() + "/api/v1"));
        }

        assertThat(unknownHost.stage()).isEqualTo(Stage.DNS);
        assertThat(unknownHost.message()).contains("no-such-host.invalid");
        assertThat(refused.stage()).isEqualTo(Stage.CONNECT);
        assertThat(plainHttpAsTls.stage()).isEqualTo(Stage.TLS);
    }

    /** Answers the first connection in plain text, as a server that does not speak TLS would. */
    private static void answerPlainText(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        } catch (IOException closed) {
            // the test is over
        }
    }
}
