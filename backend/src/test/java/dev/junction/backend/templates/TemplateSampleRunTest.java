package dev.junction.backend.templates;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunService;
import dev.junction.backend.runs.RunsApi;
import dev.junction.db.templates.SampleRunRepository;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
    @Autowired
    TemplateService templateService;
    @Autowired
    RunService runService;
    @Autowired
    SampleRunRepository sampleRunStore;
    @Autowired
    SampleCleanUp cleanUp;
    @Autowired
    TemplateSampleRuns sampleRuns;

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

        // the result is stored, not held in memory: a new instance (as after a restart) reads it
        TemplateSampleRuns afterRestart = new TemplateSampleRuns(templateService, runService, sampleRunStore, cleanUp);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "sample-viewer", null, List.of(new SimpleGrantedAuthority("ROLE_VIEWER"))));
        try {
            SampleRun stored = afterRestart.latest("amazon-orders-to-dynamics").orElseThrow();
            assertThat(stored.runId().toString()).isEqualTo(sample.get("runId").asString());
            assertThat(stored.status()).isEqualTo("succeeded");
            assertThat(stored.steps()).extracting(SampleRun.Step::nodeId).contains("relevant", "order");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theOrderToFulfilmentSampleRunsAgainOnItsShortSampleWaits() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        String path = "/api/v1/templates/fba-opayo/sample-run";

        // with the install's defaults the sample waits 10 minutes (cancellation window) and checks the shipment every
        // 15: the POST would answer "running" after TemplateSampleRuns.WAIT. Its sample-run parameters are 1 second.
        JsonNode first = RunsApi.read(admin.post(path, null).body());
        JsonNode second = RunsApi.read(admin.post(path, null).body());

        List<String> orderIds = new ArrayList<>();
        for (JsonNode sample : List.of(first, second)) {
            assertThat(sample.get("status").asString()).as(sample.toString()).isEqualTo("succeeded");
            JsonNode fulfil = step(sample, "fulfil");
            assertThat(step(sample, "pay").get("status").asString()).isEqualTo("succeeded");
            assertThat(step(sample, "window").get("status").asString()).isEqualTo("succeeded");
            assertThat(step(sample, "release").get("status").asString()).isEqualTo("succeeded");
            assertThat(step(sample, "shopShipped").get("status").asString()).isEqualTo("succeeded");
            orderIds.add(fulfil.get("output").get("sellerFulfillmentOrderId").asString());
        }
        // the sample's order id (the Opayo vendorTxCode and the MCF order id) is made unique for each run
        assertThat(orderIds).allMatch(id -> id.matches("SHOP-1001-[0-9a-f]{8}")).doesNotHaveDuplicates();
    }

    @Test
    void aTemplatesSampleRunSetupIsChecked() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        String id = "sample-setup-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> refused = admin.post("/api/v1/templates", """
                {"id": "%s", "version": 1, "name": "Sample setup", "description": "Greets.",
                 "connectors": [], "requirements": [],
                 "parameters": [{"key": "greeting", "label": "Greeting", "type": "string", "defaultValue": "Hi"},
                                {"key": "times", "label": "Times", "type": "integer", "defaultValue": 1}],
                 "definition": {"schemaVersion": 1,
                   "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                   "nodes": [{"id": "greet", "type": "script", "name": "Greet", "position": {"x": 200, "y": 0},
                              "config": {"code": "return {greeting: '${parameter.greeting}'};"}}],
                   "edges": [{"from": "trigger", "to": "greet"}]},
                 "sampleInput": {"orderId": "A-1", "amount": 5},
                 "sampleRun": {"parameters": {"times": "often", "colour": "red"},
                               "uniqueFields": ["orderId", "amount", "nope"]}}""".formatted(id));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("sampleRun.parameters.times").contains("must be a whole number")
                .contains("sampleRun.parameters.colour").contains("is not a parameter of the template")
                .contains("sampleRun.uniqueFields[1]").contains("sampleRun.uniqueFields[2]")
                .doesNotContain("sampleRun.uniqueFields[0]");
        assertThat(admin.get("/api/v1/templates/" + id).statusCode()).as("nothing stored").isEqualTo(404);
    }

    private static JsonNode step(JsonNode sample, String nodeId) {
        for (JsonNode step : sample.get("steps")) {
            if (step.get("nodeId").asString().equals(nodeId)) {
                return step;
            }
        }
        throw new AssertionError("no step " + nodeId + " in " + sample);
    }

    @Test
    void aSampleRunRemovesTheMappingsAndLookupTablesItsInstallCreated() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        String id = "sampled-" + UUID.randomUUID().toString().substring(0, 8);
        uploadColourTemplate(admin, id);

        HttpResponse<String> ran = admin.post("/api/v1/templates/" + id + "/sample-run", null);
        assertThat(ran.statusCode()).as(ran.body()).isEqualTo(201);
        JsonNode sample = RunsApi.read(ran.body());
        assertThat(sample.get("status").asString()).as(ran.body()).isEqualTo("succeeded");
        assertThat(sample.get("steps").get(0).get("output").toString()).contains("\"code\":\"R\"");

        // the sample's mapping and lookup table were there for the run, and are gone after it
        assertThat(admin.get("/api/v1/mappings").body()).doesNotContain("Colour of " + id);
        assertThat(admin.get("/api/v1/lookup-tables").body()).doesNotContain("colours-" + id);
        // an install of the template then creates them as its own
        JsonNode installed = new TemplateApi(admin).install(id, "{}");
        assertThat(installed.get("lookupTables").toString()).contains("colours-" + id);
        assertThat(admin.get("/api/v1/mappings").body()).contains("Colour of " + id);
    }

    /** Uploads a template with one stored mapping that reads one lookup table, both named after {@code id}. */
    private static void uploadColourTemplate(ApiClient admin, String id) {
        HttpResponse<String> uploaded = admin.post("/api/v1/templates", """
                {"id": "%1$s", "version": 1, "name": "Sampled %1$s", "description": "Looks a colour up.",
                 "connectors": [], "requirements": [], "parameters": [],
                 "definition": {"schemaVersion": 1,
                   "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                   "nodes": [{"id": "map", "type": "map", "name": "Colour code", "config": {"mapping": "${mapping.colour}"},
                              "position": {"x": 250, "y": 0}}],
                   "edges": [{"from": "trigger", "fromPort": "out", "to": "map"}]},
                 "sampleInput": {"colour": "red"},
                 "mappings": [{"key": "colour", "name": "Colour of %1$s", "description": "colour to code",
                               "definition": {"schemaVersion": 1, "rules": [
                                 {"target": "code", "from": "colour", "lookup": "colours-%1$s"}]}}],
                 "lookupTables": [{"name": "colours-%1$s", "description": "colour codes", "missingKey": "error",
                                   "keyLabel": "colour", "valueLabel": "code", "entries": {"red": "R"}}]}
                """.formatted(id));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    }

    @Test
    void whatASampleCreatedIsKeptWhenATemplateWasInstalledWhileItRan() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        String id = "sampled-" + UUID.randomUUID().toString().substring(0, 8);
        uploadColourTemplate(admin, id);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            SampleRun started = sampleRuns.start(id);
            // a user installs the template while the sample runs: the install reuses the sample's mapping and table
            JsonNode installed = new TemplateApi(admin).install(id, "{}");
            assertThat(installed.get("lookupTables")).isEmpty();
            new RunsApi(admin).finished(started.runId().toString());
            assertThat(sampleRuns.refresh(started).status()).isEqualTo("succeeded");
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(admin.get("/api/v1/mappings").body()).contains("Colour of " + id);
        assertThat(admin.get("/api/v1/lookup-tables").body()).contains("colours-" + id);
    }
}
