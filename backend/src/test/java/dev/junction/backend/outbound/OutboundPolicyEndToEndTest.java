package dev.junction.backend.outbound;

import com.sun.net.httpserver.HttpServer;
import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbound address policy holds for a DESIGNER's notify webhook and an HTTP connection alike: a loopback address
 * outside the allow-list (127.0.0.2 — the tests allow only 127.0.0.1) is refused before anything reaches it — a
 * recorder listening there sees nothing — with a permanent step error and a connection test failing at stage
 * CONNECT; the app's own port is reachable over loopback only under its sandbox mount, not its API or actuator.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboundPolicyEndToEndTest {

    @LocalServerPort
    int port;

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer recorder;

    @BeforeEach
    void startRecorder() throws IOException {
        recorder = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        recorder.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        recorder.start();
    }

    @AfterEach
    void stopRecorder() {
        recorder.stop(0);
    }

    @Test
    void aNotifyWebhookToARefusedAddressFailsPermanentlyWithoutSendingAnything() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        RunsApi runs = new RunsApi(admin);
        String url = "http://127.0.0.2:" + recorder.getAddress().getPort() + "/steal";
        String workflow = runs.published("SSRF notify", """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [{"id": "tell", "type": "notify", "name": "Tell", "position": {"x": 200, "y": 0},
                            "config": {"channel": "webhook", "url": "%s", "message": "hello"}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "tell"}]}""".formatted(url));

        JsonNode run = runs.finished(runs.start(workflow, "{}"));

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("dead_lettered");
        JsonNode step = run.get("steps").get(0);
        assertThat(step.get("errorClass").asString()).as(step.toString()).isEqualTo("OutboundAddressRefused");
        assertThat(step.get("errorMessage").asString()).contains("127.0.0.2").contains("outbound address policy")
                .contains("JUNCTION_OUTBOUND_ALLOW");
        assertThat(run.get("steps")).as("refused once, not retried").hasSize(1);
        assertThat(seen).as("nothing reached the refused address").isEmpty();
    }

    @Test
    void aConnectionTestToARefusedAddressFailsAtTheConnectStage() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        HttpResponse<String> created = admin.post("/api/v1/connections", """
                {"id": "ssrf-http", "name": "SSRF HTTP", "connectorId": "http", "environment": "production",
                 "settings": {"baseUrl": "http://127.0.0.2:%d", "testPath": "/latest/meta-data"}}"""
                .formatted(recorder.getAddress().getPort()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        JsonNode check = RunsApi.read(admin.post("/api/v1/connections/ssrf-http/test", null).body());

        assertThat(check.get("ok").asBoolean()).isFalse();
        assertThat(check.get("stage").asString()).isEqualTo("CONNECT");
        assertThat(check.get("message").asString()).contains("127.0.0.2").contains("outbound address policy");
        assertThat(seen).isEmpty();
    }

    @Test
    void theAppsOwnPortIsReachableOnlyUnderItsSandboxMount() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        for (String[] connection : new String[][] {{"own-actuator", "/actuator/health"},
                {"own-api", "/api/v1/users"}, {"own-sandbox", "/sandbox/"}}) {
            HttpResponse<String> created = admin.post("/api/v1/connections", """
                    {"id": "%s", "name": "%s", "connectorId": "http", "environment": "production",
                     "settings": {"baseUrl": "http://127.0.0.2:%d", "testPath": "%s"}}"""
                    .formatted(connection[0], connection[0], port, connection[1]));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }

        JsonNode actuator = RunsApi.read(admin.post("/api/v1/connections/own-actuator/test", null).body());
        JsonNode api = RunsApi.read(admin.post("/api/v1/connections/own-api/test", null).body());
        JsonNode sandbox = RunsApi.read(admin.post("/api/v1/connections/own-sandbox/test", null).body());

        assertThat(actuator.get("message").asString()).as(actuator.toString()).contains("outbound address policy");
        assertThat(api.get("message").asString()).as(api.toString()).contains("outbound address policy");
        assertThat(sandbox.get("ok").asBoolean()).as(sandbox.toString()).isTrue();
    }
}
