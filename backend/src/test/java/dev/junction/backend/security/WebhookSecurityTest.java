package dev.junction.backend.security;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.FilterChainProxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /hooks/*} runs outside Spring Security's filter chain (it was most of a webhook's CPU): its answers still
 * carry the security headers, and no path shaped like a webhook's reaches anything else of the application without
 * that thing's own authentication.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookSecurityTest {

    private static final String WEBHOOK_WORKFLOW = """
            {"schemaVersion": 1, "trigger": {"kind": "webhook", "config": {}},
             "nodes": [{"id": "shape", "type": "script", "name": "Shape", "config": {"code": "return {n: 1};"},
                        "position": {"x": 0, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "shape"}]}""";

    @LocalServerPort
    int port;

    @Autowired
    FilterChainProxy securityFilters;

    @Test
    void noSecurityFilterRunsForWebhooksButEveryOtherPathKeepsItsChain() {
        assertThat(securityFilters.getFilters("/hooks/" + UUID.randomUUID() + "/some-token")).isEmpty();
        assertThat(securityFilters.getFilters("/api/v1/workflows")).isNotEmpty();
        assertThat(securityFilters.getFilters("/actuator/env")).isNotEmpty();
    }

    @Test
    void everyWebhookAnswerCarriesTheSecurityHeaders() throws IOException {
        RunsApi api = new RunsApi(ApiClient.anonymous(port).as("admin", "test-admin-password"));
        String workflow = api.published("Webhook headers " + UUID.randomUUID(), WEBHOOK_WORKFLOW);
        String url = RunsApi.read(api.admin().get("/api/v1/workflows/" + workflow + "/webhook").body())
                .get("url").asString();
        String path = url.substring(url.indexOf("/hooks/"));

        List<Answer> answers = List.of(
                send("POST", path, "{\"n\": 1}"),                                    // 202
                send("POST", "/hooks/" + workflow + "/wrong-token", "{\"n\": 1}"),  // 404
                send("POST", path, "{not json"),                                     // 400
                send("GET", path, null));                                            // 405
        assertThat(answers).extracting(Answer::status).containsExactly(202, 404, 400, 405);
        for (Answer answer : answers) {
            assertThat(answer.headers()).as("answer %s", answer.status())
                    .containsEntry("content-security-policy", SecurityHeaders.API_POLICY)
                    .containsEntry("x-frame-options", "DENY")
                    .containsEntry("x-content-type-options", "nosniff")
                    .containsEntry("referrer-policy", "strict-origin-when-cross-origin")
                    .containsEntry("permissions-policy", SecurityHeaders.PERMISSIONS_POLICY)
                    .containsEntry("cache-control", "no-cache, no-store, max-age=0, must-revalidate")
                    .doesNotContainKey("set-cookie");
        }
    }

    @Test
    void noPathShapedLikeAWebhookReachesTheApiOrTheActuatorWithoutCredentials() throws IOException {
        List<String> targets = List.of("api/v1/users", "api/v1/workflows", "actuator/env", "actuator/beans");
        List<String> disguises = List.of("/hooks/../", "/hooks/%2e%2e/", "/hooks/%2E%2E/", "/hooks/..%2f",
                "/hooks/x/..;/..;/", "/hooks;/../", "/hooks/..\\", "/hooks//../", "/hooks/x/%2e%2e/%2e%2e/",
                "/hooks/%252e%252e/", "/hooks/.%2e/", "/hooks/..%5c");
        List<String> reached = new ArrayList<>();
        for (String target : targets) {
            for (String disguise : disguises) {
                for (String method : List.of("GET", "POST")) {
                    Answer answer = send(method, disguise + target, method.equals("POST") ? "{}" : null);
                    if (answer.status() < 400 || answer.body().contains("admin")) {
                        reached.add(method + " " + disguise + target + " → " + answer.status() + " " + answer.body());
                    }
                }
            }
        }
        assertThat(reached).as("answers that are not a refusal").isEmpty();
        assertThat(send("GET", "/api/v1/users", null).status()).isEqualTo(401);
        assertThat(send("GET", "/actuator/env", null).status()).isIn(401, 403);
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    /** Sends exactly this request line (an HTTP client would normalize the path). */
    private Answer send(String method, String rawPath, String json) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + rawPath + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n"
                    + (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                    + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            return new Answer(Integer.parseInt(lines[0].substring(9, 12)), headers, answer.substring(end + 4));
        }
    }
}
