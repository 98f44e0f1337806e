package dev.junction.backend.workflows;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.UUID;

import static dev.junction.backend.runs.RunsApi.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exported workflow takes the stored mapping its map node uses and the lookup table that mapping reads along:
 * imported where neither exists any more, both are restored by name and the workflow runs; imported again, the
 * same ones are reused; imported where a mapping of that name differs, it is refused naming the mapping.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkflowPortabilityTest {

    @LocalServerPort
    int port;

    @Test
    void anExportCarriesItsMappingAndLookupTableAndAnImportRestoresThemByName() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String table = "sku-asin-" + suffix;
        assertThat(admin.post("/api/v1/lookup-tables", "{\"name\": \"" + table + "\", \"missingKey\": \"error\","
                + " \"keyLabel\": \"SellerSKU\", \"valueLabel\": \"ASIN\"}").statusCode()).isEqualTo(201);
        assertThat(admin.send("POST", "/api/v1/lookup-tables/" + table + "/csv?mode=replace",
                "SellerSKU,ASIN\r\nMUG-RED,B000000001\r\n", "text/csv").statusCode()).isEqualTo(200);
        String mappingName = "Order to listing " + suffix;
        String definition = """
                {"schemaVersion": 1, "target": {"schema": {"type": "object", "properties": {
                  "id": {"type": "string"}, "asin": {"type": "string"}}}},
                 "rules": [{"target": "id", "from": "orderId"}, {"target": "asin", "from": "sku", "lookup": "%s"}]}"""
                .formatted(table);
        HttpResponse<String> created = admin.post("/api/v1/mappings", "{\"name\": \"" + mappingName + "\","
                + " \"definition\": " + definition + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String mappingId = read(created.body()).get("mapping").get("id").asString();
        assertThat(admin.post("/api/v1/mappings/" + mappingId + "/versions/1/publish", null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> workflow = admin.post("/api/v1/workflows", "{\"name\": \"Portable " + suffix + "\"}");
        String workflowId = read(workflow.body()).get("id").asString();
        assertThat(admin.post("/api/v1/workflows/" + workflowId + "/versions", "{\"baseVersion\": 1, \"definition\":"
                + " {\"schemaVersion\": 1, \"trigger\": {\"kind\": \"manual\", \"config\": {}}, \"nodes\": [{\"id\":"
                + " \"shape\", \"type\": \"map\", \"name\": \"Shape\", \"config\": {\"mapping\": \"" + mappingId
                + "\"}, \"position\": {\"x\": 0, \"y\": 0}}], \"edges\": [{\"from\": \"trigger\", \"fromPort\":"
                + " \"out\", \"to\": \"shape\"}]}}").statusCode()).isEqualTo(201);

        HttpResponse<String> exported = admin.get("/api/v1/workflows/" + workflowId + "/export");
        JsonNode file = read(exported.body());
        assertThat(file.get("mappings")).hasSize(1);
        assertThat(file.get("mappings").get(0).get("name").asString()).isEqualTo(mappingName);
        assertThat(file.get("mappings").get(0).get("id").asString()).isEqualTo(mappingId);
        assertThat(file.get("lookupTables")).hasSize(1);
        assertThat(file.get("lookupTables").get(0).get("entries").get("MUG-RED").asString()).isEqualTo("B000000001");

        // the other installation: neither the mapping nor the table exists
        assertThat(admin.delete("/api/v1/mappings/" + mappingId).statusCode()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/lookup-tables/" + table).statusCode()).isEqualTo(204);
        String importedId = imported(admin, exported.body(), "Imported " + suffix);

        JsonNode mapNode = read(admin.get("/api/v1/workflows/" + importedId + "/versions/1").body())
                .get("definition").get("nodes").get(0);
        String restoredId = mapNode.get("config").get("mapping").asString();
        assertThat(restoredId).isNotEqualTo(mappingId);
        assertThat(read(admin.get("/api/v1/mappings/" + restoredId).body()).get("mapping").get("name").asString())
                .isEqualTo(mappingName);
        assertThat(admin.post("/api/v1/workflows/" + importedId + "/versions/1/publish", null).statusCode())
                .isEqualTo(200);
        RunsApi runs = new RunsApi(admin);
        JsonNode run = runs.finished(runs.start(importedId, "{\"orderId\": \"206-1\", \"sku\": \"MUG-RED\"}"));
        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("output").get("value").get("asin").asString()).isEqualTo("B000000001");

        // imported again: the same mapping is reused, not copied
        String againId = imported(admin, exported.body(), "Imported again " + suffix);
        assertThat(read(admin.get("/api/v1/workflows/" + againId + "/versions/1").body()).get("definition")
                .get("nodes").get(0).get("config").get("mapping").asString()).isEqualTo(restoredId);

        // a mapping of that name that differs: refused, naming it, and nothing is imported
        assertThat(admin.post("/api/v1/mappings/" + restoredId + "/versions", "{\"baseVersion\": 1, \"definition\": "
                + definition.replace("\"from\": \"orderId\"", "\"from\": \"orderNumber\"") + "}").statusCode())
                .isEqualTo(201);
        assertThat(admin.post("/api/v1/mappings/" + restoredId + "/versions/2/publish", null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> refused = admin.post("/api/v1/workflows/import",
                exported.body().replace(file.get("name").asString(), "Refused " + suffix));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("mappings[0].name").contains("'" + mappingName + "'");
        assertThat(admin.get("/api/v1/workflows").body()).doesNotContain("Refused " + suffix);
    }

    private static String imported(ApiClient admin, String file, String name) {
        HttpResponse<String> imported = admin.post("/api/v1/workflows/import",
                file.replace(read(file).get("name").asString(), name));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        return read(imported.body()).get("id").asString();
    }
}
