package dev.junction.backend.templates;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import dev.junction.connectors.dataverse.sandbox.DataverseSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static dev.junction.backend.runs.RunsApi.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates over REST besides running them: the gallery and preview; install refusals naming the field; two
 * Amazon accounts installed twice; the wizard's resumable draft; the go-live checklist gating the publish of an
 * installed workflow; an upgrade to a newer template version by three-way merge (counts, conflicts, apply); save
 * as template with connections turned into requirements and secrets stripped; import fix-up of unknown connections.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TemplateLifecycleTest {

    @LocalServerPort
    int port;

    private ApiClient admin() {
        return ApiClient.anonymous(port).as("admin", "test-admin-password");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theGalleryFiltersByConnectorAndTextAndThePreviewIsInstalledOnTheSandbox() {
        ApiClient admin = admin();
        String opayo = admin.get("/api/v1/templates?connector=opayo-pi").body();
        assertThat(opayo).contains("\"id\":\"fba-opayo\"").contains("\"id\":\"amazon-refund-to-opayo\"")
                .doesNotContain("\"id\":\"amazon-orders-to-dynamics\"");
        assertThat(admin.get("/api/v1/templates?q=tracking").body()).contains("\"id\":\"dynamics-orders-to-fba\"")
                .doesNotContain("\"id\":\"amazon-refund-to-opayo\"");
        JsonNode detail = read(admin.get("/api/v1/templates/fba-opayo").body());
        assertThat(detail.get("previewDefinition").toString()).contains("\"connection\":\"opayo-pi-sandbox\"")
                .doesNotContain("${");
        assertThat(detail.get("template").get("requirements")).hasSize(3);
        assertThat(admin.get("/api/v1/templates/no-such-template").statusCode()).isEqualTo(404);
    }

    @Test
    void anInstallWithAConnectionOfAnotherConnectorOrABadParameterIsRefusedNamingTheField() {
        HttpResponse<String> wrong = admin().post("/api/v1/templates/fba-opayo/install",
                "{\"connections\": {\"amazon\": \"opayo-pi-sandbox\", \"nope\": \"x\"},"
                        + " \"parameters\": {\"currency\": \"XYZ\"}}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(wrong.body()).contains("connections.amazon").contains("amazon-sp-api")
                .contains("connections.nope").contains("parameters.currency").contains("XYZ");
    }

    @Test
    void twoAmazonAccountsAreTwoInstallsOnTheirOwnConnections() {
        ApiClient admin = admin();
        String second = "amazon-second-" + suffix();
        JsonNode sandbox = read(admin.get("/api/v1/connections/amazon-sp-api-sandbox").body());
        ObjectNode settings = (ObjectNode) sandbox.get("settings");
        HttpResponse<String> created = admin.post("/api/v1/connections", "{\"id\": \"" + second + "\", \"name\":"
                + " \"Amazon second seller " + second + "\", \"connectorId\": \"amazon-sp-api\", \"environment\":"
                + " \"sandbox\", \"settings\": " + settings + ", \"secrets\": {\"lwaClientSecret\": \""
                + SpApiSimulator.CLIENT_SECRET + "\", \"refreshToken\": \"" + SpApiSimulator.REFRESH_TOKEN + "\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        TemplateApi templates = new TemplateApi(admin);
        JsonNode first = templates.install("amazon-orders-to-dynamics", "{\"workflowName\": \""
                + TemplateApi.unique("Seller one") + "\", \"parameters\": {\"schedule\": \"0 0 3 1 1 ? 2099\"}}");
        JsonNode other = templates.install("amazon-orders-to-dynamics", "{\"workflowName\": \""
                + TemplateApi.unique("Seller two") + "\", \"connections\": {\"amazon\": \"" + second + "\"},"
                + " \"parameters\": {\"schedule\": \"0 0 3 1 1 ? 2099\"}}");
        assertThat(other.get("problems")).isEmpty();
        JsonNode one = read(admin.get("/api/v1/workflows/" + first.get("workflowId").asString() + "/template").body());
        JsonNode two = read(admin.get("/api/v1/workflows/" + other.get("workflowId").asString() + "/template").body());
        assertThat(one.get("connections").get("amazon").asString()).isEqualTo("amazon-sp-api-sandbox");
        assertThat(two.get("connections").get("amazon").asString()).isEqualTo(second);
        assertThat(two.get("templateVersion").asInt()).isEqualTo(1);
        assertThat(two.get("baseDefinition").get("trigger").get("config").get("connection").asString())
                .isEqualTo(second);
    }

    @Test
    void theWizardDraftIsResumedAndCompletedByTheInstall() {
        ApiClient admin = admin();
        HttpResponse<String> created = admin.post("/api/v1/templates/drafts", "{\"templateId\": \"fba-opayo\","
                + " \"step\": \"connections\", \"connections\": {\"opayo\": \"opayo-pi-sandbox\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String draftId = read(created.body()).get("id").asString();
        HttpResponse<String> updated = admin.send("PUT", "/api/v1/templates/drafts/" + draftId,
                "{\"step\": \"parameters\", \"parameters\": {\"currency\": \"EUR\"}}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode resumed = read(admin.get("/api/v1/templates/drafts/" + draftId).body());
        assertThat(resumed.get("step").asString()).isEqualTo("parameters");
        assertThat(resumed.get("connections").get("opayo").asString()).isEqualTo("opayo-pi-sandbox");
        assertThat(resumed.get("parameters").get("currency").asString()).isEqualTo("EUR");
        assertThat(admin.get("/api/v1/templates/drafts").body()).contains(draftId);

        JsonNode installed = new TemplateApi(admin).install("fba-opayo", "{\"draftId\": \"" + draftId + "\","
                + " \"workflowName\": \"" + TemplateApi.unique("From a draft") + "\", \"parameters\":"
                + " {\"currency\": \"EUR\"}}");
        JsonNode done = read(admin.get("/api/v1/templates/drafts/" + draftId).body());
        assertThat(done.get("workflowId").asString()).isEqualTo(installed.get("workflowId").asString());
        assertThat(done.get("testInput").isNull()).as("no test input edited yet: the template's sample").isTrue();

        // the wizard's test step keeps the test input as it is edited; a change of something else keeps it
        HttpResponse<String> edited = admin.send("PUT", "/api/v1/templates/drafts/" + draftId,
                "{\"step\": \"test\", \"testInput\": {\"shopOrderId\": \"ord-1000\", \"orderId\": \"SHOP-42\"}}");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        admin.send("PUT", "/api/v1/templates/drafts/" + draftId, "{\"step\": \"publish\"}");
        JsonNode kept = read(admin.get("/api/v1/templates/drafts/" + draftId).body());
        assertThat(kept.get("step").asString()).isEqualTo("publish");
        assertThat(kept.get("testInput").get("orderId").asString()).isEqualTo("SHOP-42");
        assertThat(kept.get("testInput").get("shopOrderId").asString()).isEqualTo("ord-1000");
        assertThat(kept.get("testInput").toString()).as("the user's text: keys in the order they wrote them")
                .isEqualTo("{\"shopOrderId\":\"ord-1000\",\"orderId\":\"SHOP-42\"}");
        assertThat(kept.get("workflowId").asString()).isEqualTo(installed.get("workflowId").asString());
        assertThat(admin.get("/api/v1/templates/drafts").body()).doesNotContain(draftId);
        assertThat(admin.send("PUT", "/api/v1/templates/drafts/" + UUID.randomUUID(), "{}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void anInstalledWorkflowIsPublishedOnlyOnceTheRequiredChecklistItemsAreDone() {
        ApiClient admin = admin();
        String dynamics = "dataverse-untested-" + suffix();
        JsonNode sandbox = read(admin.get("/api/v1/connections/dataverse-sandbox").body());
        assertThat(admin.post("/api/v1/connections", "{\"id\": \"" + dynamics + "\", \"name\": \"Dynamics "
                + dynamics + "\", \"connectorId\": \"dataverse\", \"environment\": \"sandbox\", \"settings\": "
                + sandbox.get("settings") + ", \"secrets\": {\"clientSecret\": \"" + DataverseSimulator.CLIENT_SECRET
                + "\"}}").statusCode()).isEqualTo(201);
        TemplateApi templates = new TemplateApi(admin);
        JsonNode installed = templates.install("amazon-orders-to-dynamics", "{\"workflowName\": \""
                + TemplateApi.unique("Gated") + "\", \"connections\": {\"dynamics\": \"" + dynamics + "\"},"
                + " \"parameters\": {\"schedule\": \"0 0 3 1 1 ? 2099\"}}");
        String workflowId = installed.get("workflowId").asString();

        JsonNode readiness = templates.readiness(workflowId);
        assertThat(readiness.get("gated").asBoolean()).isTrue();
        assertThat(readiness.get("ready").asBoolean()).isFalse();
        assertThat(item(readiness, "connections-tested").get("done").asBoolean()).isFalse();
        assertThat(item(readiness, "connections-tested").get("required").asBoolean()).isTrue();
        assertThat(item(readiness, "connections-tested").get("hint").asString()).contains(dynamics);
        assertThat(item(readiness, "no-problems").get("done").asBoolean()).isTrue();
        assertThat(item(readiness, "trigger-configured").get("done").asBoolean()).isTrue();
        assertThat(item(readiness, "owner").get("done").asBoolean()).isFalse();
        HttpResponse<String> refused = templates.publish(workflowId, 1);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("readiness.connections-tested").contains(dynamics);

        templates.testConnections(dynamics, "amazon-sp-api-sandbox");
        assertThat(admin.send("PUT", "/api/v1/workflows/" + workflowId + "/owner", "{\"owner\": \"nobody-"
                + suffix() + "\"}").statusCode()).isEqualTo(400);
        JsonNode owned = read(admin.send("PUT", "/api/v1/workflows/" + workflowId + "/owner",
                "{\"owner\": \"admin\"}").body());
        assertThat(item(owned, "owner").get("done").asBoolean()).isTrue();
        assertThat(item(owned, "connections-tested").get("done").asBoolean()).isTrue();
        assertThat(owned.get("ready").asBoolean()).isTrue();
        assertThat(templates.publish(workflowId, 1).statusCode()).isEqualTo(200);
    }

    private static JsonNode item(JsonNode readiness, String key) {
        for (JsonNode item : readiness.get("items")) {
            if (item.get("key").asString().equals(key)) {
                return item;
            }
        }
        throw new AssertionError("no checklist item " + key + " in " + readiness);
    }

    private static String upgradable(String id, int version, String greeting, String farewellName) {
        return """
                {"id": "%s", "version": %d, "name": "Upgradable %s", "description": "A template that changes.",
                 "connectors": [], "requirements": [],
                 "parameters": [{"key": "cron", "label": "Schedule", "type": "cron", "defaultValue": "0 0 3 1 1 ? 2099"},
                                {"key": "who", "label": "Who", "type": "string", "defaultValue": "world"}],
                 "definition": {"schemaVersion": 1,
                   "trigger": {"kind": "schedule", "config": {"cron": "${parameter.cron}"}, "position": {"x": 0, "y": 0}},
                   "nodes": [
                     {"id": "hello", "type": "notify", "name": "Hello", "config": {"channel": "log",
                      "message": "%s ${parameter.who}"}, "position": {"x": 250, "y": 0}},
                     {"id": "bye", "type": "notify", "name": "%s", "config": {"channel": "log", "message": "bye"},
                      "position": {"x": 500, "y": 0}}],
                   "edges": [{"from": "trigger", "fromPort": "out", "to": "hello"},
                             {"from": "hello", "fromPort": "out", "to": "bye"}]}}
                """.formatted(id, version, id, greeting, farewellName);
    }

    @Test
    void aNewTemplateVersionIsOfferedAsAThreeWayMergeThatKeepsLocalChanges() {
        ApiClient admin = admin();
        String id = "upgradable-" + suffix();
        HttpResponse<String> v1 = admin.post("/api/v1/templates", upgradable(id, 1, "Hello", "Bye"));
        assertThat(v1.statusCode()).as(v1.body()).isEqualTo(201);
        JsonNode installed = new TemplateApi(admin).install(id, "{\"parameters\": {\"who\": \"Ada\"}}");
        String workflowId = installed.get("workflowId").asString();
        assertThat(admin.get("/api/v1/workflows/" + workflowId + "/template-update").statusCode()).isEqualTo(204);

        // a local change: the greeting's message
        JsonNode latest = read(admin.get("/api/v1/workflows/" + workflowId + "/versions/1").body());
        ObjectNode definition = (ObjectNode) latest.get("definition");
        ((ObjectNode) definition.get("nodes").get(0).get("config")).put("message", "Hello Ada Lovelace");
        assertThat(admin.post("/api/v1/workflows/" + workflowId + "/versions", "{\"baseVersion\": 1,"
                + " \"definition\": " + definition + "}").statusCode()).isEqualTo(201);
        // an upstream change: the farewell's name; a lower or equal version is refused
        assertThat(admin.post("/api/v1/templates", upgradable(id, 1, "Hello", "Bye")).statusCode()).isEqualTo(400);
        assertThat(admin.post("/api/v1/templates", upgradable(id, 2, "Hello", "Goodbye")).statusCode())
                .isEqualTo(201);

        JsonNode offer = read(admin.get("/api/v1/workflows/" + workflowId + "/template-update").body());
        assertThat(offer.get("summary").asString()).isEqualTo("1 upstream change, 1 local change, 0 conflicts");
        assertThat(offer.get("availableVersion").asInt()).isEqualTo(2);
        HttpResponse<String> applied = admin.post("/api/v1/workflows/" + workflowId + "/template-update", "{}");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        JsonNode merged = read(admin.get("/api/v1/workflows/" + workflowId + "/versions/3").body()).get("definition");
        assertThat(merged.get("nodes").get(0).get("config").get("message").asString()).isEqualTo("Hello Ada Lovelace");
        assertThat(merged.get("nodes").get(1).get("name").asString()).isEqualTo("Goodbye");
        assertThat(read(admin.get("/api/v1/workflows/" + workflowId + "/template").body()).get("templateVersion")
                .asInt()).isEqualTo(2);

        // both sides change the greeting: a conflict, applied only when the local value is to be kept
        assertThat(admin.post("/api/v1/templates", upgradable(id, 3, "Hi", "Goodbye")).statusCode()).isEqualTo(201);
        JsonNode conflicting = read(admin.get("/api/v1/workflows/" + workflowId + "/template-update").body());
        assertThat(conflicting.get("summary").asString()).isEqualTo("1 upstream change, 1 local change, 1 conflict");
        assertThat(conflicting.get("conflicts").get(0).get("nodeId").asString()).isEqualTo("hello");
        assertThat(conflicting.get("conflicts").get(0).get("upstream").asString()).isEqualTo("Hi Ada");
        HttpResponse<String> refused = admin.post("/api/v1/workflows/" + workflowId + "/template-update", "{}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("hello");
        assertThat(admin.post("/api/v1/workflows/" + workflowId + "/template-update", "{\"keepLocal\": true}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void eachConflictOfAnUpgradeIsResolvedByItsOwnChoiceMineOrTheirs() {
        ApiClient admin = admin();
        String id = "choosable-" + suffix();
        assertThat(admin.post("/api/v1/templates", upgradable(id, 1, "Hello", "Bye")).statusCode()).isEqualTo(201);
        String workflowId = new TemplateApi(admin).install(id, "{\"parameters\": {\"who\": \"Ada\"}}")
                .get("workflowId").asString();
        // local changes of the greeting's message and of the farewell's name
        ObjectNode definition = (ObjectNode) read(admin.get("/api/v1/workflows/" + workflowId + "/versions/1")
                .body()).get("definition");
        ((ObjectNode) definition.get("nodes").get(0).get("config")).put("message", "Hello Ada Lovelace");
        ((ObjectNode) definition.get("nodes").get(1)).put("name", "Farewell");
        assertThat(admin.post("/api/v1/workflows/" + workflowId + "/versions", "{\"baseVersion\": 1,"
                + " \"definition\": " + definition + "}").statusCode()).isEqualTo(201);
        // the template changes both too: two conflicts, each with its key
        assertThat(admin.post("/api/v1/templates", upgradable(id, 2, "Hi", "Goodbye")).statusCode()).isEqualTo(201);
        JsonNode offer = read(admin.get("/api/v1/workflows/" + workflowId + "/template-update").body());
        assertThat(offer.get("summary").asString()).isEqualTo("2 upstream changes, 2 local changes, 2 conflicts");
        List<String> keys = new java.util.ArrayList<>();
        offer.get("conflicts").forEach(conflict -> keys.add(conflict.get("key").asString()));
        assertThat(keys).containsExactly("nodes/hello/config/message", "nodes/bye/name");
        String path = "/api/v1/workflows/" + workflowId + "/template-update";

        // a choice for one conflict only: refused, naming the other
        HttpResponse<String> open = admin.post(path, "{\"choices\": {\"nodes/hello/config/message\": \"theirs\"}}");
        assertThat(open.statusCode()).as(open.body()).isEqualTo(409);
        assertThat(open.body()).contains("nodes.bye.name").doesNotContain("nodes.hello.config.message");
        // a key that is no conflict, a choice that is neither mine nor theirs: 400 naming it
        HttpResponse<String> unknown = admin.post(path, "{\"choices\": {\"nodes/nope/name\": \"theirs\"}}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("choices.nodes/nope/name");
        HttpResponse<String> neither = admin.post(path, "{\"choices\": {\"nodes/bye/name\": \"both\"}}");
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(neither.body()).contains("must be mine or theirs");

        // theirs for the greeting, mine for the farewell
        HttpResponse<String> applied = admin.post(path, "{\"choices\": {\"nodes/hello/config/message\": \"theirs\","
                + " \"nodes/bye/name\": \"mine\"}}");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        int version = read(applied.body()).get("workflowVersion").asInt();
        JsonNode merged = read(admin.get("/api/v1/workflows/" + workflowId + "/versions/" + version).body())
                .get("definition");
        assertThat(merged.get("nodes").get(0).get("config").get("message").asString()).isEqualTo("Hi Ada");
        assertThat(merged.get("nodes").get(1).get("name").asString()).isEqualTo("Farewell");
        assertThat(admin.get(path).statusCode()).as("the installation is at version 2").isEqualTo(204);
    }

    @Test
    void aWorkflowSavedAsTemplateHasRequirementsForItsConnectionsAndNoSecret() {
        ApiClient admin = admin();
        String workflowId = read(admin.post("/api/v1/workflows", "{\"name\": \"" + TemplateApi.unique("Save me")
                + "\"}").body()).get("id").asString();
        HttpResponse<String> saved = admin.post("/api/v1/workflows/" + workflowId + "/versions", """
                {"baseVersion": 1, "definition": {"schemaVersion": 1,
                  "trigger": {"kind": "webhook", "config": {}, "position": {"x": 0, "y": 0}},
                  "nodes": [{"id": "call", "type": "connector", "name": "Call the shop", "config": {
                    "connection": "http-sandbox", "operation": "request", "input": {"method": "GET",
                    "path": "/orders", "headers": {"X-Debug": "sandbox-shop-api-key"}, "query": {"limit": 5}}},
                    "position": {"x": 250, "y": 0}}],
                  "edges": [{"from": "trigger", "fromPort": "out", "to": "call"}]}}""");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        String templateId = "saved-" + suffix();
        HttpResponse<String> template = admin.post("/api/v1/templates/from-workflow/" + workflowId, "{\"templateId\": \""
                + templateId + "\", \"name\": \"Saved\", \"parameters\": [{\"key\": \"limit\", \"label\": \"Page size\","
                + " \"nodeId\": \"call\", \"field\": \"config.input.query.limit\"}]}");
        assertThat(template.statusCode()).as(template.body()).isEqualTo(201);
        assertThat(template.body()).doesNotContain("sandbox-shop-api-key").doesNotContain("http-sandbox");
        JsonNode document = read(template.body());
        assertThat(document.get("requirements").get(0).get("connector").asString()).isEqualTo("http");
        assertThat(document.get("connectors").toString()).isEqualTo("[\"http\"]");
        assertThat(document.get("parameters").get(0).get("defaultValue").asInt()).isEqualTo(5);
        assertThat(document.get("description").asString())
                .as("a workflow without a description: the gallery card outlines it instead of repeating its name")
                .isEqualTo("Webhook → Call the shop");
        assertThat(document.get("definition").toString()).contains("${requirement.").contains("${parameter.limit}");
        assertThat(admin.get("/api/v1/templates/" + templateId).statusCode()).isEqualTo(200);
        HttpResponse<String> badField = admin.post("/api/v1/templates/from-workflow/" + workflowId, "{\"templateId\":"
                + " \"saved-" + suffix() + "\", \"parameters\": [{\"key\": \"x\", \"nodeId\": \"call\", \"field\":"
                + " \"config.nothing\"}]}");
        assertThat(badField.statusCode()).isEqualTo(400);
        assertThat(badField.body()).contains("parameters[0].field");
    }

    @Test
    void anImportReferencingAnUnknownConnectionListsItWithWhatItMayBeMappedTo() {
        ApiClient admin = admin();
        String definition = """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [{"id": "refund", "type": "connector", "name": "Refund", "config": {
                   "connection": "opayo-live", "operation": "createTransaction", "input": {}},
                   "position": {"x": 250, "y": 0}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "refund"}]}""";
        HttpResponse<String> fixUp = admin.post("/api/v1/templates/fix-up", "{\"definition\": " + definition + "}");
        assertThat(fixUp.statusCode()).as(fixUp.body()).isEqualTo(200);
        JsonNode unknown = read(fixUp.body()).get("unknownConnections");
        assertThat(unknown).hasSize(1);
        assertThat(unknown.get(0).get("connectionId").asString()).isEqualTo("opayo-live");
        assertThat(unknown.get(0).get("connector").asString()).isEqualTo("opayo-pi");
        assertThat(unknown.get(0).get("nodeIds").toString()).isEqualTo("[\"refund\"]");
        assertThat(unknown.get(0).get("candidates").get(0).asString()).isEqualTo("opayo-pi-sandbox");
        HttpResponse<String> imported = admin.post("/api/v1/workflows/import", "{\"format\": \"junction.workflow\","
                + " \"formatVersion\": 1, \"name\": \"" + TemplateApi.unique("Imported with opayo-live")
                + "\", \"definition\": " + definition + "}");
        assertThat(imported.statusCode()).as("the import is never blocked: " + imported.body()).isEqualTo(201);
        assertThat(read(admin.post("/api/v1/templates/fix-up", "{\"definition\": "
                + definition.replace("opayo-live", "opayo-pi-sandbox") + "}").body()).get("unknownConnections"))
                .isEmpty();
    }
}
