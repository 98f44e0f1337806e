package dev.junction.backend.templates;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TPL-1's sample run: a template run on the sandbox sample through the engine answers each step's output, is kept
 * as the template's latest sample run for every user to read, leaves no workflow in the list, and its effect is in
 * the simulators only (the sample Amazon order became a Dataverse sales order).
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TemplateSampleRunTest {

    @LocalServerPort
    int port;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void aSampleRunShowsEachStepsOutputAndLeavesNoWorkflowBehind() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        if (users.findByUsername("sample-viewer").isEmpty()) {
            users.insert("sample-viewer", "Viewer", passwords.encode("sample-password-123"), Set.of(Role.VIEWER));
        }
        ApiClient viewer = ApiClient.anonymous(port).as("sample-viewer", "sample-password-123");
        String path = "/api/v1/templates/amazon-orders-to-dynamics/sample-run";

        assertThat(viewer.post(path, null).statusCode()).as("a viewer may not start one").isEqualTo(403);
        HttpResponse<String> ran = admin.post(path, null);
        assertThat(ran.statusCode()).as(ran.body()).isEqualTo(201);
        JsonNode sample = RunsApi.read(ran.body());
        assertThat(sample.get("status").asString()).as(ran.body()).isEqualTo("succeeded");
        assertThat(sample.get("templateVersion").asInt()).isEqualTo(1);
        List<String> nodes = new ArrayList<>();
        sample.get("steps").forEach(step -> nodes.add(step.get("nodeId").asString()));
        assertThat(nodes).contains("relevant", "status", "contact", "order");
        JsonNode order = null;
        for (JsonNode step : sample.get("steps")) {
            if (step.get("nodeId").asString().equals("order")) {
                order = step;
            }
        }
        assertThat(order).isNotNull();
        assertThat(order.get("status").asString()).isEqualTo("succeeded");
        assertThat(order.get("name").asString()).isNotBlank();
        assertThat(order.get("output").toString()).as("the upsert's output").contains("salesorderid");

        // every user reads the latest sample run
        HttpResponse<String> latest = viewer.get(path);
        assertThat(latest.statusCode()).as(latest.body()).isEqualTo(200);
        assertThat(RunsApi.read(latest.body()).get("runId").asString()).isEqualTo(sample.get("runId").asString());

        // the sample's workflow is archived: not in the list
        HttpResponse<String> listed = admin.get("/api/v1/workflows?search=Template%20sample");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(RunsApi.read(listed.body()).get("items")).isEmpty();

        // the sample Amazon order is in the Dataverse simulator
        JsonNode template = RunsApi.read(admin.get("/api/v1/templates/amazon-orders-to-dynamics").body());
        String amazonOrderId = template.get("template").get("sampleInput").get("AmazonOrderId").asString();
        assertThat(new SandboxRemotes(port, admin).salesOrder(amazonOrderId).get("name").asString())
                .contains(amazonOrderId);

        assertThat(admin.get("/api/v1/templates/nope/sample-run").statusCode()).isEqualTo(404);
    }
}
