package dev.junction.backend.api;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ordinary bad input that used to end in a 500: each class of it is a 400 naming the field. A NUL character
 * (PostgreSQL stores none) in each way text reaches the API: a text field of a typed body, a JSON-valued field, a
 * body read as plain JSON, a query parameter, a path segment, a webhook's body; a password longer than bcrypt reads;
 * a schema {@code $ref} that names nothing; a date beyond what is stored; a whole number no JSON number can hold.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputTest {

    private static final String NUL = "\\u0000";
    private static final String SCRIPT_WORKFLOW = """
            {"schemaVersion": 1, "trigger": {"kind": "%s", "config": {}},
             "nodes": [{"id": "shape", "type": "script", "name": "Shape",
                        "config": {"code": "return {ok: true};"}, "position": {"x": 0, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "shape"}]}""";

    @LocalServerPort
    int port;
    private ApiClient admin;
    private RunsApi api;

    @BeforeEach
    void setUp() {
        admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        api = new RunsApi(admin);
    }

    private static JsonNode refused(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = RunsApi.read(response.body());
        assertThat(problem.get("errors").findValues("field").stream().map(JsonNode::asString))
                .as(response.body()).contains(field);
        return problem;
    }

    private static void refusedForNul(HttpResponse<String> response, String field) {
        assertThat(refused(response, field).get("detail").asString()).contains("NUL");
    }

    @Test
    void aNulCharacterInATextFieldOfATypedBodyIsRefusedByName() {
        refusedForNul(admin.post("/api/v1/workflows", "{\"name\": \"ok\", \"description\": \"a" + NUL + "b\"}"),
                "description");
    }

    @Test
    void aNulCharacterInAJsonValuedFieldIsRefusedWithItsPath() {
        String workflow = api.published("Manual " + UUID.randomUUID(), SCRIPT_WORKFLOW.formatted("manual"));
        refusedForNul(admin.post("/api/v1/workflows/" + workflow + "/runs",
                "{\"input\": {\"lines\": [{\"sku\": \"A" + NUL + "\"}]}}"), "input.lines[0].sku");
        refusedForNul(admin.post("/api/v1/workflows/" + workflow + "/versions", "{\"baseVersion\": 2, \"definition\": "
                + SCRIPT_WORKFLOW.formatted("manual").replace("\"Shape\"", "\"Sh" + NUL + "ape\"") + "}"),
                "definition.nodes[0].name");
    }

    @Test
    void aNulCharacterInABodyReadAsPlainJsonIsRefusedWithItsPath() {
        String table = "t-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/api/v1/lookup-tables", "{\"name\": \"" + table + "\"}").statusCode()).isEqualTo(201);
        refusedForNul(admin.send("PUT", "/api/v1/lookup-tables/" + table + "/entries/k",
                "{\"value\": {\"asin\": \"B0" + NUL + "\"}}"), "value.asin");
        refusedForNul(admin.send("POST", "/api/v1/lookup-tables/" + table + "/csv", "key,value\nk,v\0w\n",
                "text/csv"), "body");
        refusedForNul(admin.post("/api/v1/connections", "{\"id\": \"x" + NUL + "\"}"), "id");
    }

    @Test
    void aNulCharacterInAQueryParameterOrPathSegmentIsRefusedByName() {
        refusedForNul(admin.get("/api/v1/runs?businessKey=A%00B"), "businessKey");
        refusedForNul(admin.get("/api/v1/audit?actor=%00"), "actor");
        assertThat(admin.get("/api/v1/lookup-tables/a%00b").statusCode())
                .as("the servlet container refuses it before Junction sees it").isEqualTo(400);
    }

    @Test
    void aNulCharacterInAWebhookBodyIs400NamingWhere() {
        String workflow = api.published("Hook " + UUID.randomUUID(), SCRIPT_WORKFLOW.formatted("webhook"));
        String url = RunsApi.read(admin.get("/api/v1/workflows/" + workflow + "/webhook").body()).get("url")
                .asString();
        HttpResponse<String> response = ApiClient.anonymous(port).post(url.substring(url.indexOf("/hooks/")),
                "{\"VendorTxCode\": \"JX" + NUL + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(RunsApi.read(response.body()).get("detail").asString()).contains("VendorTxCode").contains("NUL");
        assertThat(RunsApi.read(admin.get("/api/v1/runs?workflowId=" + workflow).body()).get("items").size())
                .as("no run was started").isZero();
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedNamingTheLimitInBytes() {
        String name = "p" + UUID.randomUUID().toString().substring(0, 8);
        String create = """
                {"username": "%s", "displayName": "P", "roles": ["VIEWER"], "password": "%s"}""";
        // 40 characters, 80 bytes in UTF-8: within a character count of 72, beyond bcrypt's 72 bytes
        assertThat(refused(admin.post("/api/v1/users", create.formatted(name, "é".repeat(40))), "password")
                .get("detail").asString()).contains("72 bytes").contains("has 80");
        assertThat(refused(admin.post("/api/v1/users", create.formatted(name, "x".repeat(100))), "password")
                .get("detail").asString()).contains("72 bytes");
        assertThat(admin.post("/api/v1/users", create.formatted(name, "x".repeat(72))).statusCode()).isEqualTo(201);
        assertThat(ApiClient.anonymous(port).as(name, "x".repeat(72)).get("/api/v1/workflows").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aSchemaRefThatNamesNothingIsRefusedNamingTheRef() {
        HttpResponse<String> response = admin.post("/api/v1/mappings/suggestions", """
                {"source": {"type": "object", "properties": {"a": {"$ref": "#/$defs/Missing"}}},
                 "target": "canonical/Order"}""");
        assertThat(refused(response, "source").get("detail").asString()).contains("#/$defs/Missing");
        assertThat(refused(admin.post("/api/v1/mappings/suggestions", """
                {"source": "sp-api/Order", "target": {"type": "object", "properties": {"a": {"$ref": "http://x/y"}}}}
                """), "target").get("detail").asString()).contains("http://x/y");
    }

    @Test
    void aRateDateOrRunTimeBeyondWhatIsStoredIsRefused() {
        assertThat(refused(admin.post("/api/v1/currency-rates", """
                {"from": "EUR", "to": "GBP", "rate": 0.86, "effectiveFrom": "+999999999-12-31"}"""), "effectiveFrom")
                .get("detail").asString()).contains("9999-12-31");
        refused(admin.post("/api/v1/currency-rates", """
                {"from": "EUR", "to": "GBP", "rate": 0.86, "effectiveFrom": "-5000-01-01"}"""), "effectiveFrom");
        refused(admin.get("/api/v1/runs?from=%2B999999999-01-01T00:00:00Z"), "from");
        refused(admin.get("/api/v1/audit?to=%2B999999-01-01"), "to");
    }

    @Test
    void aWholeNumberNoJsonNumberCanHoldIsAFieldErrorNamingTheRule() {
        HttpResponse<String> response = admin.post("/api/v1/mappings/preview", """
                {"mapping": {"schemaVersion": 1, "rules": [{"target": "big", "expression": "2n ** 2000n"},
                                                           {"target": "fine", "expression": "2n ** 64n"}]},
                 "sample": {}}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("too large for a JSON number").doesNotContain("Exception");
        JsonNode preview = RunsApi.read(response.body());
        assertThat(preview.get("output").get("fine").asDouble()).isEqualTo(Math.pow(2, 64));
    }
}
