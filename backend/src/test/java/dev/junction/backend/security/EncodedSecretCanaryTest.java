package dev.junction.backend.security;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.engine.json.PayloadJson;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets leak in no encoded form: a loopback remote echoes what it was sent — the {@code Authorization} header,
 * the credentials in it, each URL-encoded and in base64 (standard and URL-safe, with and without padding), and the
 * access token it issued — to HTTP connections with basic authentication and with OAuth client credentials. Then
 * step outputs, run pages, idempotency records (every table but the vault's), connection-test messages and mapping
 * samples are searched for every form of the secrets and of the obtained token: zero hits.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EncodedSecretCanaryTest {

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;

    private HttpServer remote;
    private final Set<String> issuedTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startEchoingRemote() throws IOException {
        remote = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        remote.createContext("/oauth/token", exchange -> {
            String token = "obtained-" + UUID.randomUUID() + "/+x";
            issuedTokens.add(token);
            answer(exchange, 200, Map.of("access_token", token, "token_type", "Bearer", "expires_in", 3600));
        });
        remote.createContext("/oauth/refuse", exchange -> answer(exchange, 401, Map.of("error", "invalid_client",
                "error_description", "refused " + exchange.getRequestHeaders().getFirst("Authorization"))));
        remote.createContext("/echo", exchange -> answer(exchange, 200, echo(exchange)));
        remote.createContext("/list", exchange -> answer(exchange, 200, Map.of("items", List.of(echo(exchange)))));
        remote.start();
    }

    @AfterEach
    void stopRemote() {
        remote.stop(0);
    }

    @Test
    void noEncodedFormOfASecretOrObtainedTokenIsKept() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        String password = "canary pw/+&=" + UUID.randomUUID();
        String clientSecret = "canary client?" + UUID.randomUUID();
        String base = "http://127.0.0.1:" + remote.getAddress().getPort();
        // sandbox: what is tested does not depend on the environment, and a production connection would gate publish on
        // its go-live checklist (docs/templates.md)
        ok(admin.post("/api/v1/connections", """
                {"id": "canary-basic", "name": "Canary basic", "connectorId": "http", "environment": "sandbox",
                 "settings": {"baseUrl": "%s", "authKind": "basic", "username": "canary-user", "testPath": "/echo",
                              "pollPath": "/list", "itemsPath": "items", "cursorParam": "since",
                              "keyPath": "user"},
                 "secrets": {"password": %s}}""".formatted(base, PayloadJson.write(password))));
        ok(admin.post("/api/v1/connections", """
                {"id": "canary-oauth", "name": "Canary OAuth", "connectorId": "http", "environment": "sandbox",
                 "settings": {"baseUrl": "%s", "authKind": "oauth2ClientCredentials", "tokenUrl": "%s/oauth/token",
                              "clientId": "canary-client", "testPath": "/echo"},
                 "secrets": {"clientSecret": %s}}""".formatted(base, base, PayloadJson.write(clientSecret))));
        ok(admin.post("/api/v1/connections", """
                {"id": "canary-oauth-refused", "name": "Canary OAuth refused", "connectorId": "http",
                 "environment": "sandbox",
                 "settings": {"baseUrl": "%s", "authKind": "oauth2ClientCredentials", "tokenUrl": "%s/oauth/refuse",
                              "clientId": "canary-client", "testPath": "/echo"},
                 "secrets": {"clientSecret": %s}}""".formatted(base, base, PayloadJson.write(clientSecret))));

        List<String> kept = new ArrayList<>();
        String refusedTest = admin.post("/api/v1/connections/canary-oauth-refused/test", null).body();
        assertThat(refusedTest).as("the refused test says what failed").contains("AUTH").contains("Basic ****");
        kept.add(refusedTest);
        kept.add(admin.post("/api/v1/connections/canary-basic/test", null).body());
        kept.add(admin.post("/api/v1/connections/canary-oauth/test", null).body());
        HttpResponse<String> sample = admin.post("/api/v1/mappings/sample",
                "{\"connection\": \"canary-basic\", \"operation\": \"poll\"}");
        assertThat(sample.statusCode()).as(sample.body()).isEqualTo(200);
        assertThat(sample.body()).as("the sample is the echo").contains("canary-user");
        kept.add(sample.body());

        RunsApi runs = new RunsApi(admin);
        String workflow = runs.published("Encoded canary", """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [
                   {"id": "basic", "type": "connector", "name": "Basic", "position": {"x": 200, "y": 0},
                    "config": {"connection": "canary-basic", "operation": "request",
                               "input": {"method": "POST", "path": "/echo", "body": {"n": 1}}}},
                   {"id": "oauth", "type": "connector", "name": "OAuth", "position": {"x": 400, "y": 0},
                    "config": {"connection": "canary-oauth", "operation": "request",
                               "input": {"method": "POST", "path": "/echo", "body": {"n": 2}}}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "basic"},
                           {"from": "basic", "fromPort": "out", "to": "oauth"}]}""");
        String runId = runs.start(workflow, "{}");
        JsonNode run = runs.finished(runId);
        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.toString()).as("the echo came back, blanked").contains("canary-user").contains("****");
        kept.add(run.toString());
        kept.add(admin.get("/api/v1/runs?workflowId=" + workflow).body());
        kept.add(admin.get("/api/v1/runs/" + runId).body());
        for (String table : db.fetch("select table_name from information_schema.tables where table_schema ="
                + " 'public' and table_type = 'BASE TABLE' and table_name <> 'connection_secrets'")
                .getValues(0, String.class)) {
            kept.add(db.fetch("select * from \"" + table + "\"").formatJSON());
        }

        assertThat(issuedTokens).as("the OAuth connection obtained tokens").isNotEmpty();
        Set<String> forms = new LinkedHashSet<>(forms(password));
        forms.addAll(forms(clientSecret));
        forms.addAll(forms("canary-user:" + password));
        forms.addAll(forms("canary-client:" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)));
        issuedTokens.forEach(token -> forms.addAll(forms(token)));
        String all = String.join("\n", kept);
        for (String form : forms) {
            assertThat(all).as("a form of a secret: " + form).doesNotContain(form);
        }
    }

    /** What the remote echoes: the Authorization header, its credentials, and each in every encoded form. */
    private static Map<String, Object> echo(HttpExchange exchange) {
        Map<String, Object> echo = new LinkedHashMap<>();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        echo.put("authorization", authorization);
        if (authorization != null && authorization.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            echo.put("user", pair.substring(0, pair.indexOf(':')));
            echo.put("password", forms(pair.substring(pair.indexOf(':') + 1)));
        } else if (authorization != null && authorization.startsWith("Bearer ")) {
            echo.put("token", forms(authorization.substring(7)));
        }
        return echo;
    }

    /** A value as is, URL-encoded, and in base64: standard and URL-safe, with and without padding. */
    private static List<String> forms(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return List.of(value, URLEncoder.encode(value, StandardCharsets.UTF_8),
                URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"),
                Base64.getEncoder().encodeToString(bytes), Base64.getEncoder().withoutPadding().encodeToString(bytes),
                Base64.getUrlEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = PayloadJson.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response.body();
    }
}
