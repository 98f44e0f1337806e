package dev.junction.backend.anomalies;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import dev.junction.db.workflows.WorkflowRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The anomaly flags over REST, computed from rollup rows seeded as weeks of history. */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnomalyApiTest {

    private static final String VIEWER_PASSWORD = "anomaly-viewer-password-1";

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;
    @Autowired
    WorkflowRepository workflows;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;
    private ApiClient viewer;
    private SeededRollups seeded;

    @BeforeEach
    void setUp() {
        if (users.findByUsername("anomaly-viewer").isEmpty()) {
            users.insert("anomaly-viewer", "Viewer", passwords.encode(VIEWER_PASSWORD), Set.of(Role.VIEWER));
        }
        viewer = ApiClient.anonymous(port).as("anomaly-viewer", VIEWER_PASSWORD);
        seeded = new SeededRollups(db);
    }

    private UUID workflow(String name) {
        return workflows.insert(name + " " + UUID.randomUUID(), "", "test").orElseThrow().id();
    }

    private static OffsetDateTime thisHour() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
    }

    @Test
    void twoEmptyHoursAfterFourSteadyWeeksAreADropWithItsSentence() {
        UUID orders = workflow("orders polled");
        OffsetDateTime hour = thisHour();
        seeded.steady(orders, hour.minusWeeks(4), hour.minusHours(2), 30);

        HttpResponse<String> response = viewer.get("/api/v1/anomalies?workflow=" + orders);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode flags = RunsApi.read(response.body());
        assertThat(flags).as(response.body()).hasSize(1);
        JsonNode flag = flags.get(0);
        assertThat(flag.get("metric").asString()).isEqualTo("volume");
        assertThat(flag.get("kind").asString()).isEqualTo("drop");
        assertThat(flag.get("severity").asString()).isEqualTo("critical");
        assertThat(flag.get("sentence").asString()).startsWith("orders polled ").contains(": 0 runs in the last ")
                .contains(" h, usually ");
        assertThat(flag.get("runsLink").asString()).startsWith("runs?workflow=" + orders + "&from=");
        // the whole list holds it too, among other workflows' flags
        assertThat(RunsApi.read(viewer.get("/api/v1/anomalies").body()))
                .anyMatch(any -> any.get("workflowId").asString().equals(orders.toString()));
    }

    @Test
    void aSteadyWorkflowHasNoFlags() {
        UUID steady = workflow("steady");
        OffsetDateTime hour = thisHour();
        seeded.steady(steady, hour.minusWeeks(4), hour, 30);

        HttpResponse<String> response = viewer.get("/api/v1/anomalies?workflow=" + steady);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(RunsApi.read(response.body())).as(response.body()).isEmpty();
    }

    @Test
    void aWorkflowThatIsNotAnIdOrDoesNotExistIsRefusedByName() {
        HttpResponse<String> notAnId = viewer.get("/api/v1/anomalies?workflow=orders");
        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(notAnId.body()).contains("workflow").contains("UUID");
        assertThat(viewer.get("/api/v1/anomalies?workflow=" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }
}
