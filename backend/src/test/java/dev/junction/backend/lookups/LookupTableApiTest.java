package dev.junction.backend.lookups;

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

@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LookupTableApiTest {

    @LocalServerPort
    int port;
    private ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
    }

    private String table(String missingKey) {
        String name = "sku-asin-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.post("/api/v1/lookup-tables", "{\"name\": \"" + name + "\","
                + " \"missingKey\": \"" + missingKey + "\", \"keyLabel\": \"SellerSKU\", \"valueLabel\": \"ASIN\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return name;
    }

    private HttpResponse<String> csv(String name, String mode, String csv) {
        return admin.send("POST", "/api/v1/lookup-tables/" + name + "/csv?mode=" + mode, csv, "text/csv");
    }

    @Test
    void csvImportIsAllOrNothingAndExportRoundTrips() {
        String name = table("error");
        HttpResponse<String> imported = csv(name, "merge", "SellerSKU,ASIN\r\nSKU-1,B000000001\r\n\"SKU,2\",\"B0 \"\"quoted\"\"\"\r\n");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(RunsApi.read(imported.body()).get("imported").asInt()).isEqualTo(2);

        HttpResponse<String> broken = csv(name, "replace", "SellerSKU,ASIN\nSKU-3,B3\nSKU-4\n");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("line 3: expected 2 fields (key, value), got 1");
        HttpResponse<String> unclosed = csv(name, "merge", "SellerSKU,ASIN\nSKU-5,\"B5\n");
        assertThat(unclosed.body()).contains("line 2: a quoted field is not closed");
        assertThat(csv(name, "merge", "sku,asin\nA,B\n").body()).contains("line 1: the header must be 'SellerSKU,ASIN'");

        HttpResponse<String> export = admin.get("/api/v1/lookup-tables/" + name + "/csv");
        assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains(name + ".csv");
        assertThat(export.body()).startsWith("SellerSKU,ASIN\r\n").contains("SKU-1,B000000001\r\n")
                .contains("\"SKU,2\",\"B0 \"\"quoted\"\"\"\r\n").hasLineCount(3);

        assertThat(csv(name, "replace", export.body().replace("SKU-1,B000000001\r\n", "")).statusCode())
                .isEqualTo(200);
        JsonNode entries = RunsApi.read(admin.get("/api/v1/lookup-tables/" + name + "/entries").body());
        assertThat(entries).extracting(entry -> entry.get("key").asString()).containsExactly("SKU,2");
        assertThat(RunsApi.read(admin.get("/api/v1/lookup-tables/" + name).body()).get("entries").asInt()).isEqualTo(1);
        assertThat(csv(name, "sideways", "key,value\n").body()).contains("mode");
    }

    @Test
    void aMappingsLookupFollowsTheTablesPolicyAndTablesAreValidated() {
        String strict = table("error");
        String lenient = table("passThrough");
        assertThat(admin.send("PUT", "/api/v1/lookup-tables/" + strict + "/entries/SKU-1", "{\"value\": \"B01\"}")
                .statusCode()).isEqualTo(200);
        String mapping = """
                {"mapping": {"schemaVersion": 1, "rules": [
                  {"target": "asin", "from": "sku", "lookup": "%s"}, {"target": "loose", "from": "sku", "lookup": "%s"}]},
                 "sample": {"sku": "%s"}}""";

        JsonNode found = RunsApi.read(admin.post("/api/v1/mappings/preview", mapping.formatted(strict, lenient, "SKU-1"))
                .body());
        assertThat(found.get("output").get("asin").asString()).isEqualTo("B01");
        assertThat(found.get("output").get("loose").asString()).isEqualTo("SKU-1");
        JsonNode missing = RunsApi.read(admin.post("/api/v1/mappings/preview", mapping.formatted(strict, lenient, "SKU-9"))
                .body());
        assertThat(missing.get("problems").get(0).get("message").asString())
                .isEqualTo("the key \"SKU-9\" is not in lookup table '" + strict + "'");

        assertThat(admin.post("/api/v1/lookup-tables", "{\"name\": \"Bad Name\"}").body()).contains("lower-case");
        assertThat(admin.post("/api/v1/lookup-tables", "{\"name\": \"" + strict + "\"}").statusCode()).isEqualTo(409);
        assertThat(admin.post("/api/v1/lookup-tables", "{\"name\": \"x-1\", \"missingKey\": \"ignore\"}").body())
                .contains("missingKey").contains("not 'ignore'");
        assertThat(admin.send("PUT", "/api/v1/lookup-tables/" + lenient, "{\"missingKey\": \"null\"}").statusCode())
                .isEqualTo(200);
        assertThat(admin.delete("/api/v1/lookup-tables/" + lenient).statusCode()).isEqualTo(204);
        String workflowName = "Reads " + strict;
        new RunsApi(admin).published(workflowName, """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [{"id": "shape", "type": "map", "name": "Shape", "position": {"x": 200, "y": 0},
                            "config": {"mapping": {"schemaVersion": 1, "rules": [{"target": "items", "forEach": "lines",
                              "rules": [{"target": "asin", "from": "sku", "pipe": [{"fn": "lookup", "args": ["%s"]}]}]}]}}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "shape"}]}""".formatted(strict));
        HttpResponse<String> inUse = admin.delete("/api/v1/lookup-tables/" + strict);
        assertThat(inUse.statusCode()).as("read by a published workflow's mapping").isEqualTo(409);
        assertThat(inUse.body()).contains(workflowName);
        assertThat(admin.get("/api/v1/lookup-tables/" + lenient).statusCode()).isEqualTo(404);
        assertThat(ApiClient.anonymous(port).get("/api/v1/lookup-tables").statusCode()).isEqualTo(401);
    }
}
