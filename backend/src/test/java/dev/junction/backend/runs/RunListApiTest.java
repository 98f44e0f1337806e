package dev.junction.backend.runs;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.testconnector.TestShop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.junction.backend.runs.RunExecutionTest.definition;
import static dev.junction.backend.runs.RunExecutionTest.edge;
import static dev.junction.backend.runs.RunExecutionTest.node;
import static org.assertj.core.api.Assertions.assertThat;

/** The runs list's filters over REST, and its CSV twin. */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RunListApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestShop shop;

    private RunsApi api;
    private String workflow;
    private final List<String> succeeded = new ArrayList<>();
    private String refused;

    @BeforeEach
    void threeRunsOneRefused() {
        api = new RunsApi(ApiClient.anonymous(port).as("admin", "test-admin-password"));
        workflow = api.published("Orders to shop " + UUID.randomUUID(), definition(RunExecutionTest.MANUAL,
                node("send", "connector", "{\"connection\": \"test-shop\", \"operation\": \"createOrder\","
                        + " \"input\": {\"sku\": \"A-1\", \"note\": \"x\"}}"),
                edge("trigger", "out", "send")));
        try {
            shop.rejectAll = false;
            succeeded.add(api.start(workflow, "{\"orderId\": \"ok, \\\"first\\\"\"}"));
            succeeded.add(api.start(workflow, "{\"orderId\": \"ok-2\"}"));
            succeeded.forEach(api::finished);
            shop.rejectAll = true;
            refused = api.start(workflow, "{\"orderId\": \"refused-1\"}");
            api.finished(refused);
        } finally {
            shop.rejectAll = false;
        }
    }

    @Test
    void everyFilterOfTheRunsListNarrowsTheApiList() {
        assertThat(ids("connection=test-shop")).containsExactlyInAnyOrder(refused, succeeded.get(0), succeeded.get(1));
        assertThat(ids("connection=sp-sandbox")).isEmpty();
        assertThat(ids("category=validation")).containsExactly(refused);
        assertThat(ids("category=RATE_LIMIT")).isEmpty();
        assertThat(ids("errorClass=RemoteValidation")).containsExactly(refused);
        assertThat(ids("version=2&trigger=manual")).hasSize(3);
        assertThat(ids("version=1")).isEmpty();
        assertThat(ids("trigger=webhook")).isEmpty();
        assertThat(ids("status=DEAD_LETTERED,failed")).containsExactly(refused);
        assertThat(ids("businessKey=ok-2")).containsExactly(succeeded.get(1));
    }

    @Test
    void wrongFiltersAreNamedInTheProblem() {
        HttpResponse<String> response = api.admin().get("/api/v1/runs?category=weather&version=first");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = RunsApi.read(response.body());
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("category", "version");
        assertThat(api.admin().get("/api/v1/runs/export.csv?category=weather").statusCode()).isEqualTo(400);
    }

    @Test
    void theExportHasAHeaderAndOneRowPerMatchingRunWithoutPayloads() {
        HttpResponse<String> all = api.admin().get("/api/v1/runs/export.csv?workflowId=" + workflow);

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/csv"));
        assertThat(all.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment").contains(".csv"));
        List<String> lines = all.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo(String.join(",", RunsCsv.HEADER));
        assertThat(lines).hasSize(4);
        assertThat(all.body()).contains("\"ok, \"\"first\"\"\"").doesNotContain("A-1");

        List<String> refusedOnly = api.admin().get("/api/v1/runs/export.csv?workflowId=" + workflow
                + "&category=validation").body().lines().toList();
        assertThat(refusedOnly).hasSize(2);
        assertThat(refusedOnly.get(1)).startsWith(refused + ",").contains(",dead_lettered,RemoteValidation,validation,");
    }

    private List<String> ids(String filters) {
        HttpResponse<String> response = api.admin().get("/api/v1/runs?workflowId=" + workflow + "&" + filters);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        RunsApi.read(response.body()).get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
