package dev.junction.backend.workflows;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.runs.RunService;
import dev.junction.backend.runs.RunsApi;
import dev.junction.db.audit.AuditLogRepository;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.WorkflowDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "Run this step": one step of the working copy run alone on the designer's sample data (pinned samples, the last
 * run), by the interpreter the workers use, on sandbox connections only, and kept out of the run history.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StepTrialsTest {

    @LocalServerPort
    int port;
    @Autowired
    StepTrials trials;
    @Autowired
    WorkflowSampleService samples;
    @Autowired
    RunService runs;
    @Autowired
    AuditLogRepository auditLog;

    private RunsApi api;

    @BeforeEach
    void signIn() {
        api = new RunsApi(ApiClient.anonymous(port).as("admin", "test-admin-password"));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("dana",
                null, List.of(new SimpleGrantedAuthority("ROLE_DESIGNER"))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** trigger -> first -> second; {@code second} is what the tests run alone. */
    private static String chain(String secondType, String secondConfig) {
        return """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [
                   {"id": "first", "type": "script", "name": "First", "position": {"x": 200, "y": 0},
                    "config": {"code": "return {at: 'first', order: trigger.orderId};"}},
                   {"id": "second", "type": "%s", "name": "Second", "position": {"x": 400, "y": 0},
                    "config": %s}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "first"},
                           {"from": "first", "fromPort": "out", "to": "second"}]}""".formatted(secondType, secondConfig);
    }

    private static final String SECOND_SCRIPT = chain("script",
            "{\"code\": \"return {after: nodes.first.at, order: trigger.orderId};\"}");

    /** A workflow whose saved version 2 is {@code definition}. */
    private UUID saved(String definition) {
        HttpResponse<String> created = api.admin().post("/api/v1/workflows",
                "{\"name\": \"Step trial " + UUID.randomUUID() + "\"}");
        String id = RunsApi.read(created.body()).get("id").asString();
        HttpResponse<String> saved = api.admin().post("/api/v1/workflows/" + id + "/versions",
                "{\"baseVersion\": 1, \"definition\": " + definition + "}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        return UUID.fromString(id);
    }

    private static WorkflowDefinition read(String json) {
        return DefinitionJson.read(json);
    }

    @Test
    void aStepRunsAloneOnThePinnedSamplesUpstreamAndLeavesNoRunBehind() {
        UUID workflow = saved(SECOND_SCRIPT);
        samples.pin(workflow, "trigger", "out", Map.of("orderId", "P-1"));
        samples.pin(workflow, "first", "out", Map.of("at", "pinned first"));

        StepTrials.StepTrial trial = trials.run(workflow, read(SECOND_SCRIPT), "second", null);

        assertThat(trial.status()).as(trial.toString()).isEqualTo("succeeded");
        assertThat(trial.output()).isEqualTo(Map.of("after", "pinned first", "order", "P-1"));
        assertThat(trial.ports()).containsExactly("out");
        assertThat(trial.dataSource()).isEqualTo("pinned");
        JsonNode listed = RunsApi.read(api.admin().get("/api/v1/runs?workflowId=" + workflow).body());
        assertThat(listed.get("items")).as("no run in the history").isEmpty();
        assertThat(auditLog.forEntity("workflow", workflow.toString(), 10))
                .extracting(entry -> entry.action() + " " + entry.detailsJson().replaceAll("\\s", ""))
                .anySatisfy(entry -> assertThat(entry).startsWith("workflow.step-tried")
                        .contains("\"nodeId\":\"second\"").contains("\"status\":\"succeeded\""));
    }

    @Test
    void theWorkingCopyRunsOnTheLastRunsDataWithAPinTakingThePlaceOfWhatTheRunHad() {
        UUID workflow = saved(SECOND_SCRIPT);
        api.finished(runs.startTest(workflow, 2, Map.of("orderId", "R-1"), null).toString());
        // the working copy, changed since the run, is what runs
        String changed = chain("script", "{\"code\": \"return {seen: nodes.first, order: trigger.orderId + '!'};\"}");

        StepTrials.StepTrial fromRun = trials.run(workflow, read(changed), "second", null);
        samples.pin(workflow, "trigger", "out", Map.of("orderId", "P-2"));
        StepTrials.StepTrial withPin = trials.run(workflow, read(changed), "second", null);

        assertThat(fromRun.status()).as(fromRun.toString()).isEqualTo("succeeded");
        assertThat(fromRun.output()).isEqualTo(Map.of("seen", Map.of("at", "first", "order", "R-1"), "order", "R-1!"));
        assertThat(fromRun.dataSource()).isEqualTo("run");
        assertThat(withPin.output()).isEqualTo(Map.of("seen", Map.of("at", "first", "order", "R-1"), "order", "P-2!"));
        assertThat(withPin.dataSource()).isEqualTo("run+pinned");
    }

    @Test
    void aConnectorStepCallsItsSandboxConnectionForReal() {
        String definition = chain("connector", """
                {"connection": "amazon-sp-api-sandbox", "operation": "createFulfillmentOrder",
                 "input": {"sellerFulfillmentOrderId": "{{ trigger.orderId }}",
                           "displayableOrderId": "{{ trigger.orderId }}",
                           "displayableOrderDate": "2026-11-30T10:15:00Z",
                           "displayableOrderComment": "Thank you for your order",
                           "shippingSpeedCategory": "Standard",
                           "destinationAddress": {"name": "Ada Lovelace", "addressLine1": "1 Analytical Row",
                                                  "city": "London", "postalCode": "EC1A 1BB", "countryCode": "GB"},
                           "items": [{"sellerSku": "JN-MUG-001", "sellerFulfillmentOrderItemId": "line-1",
                                      "quantity": 1}]}}""");
        UUID workflow = saved(definition);
        String order = "TRIAL-" + UUID.randomUUID().toString().substring(0, 8);
        samples.pin(workflow, "trigger", "out", Map.of("orderId", order));

        StepTrials.StepTrial trial = trials.run(workflow, read(definition), "second", null);

        assertThat(trial.status()).as(trial.toString()).isEqualTo("succeeded");
        assertThat(trial.output().toString()).contains(order);
    }

    @Test
    void aStepThatFailsSaysWhyAndAStepOnAConnectionThatIsNotThereIsRefusedByItsField() {
        String failing = chain("script", "{\"code\": \"return nodes.first.missing.deeper;\"}");
        UUID workflow = saved(failing);
        samples.pin(workflow, "first", "out", Map.of("at", "pinned first"));

        StepTrials.StepTrial trial = trials.run(workflow, read(failing), "second", null);

        assertThat(trial.status()).isEqualTo("failed");
        assertThat(trial.message()).contains("deeper");
        String unknown = chain("connector", "{\"connection\": \"no-such-connection\", \"operation\": \"getOrders\","
                + " \"input\": {}}");
        assertThatThrownBy(() -> trials.run(workflow, read(unknown), "second", null))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.problems())
                        .extracting(problem -> problem.field() + ": " + problem.message())
                        .containsExactly("config.connection: must name a connection; 'no-such-connection' is not one"));
        String connection = "prod-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = api.admin().post("/api/v1/connections", """
                {"id": "%s", "name": "%s", "connectorId": "http", "environment": "production",
                 "settings": {"baseUrl": "http://127.0.0.1:%d"}}""".formatted(connection, connection, port));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String production = chain("connector", "{\"connection\": \"" + connection + "\", \"operation\": \"get\","
                + " \"input\": {}}");
        assertThatThrownBy(() -> trials.run(workflow, read(production), "second", null))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.problems())
                        .extracting(problem -> problem.field() + ": " + problem.message()).singleElement().asString()
                        .startsWith("config.connection: must be a sandbox connection"));
        assertThatThrownBy(() -> trials.run(workflow, read(failing), "nowhere", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nowhere");
    }
}
