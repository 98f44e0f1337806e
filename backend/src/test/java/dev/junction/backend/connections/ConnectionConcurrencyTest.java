package dev.junction.backend.connections;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.OrdersRemote;
import dev.junction.backend.runs.RunsApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection's {@code maxConcurrentCalls}: the remote never has more of its calls in flight than that, whatever the
 * node's worker count (four here), and the calls over the limit still run — later, without a failed attempt.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConnectionConcurrencyTest {

    @LocalServerPort
    int port;

    private OrdersRemote remote;

    @BeforeEach
    void startSlowRemote() throws IOException {
        remote = OrdersRemote.start(() -> Thread.sleep(300));
    }

    @AfterEach
    void stopRemote() {
        remote.close();
    }

    @Test
    void aConnectionNeverHasMoreCallsInFlightThanItsLimit() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        RunsApi runs = new RunsApi(admin);
        String workflow = remote.publishedSendWorkflow(runs, admin, "One at a time", "\"maxConcurrentCalls\": \"1\"");

        List<String> started = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            started.add(runs.start(workflow, "{}"));
        }
        for (String runId : started) {
            JsonNode run = runs.finished(runId);
            assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        }
        assertThat(remote.calls()).isEqualTo(4);
        assertThat(remote.mostInFlight()).as("calls in flight at once at the remote").isEqualTo(1);
    }

    @Test
    void aLimitThatIsNotAWholeNumberInRangeIsRefusedNamingTheSetting() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        for (String wrong : List.of("0", "10001", "two", "1.5")) {
            HttpResponse<String> refused = admin.post("/api/v1/connections", """
                    {"id": "wrong-limit-%s", "name": "Wrong limit %s", "connectorId": "http",
                     "environment": "production",
                     "settings": {"baseUrl": "http://127.0.0.1:1", "authKind": "none", "maxConcurrentCalls": "%s"},
                     "secrets": {}}""".formatted(UUID.randomUUID(), UUID.randomUUID(), wrong));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("settings.maxConcurrentCalls").contains("from 1 to 10000");
        }
    }
}
