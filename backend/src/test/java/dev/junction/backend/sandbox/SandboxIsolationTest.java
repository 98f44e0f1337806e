package dev.junction.backend.sandbox;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow simulated answers cannot take the threads that serve the UI, the API and webhooks: with only four container
 * threads, twelve simulator requests held back by the sandbox's longest latency are all in flight (on the sandbox's
 * own threads), four more over its cap are answered 503 at once — and meanwhile the health endpoint and the REST API
 * answer, before any held request has.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.tomcat.threads.max=4", "server.tomcat.threads.min-spare=4",
                "junction.sandbox.max-concurrent=12"})
class SandboxIsolationTest {

    private static final int CAP = 12;
    private static final int OVER = 4;

    @LocalServerPort
    int port;

    @Test
    void slowSimulatorRequestsLeaveTheAppsThreadsFree() throws Exception {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        HttpResponse<String> profile = admin.send("PUT", "/sandbox/opayo/_sandbox/faults/profile",
                "{\"latencyMillis\": 10000, \"operations\": [\"getTransaction\"]}", "application/json");
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
            for (int i = 0; i < CAP + OVER; i++) {
                held.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/sandbox/opayo/api/v1/transactions/T" + i)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            // the ones over the cap are refused at once; wait for those four
            while (held.stream().filter(CompletableFuture::isDone).count() < OVER) {
                Thread.sleep(10);
            }

            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> workflows = admin.get("/api/v1/workflows");
            long answeredMeanwhile = held.stream().filter(CompletableFuture::isDone).count();

            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(workflows.statusCode()).isEqualTo(200);
            assertThat(answeredMeanwhile).as("only the refused ones had an answer while the API answered")
                    .isEqualTo(OVER);
            List<Integer> statuses = held.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
            assertThat(statuses.stream().filter(status -> status == 503).count()).as(statuses.toString())
                    .isEqualTo(OVER);
            assertThat(statuses.stream().filter(status -> status == 401).count())
                    .as("the held ones got the simulator's answer (no credentials)").isEqualTo(CAP);
        } finally {
            admin.delete("/sandbox/opayo/_sandbox/faults/profile");
        }
    }
}
