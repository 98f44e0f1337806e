package dev.junction.backend.database;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.backend.testconnector.GatedConnector;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under a running Junction and comes back — a real PostgreSQL, stopped and started again on
 * its port and data directory. Meanwhile every trigger answers 503 with {@code Retry-After} and a problem detail
 * (never a redirect or a page), the API too (not 401 to valid credentials), health and readiness say DOWN; a step
 * that met the outage is not failed but runs again, and its run completes once the database is back, without a
 * replay; a webhook is then taken again.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.quartz.auto-startup=false", "spring.datasource.hikari.connection-timeout=1000",
                "junction.db.health-timeout=1s"})
@DirtiesContext // its database is stopped and removed after this class
class DatabaseOutageTest {

    private static final Path DATA = temporaryDirectory();
    private static final int DB_PORT = freePort();
    private static EmbeddedPostgres postgres = startPostgres();

    private static final String CHARGE = """
            {"schemaVersion": 1,
             "trigger": {"kind": "webhook", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [{"id": "charge", "type": "connector", "name": "Charge", "position": {"x": 200, "y": 0},
                        "config": {"connection": "gated-account", "operation": "charge",
                                   "input": {"order": "{{ trigger.order }}"}}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "charge"}]}""";

    private static final String OPAYO_NOTIFIED = """
            {"schemaVersion": 1,
             "trigger": {"kind": "webhook", "position": {"x": 0, "y": 0},
                         "config": {"verification": {"kind": "opayo-server", "connection": "opayo-pi-sandbox",
                                                     "redirectUrl": "https://shop.example/thanks"}}},
             "nodes": [{"id": "note", "type": "script", "name": "Note", "position": {"x": 200, "y": 0},
                        "config": {"code": "return {status: trigger.Status};"}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "note"}]}""";

    @DynamicPropertySource
    static void pointAtTheDatabase(DynamicPropertyRegistry properties) {
        properties.add("junction.db.url", () -> "jdbc:postgresql://localhost:" + DB_PORT + "/postgres");
        properties.add("junction.db.user", () -> "postgres");
        properties.add("junction.db.password", () -> "unused-by-trust-auth");
    }

    @AfterAll
    static void removeTheDatabase() throws IOException {
        postgres.close();
        try (Stream<Path> files = Files.walk(DATA)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void triggersAnswer503WhileTheDatabaseIsDownAndRunsCompleteOnceItIsBack() throws Exception {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        RunsApi runs = new RunsApi(admin);
        assertThat(admin.post("/api/v1/connections", """
                {"id": "gated-account", "name": "Gated", "connectorId": "gated", "environment": "sandbox",
                 "secrets": {"apiKey": "key-of-the-gated-account"}}""").statusCode()).isEqualTo(201);
        String charging = runs.published("Charge on webhook", CHARGE);
        String hook = hookOf(admin, charging);
        String opayoHook = hookOf(admin, runs.published("Opayo notifications", OPAYO_NOTIFIED));
        HttpResponse<String> token = admin.post("/api/v1/tokens", "{\"name\": \"outage\", \"expiresInDays\": 1}");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        String bearer = "Bearer " + RunsApi.read(token.body()).get("token").asString();
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);

        // a run whose step is in flight, about to read its secret through the vault, when the database goes
        GatedConnector.Gates gates = GatedConnector.Gates.armed();
        GatedConnector.NEXT.set(gates);
        HttpResponse<String> accepted = post(hook, "application/json", "{\"order\": \"A-1\"}", null);
        String inFlight = runId(accepted);
        assertThat(gates.entered().await(1, TimeUnit.MINUTES)).isTrue();

        postgres.close();
        gates.readSecret().countDown();
        assertThat(gates.failed().await(1, TimeUnit.MINUTES)).as("the vault read meets the outage").isTrue();

        assertUnavailable(post(hook, "application/json", "{\"order\": \"B-1\"}", null));
        assertUnavailable(post(hook, "application/json", "{\"order\": \"B-2\"}", "Idempotency-Key: B-2"));
        assertUnavailable(post(opayoHook, "application/x-www-form-urlencoded",
                "VPSProtocol=3.00&TxType=PAYMENT&VendorTxCode=C-1&VPSTxId=%7BX%7D&Status=OK&VPSSignature=00", null));
        assertUnavailable(admin.post("/api/v1/workflows/" + charging + "/runs", "{\"input\": {\"order\": \"D-1\"}}"));
        assertUnavailable(get("/api/v1/workflows", bearer));
        assertThat(get("/actuator/health", null).statusCode()).as("health says DOWN").isEqualTo(503);
        assertThat(get("/actuator/health/readiness", null).statusCode()).as("not ready").isEqualTo(503);
        assertThat(get("/actuator/health/liveness", null).statusCode()).as("still live").isEqualTo(200);

        // the database comes back before the failed step's outcome is committed
        postgres = startPostgres();
        for (int i = 0; i < 300 && get("/actuator/health/readiness", null).statusCode() != 200; i++) {
            RunsApi.sleep(100);
        }
        assertThat(get("/actuator/health/readiness", null).statusCode()).as("ready again").isEqualTo(200);
        // the application's pool reconnects on its own schedule (a few seconds at most): till then, 503s still
        for (int i = 0; i < 300 && get("/api/v1/workflows", bearer).statusCode() != 200; i++) {
            RunsApi.sleep(100);
        }
        assertThat(get("/api/v1/workflows", bearer).statusCode()).as("the API answers again").isEqualTo(200);
        gates.fail().countDown();

        JsonNode run = runs.finished(inFlight);
        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("run").get("replays").asInt()).isZero();
        assertThat(run.get("steps")).as("the outage is no attempt of the step").singleElement().satisfies(step -> {
            assertThat(step.get("status").asString()).isEqualTo("succeeded");
            assertThat(step.get("attempt").asInt()).isEqualTo(1);
        });
        assertThat(GatedConnector.CALLS.get(inFlight + ":charge").get()).as("the step ran again").isEqualTo(2);

        String after = runId(post(hook, "application/json", "{\"order\": \"E-1\"}", null));
        assertThat(runs.finished(after).get("run").get("status").asString()).isEqualTo("succeeded");
        assertThat(admin.get("/api/v1/workflows").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/workflows", bearer).statusCode()).isEqualTo(200);
    }

    private void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).as("Retry-After").hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Location")).isEmpty();
        JsonNode problem = RunsApi.read(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detail").asString()).contains("database").doesNotContain("Exception");
    }

    private static String runId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return RunsApi.read(response.body()).get("runId").asString();
    }

    private static String hookOf(ApiClient admin, String workflow) {
        return RunsApi.read(admin.get("/api/v1/workflows/" + workflow + "/webhook").body()).get("url").asString();
    }

    private HttpResponse<String> post(String url, String contentType, String body, String header) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (header != null) {
            String[] parts = header.split(": ", 2);
            request.header(parts[0], parts[1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** PostgreSQL on {@link #DATA} and {@link #DB_PORT}: created on the first start, kept across restarts. */
    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(DATA).setCleanDataDirectory(false).setPort(DB_PORT)
                    .setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(60)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("junction-outage-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
