package dev.junction.backend.sandbox;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh install works at once: a sandbox connection per simulator, which passes its connection test, and a
 * workflow that pays through the Opayo sandbox over real HTTP, with the secrets coming from the vault.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxConnectionsTest {

    @LocalServerPort
    int port;

    @Test
    void everySandboxConnectionPassesItsConnectionTest() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");

        for (String id : java.util.List.of("amazon-sp-api-sandbox", "dataverse-sandbox", "http-sandbox",
                "opayo-pi-sandbox")) {
            HttpResponse<String> test = admin.post("/api/v1/connections/" + id + "/test", null);
            assertThat(test.statusCode()).as(id + ": " + test.body()).isEqualTo(200);
            assertThat(RunsApi.read(test.body()).get("ok").asBoolean()).as(id + ": " + test.body()).isTrue();
        }
        assertThat(admin.get("/api/v1/connectors").body()).contains("\"amazon-sp-api\"").contains("\"dataverse\"")
                .contains("\"opayo-pi\"");
    }

    @Test
    void aFreshInstallHasAWorkingOpayoSandboxConnection() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");

        HttpResponse<String> connection = admin.get("/api/v1/connections/opayo-pi-sandbox");
        assertThat(connection.statusCode()).as(connection.body()).isEqualTo(200);
        JsonNode opayo = RunsApi.read(connection.body());
        assertThat(opayo.get("environment").asString()).isEqualTo("sandbox");
        assertThat(opayo.get("settings").get("baseUrl").asString())
                .isEqualTo("http://127.0.0.1:" + port + "/sandbox/opayo/api/v1");
        assertThat(opayo.get("secrets").findValues("set").stream().filter(JsonNode::asBoolean).count())
                .isGreaterThanOrEqualTo(2);

        JsonNode check = RunsApi.read(admin.post("/api/v1/connections/opayo-pi-sandbox/test", null).body());
        assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue();

        RunsApi runs = new RunsApi(admin);
        String workflow = runs.published("Pay in the Opayo sandbox", """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [
                   {"id": "card", "type": "connector", "name": "Card", "position": {"x": 200, "y": 0},
                    "config": {"connection": "opayo-pi-sandbox", "operation": "createCardIdentifier",
                               "input": {"cardholderName": "Ada Lovelace", "cardNumber": "4929000000006",
                                         "expiryDate": "1230", "securityCode": "123"}}},
                   {"id": "pay", "type": "connector", "name": "Pay", "position": {"x": 400, "y": 0},
                    "config": {"connection": "opayo-pi-sandbox", "operation": "createTransaction",
                               "input": {"transactionType": "Payment", "amount": "{{ trigger.amount }}",
                                         "currency": "GBP", "description": "Sandbox order",
                                         "customerFirstName": "Ada", "customerLastName": "Lovelace",
                                         "billingAddress": {"address1": "1 Test Street", "city": "London",
                                                            "postalCode": "EC1A 1BB", "country": "GB"},
                                         "paymentMethod": {"card": {
                                             "merchantSessionKey": "{{ nodes.card.merchantSessionKey }}",
                                             "cardIdentifier": "{{ nodes.card.cardIdentifier }}"}}}}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "card"},
                           {"from": "card", "fromPort": "out", "to": "pay"}]}""");

        JsonNode run = runs.finished(runs.start(workflow, "{\"amount\": 1999}"));

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        JsonNode payment = run.get("steps").get(1);
        assertThat(payment.toString()).contains("\"status\":\"Ok\"").contains("\"transactionId\"");
    }

    @Test
    void aPreviewSampleComesFromTheFirstRecordOfAPollButNeverFromAWrite() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");

        HttpResponse<String> sample = admin.post("/api/v1/mappings/sample",
                "{\"connection\": \"amazon-sp-api-sandbox\", \"operation\": \"pollOrders\"}");

        assertThat(sample.statusCode()).as(sample.body()).isEqualTo(200);
        JsonNode record = RunsApi.read(sample.body()).get("record");
        assertThat(record.get("AmazonOrderId").asString()).isNotBlank();
        assertThat(record.get("OrderStatus").asString()).isNotBlank();

        HttpResponse<String> write = admin.post("/api/v1/mappings/sample",
                "{\"connection\": \"opayo-pi-sandbox\", \"operation\": \"createTransaction\"}");
        assertThat(write.statusCode()).isEqualTo(400);
        assertThat(write.body()).contains("operation").contains("may change data");
        // a look-up that only reads, though its name starts with neither get nor query (readOnly in its descriptor)
        HttpResponse<String> lookUp = admin.post("/api/v1/mappings/sample", """
                {"connection": "dataverse-sandbox", "operation": "findProductByNumber",
                 "input": {"productnumber": "GF-BENCH-150"}}""");
        assertThat(lookUp.statusCode()).as(lookUp.body()).isEqualTo(200);
        assertThat(lookUp.body()).contains("GF-BENCH-150");
        assertThat(admin.post("/api/v1/mappings/sample", "{\"connection\": \"nowhere\", \"operation\": \"x\"}")
                .body()).contains("there is no connection 'nowhere'");
    }
}
