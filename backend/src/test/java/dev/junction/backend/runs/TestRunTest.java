package dev.junction.backend.runs;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.db.audit.AuditLogRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.junction.backend.runs.RunExecutionTest.definition;
import static dev.junction.backend.runs.RunExecutionTest.edge;
import static dev.junction.backend.runs.RunExecutionTest.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Test runs of a saved version, published or not, and "run to here", through the real worker pool. */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TestRunTest {

    private static final String MANUAL = "{\"kind\": \"manual\", \"config\": {}}";

    @LocalServerPort
    int port;
    @Autowired
    RunService runs;
    @Autowired
    AuditLogRepository auditLog;

    private RunsApi api;

    @BeforeEach
    void signIn() {
        api = new RunsApi(ApiClient.anonymous(port).as("admin", "test-admin-password"));
        signedIn("dana", "DESIGNER");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signedIn(String name, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name,
                null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    /** A workflow whose version 2 is {@code definition}, saved and not published. */
    private UUID saved(String definition) {
        HttpResponse<String> created = api.admin().post("/api/v1/workflows",
                "{\"name\": \"Tested " + UUID.randomUUID() + "\"}");
        String id = RunsApi.read(created.body()).get("id").asString();
        HttpResponse<String> saved = api.admin().post("/api/v1/workflows/" + id + "/versions",
                "{\"baseVersion\": 1, \"definition\": " + definition + "}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        return UUID.fromString(id);
    }

    /** trigger -> first -> second -> third, each a script saying which it is. */
    private static final String CHAIN = definition(MANUAL,
            node("first", "script", "{\"code\": \"return {seen: trigger.orderId, at: 'first'};\"}") + ","
                    + node("second", "script", "{\"code\": \"return {at: 'second'};\"}") + ","
                    + node("third", "script", "{\"code\": \"return {at: 'third'};\"}"),
            edge("trigger", "out", "first") + "," + edge("first", "out", "second") + ","
                    + edge("second", "out", "third"));

    private static List<JsonNode> steps(JsonNode run, String nodeId) {
        List<JsonNode> steps = new ArrayList<>();
        run.get("steps").forEach(step -> {
            if (step.get("nodeId").asString().equals(nodeId)) {
                steps.add(step);
            }
        });
        return steps;
    }

    @Test
    void aTestRunOfAnUnpublishedVersionRunsItAllAndIsMarkedAsATest() {
        UUID workflow = saved(CHAIN);

        UUID runId = runs.startTest(workflow, 2, Map.of("orderId", "T-1"), null);
        JsonNode run = api.finished(runId.toString());

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("run").get("triggerKind").asString()).isEqualTo("test");
        assertThat(run.get("run").get("workflowVersion").asInt()).isEqualTo(2);
        assertThat(run.get("run").get("stopAfterNode").isNull()).isTrue();
        assertThat(steps(run, "first").getFirst().get("output").get("value").get("seen").asString()).isEqualTo("T-1");
        assertThat(steps(run, "third")).hasSize(1);
        JsonNode listed = RunsApi.read(api.admin().get("/api/v1/runs?workflowId=" + workflow).body());
        assertThat(listed.get("items").get(0).get("triggerKind").asString()).isEqualTo("test");
        assertThat(auditLog.forEntity(RunService.ENTITY, runId.toString(), 5))
                .extracting(entry -> entry.action() + " " + entry.detailsJson().replaceAll("\\s", ""))
                .singleElement().asString().startsWith("run.started").contains("\"trigger\":\"test\"")
                .contains("\"version\":2");
    }

    @Test
    void runToHereRunsTheNodesLeadingToTheStopNodeAndThenSucceeds() {
        UUID workflow = saved(CHAIN);

        JsonNode run = api.finished(runs.startTest(workflow, 2, Map.of("orderId", "T-2"), "second").toString());

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("run").get("stopAfterNode").asString()).isEqualTo("second");
        assertThat(steps(run, "first")).hasSize(1);
        assertThat(steps(run, "second")).hasSize(1);
        assertThat(steps(run, "third")).as("the stop node's successor does not run").isEmpty();
        assertThat(run.get("output").get("value").get("at").asString()).isEqualTo("second");
    }

    @Test
    void runToHereInsideAForEachBodyRunsEachItemUpToItAndNothingAfter() {
        UUID workflow = saved(definition(MANUAL,
                node("lines", "forEach", "{\"items\": \"trigger.lines\", \"concurrency\": 2}") + ","
                        + node("price", "script", "{\"code\": \"return {sku: vars.item.sku};\"}") + ","
                        + node("check", "script", "{\"code\": \"return 'checked';\"}") + ","
                        + node("tell", "notify", "{\"channel\": \"log\", \"message\": \"done\"}"),
                edge("trigger", "out", "lines") + "," + edge("lines", "body", "price") + ","
                        + edge("price", "out", "check") + "," + edge("check", "out", "lines") + ","
                        + edge("lines", "done", "tell")));

        JsonNode run = api.finished(runs.startTest(workflow, 2, Map.of("lines", List.of(Map.of("sku", "A"),
                Map.of("sku", "B"), Map.of("sku", "C"))), "price").toString());

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(steps(run, "price")).hasSize(3);
        assertThat(steps(run, "check")).isEmpty();
        assertThat(steps(run, "tell")).isEmpty();
        JsonNode items = steps(run, "lines").getLast().get("output").get("value").get("items");
        assertThat(items.get(2).get("sku").asString()).isEqualTo("C");
    }

    @Test
    void withoutAnInputTheRunStartsWithThePinnedTriggerSampleElseAnEmptyObject() {
        UUID workflow = saved(CHAIN);
        JsonNode empty = api.finished(runs.startTest(workflow, 2, null, "first").toString());
        assertThat(empty.get("input").get("value").size()).isZero();

        samples.pin(workflow, "trigger", "out", Map.of("orderId", "PINNED"));
        JsonNode run = api.finished(runs.startTest(workflow, 2, null, "first").toString());
        assertThat(steps(run, "first").getFirst().get("output").get("value").get("seen").asString())
                .isEqualTo("PINNED");
    }

    @Autowired
    dev.junction.backend.workflows.WorkflowSampleService samples;

    @Test
    void anUnknownVersionOrNodeATooLargeInputAndAViewerAreRefused() {
        UUID workflow = saved(CHAIN);

        assertThatThrownBy(() -> runs.startTest(workflow, 7, null, null)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no version 7");
        assertThatThrownBy(() -> runs.startTest(workflow, 2, null, "nope"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("untilNodeId");
        assertThatThrownBy(() -> runs.startTest(workflow, 2, Map.of("big", "x".repeat(RunService.TEST_INPUT_MAX_BYTES)),
                null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("input");
        signedIn("vic", "VIEWER");
        assertThatThrownBy(() -> runs.startTest(workflow, 2, null, null)).isInstanceOf(AccessDeniedException.class);
    }
}
