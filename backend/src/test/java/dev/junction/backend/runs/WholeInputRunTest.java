package dev.junction.backend.runs;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connector step given an upstream object whole ({@code "input": "{{ nodes.toPayment }}"}), against the Opayo
 * sandbox over real HTTP: the object built by a map node pays; one that does not match the operation's input schema
 * stops the run before any call, naming the field.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WholeInputRunTest {

    @LocalServerPort
    int port;

    private RunsApi api;

    @BeforeEach
    void setUp() {
        api = new RunsApi(ApiClient.anonymous(port).as("admin", "test-admin-password"));
    }

    private static final String PAY_WHOLE = """
            {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "card", "type": "connector", "name": "Card", "position": {"x": 200, "y": 0},
                "config": {"connection": "opayo-pi-sandbox", "operation": "createCardIdentifier",
                           "input": {"cardholderName": "Ada Lovelace", "cardNumber": "4929000000006",
                                     "expiryDate": "1230", "securityCode": "123"}}},
               {"id": "toPayment", "type": "map", "name": "To payment", "position": {"x": 400, "y": 0},
                "config": {"rules": [
                  {"target": "transactionType", "value": "Payment"},
                  {"target": "amount", "expression": "trigger.amount"},
                  {"target": "currency", "value": "GBP"},
                  {"target": "description", "value": "Whole input"},
                  {"target": "customerFirstName", "value": "Ada"},
                  {"target": "customerLastName", "value": "Lovelace"},
                  {"target": "billingAddress.address1", "value": "1 Test Street"},
                  {"target": "billingAddress.city", "value": "London"},
                  {"target": "billingAddress.postalCode", "value": "EC1A 1BB"},
                  {"target": "billingAddress.country", "value": "GB"},
                  {"target": "paymentMethod.card.merchantSessionKey", "expression": "nodes.card.merchantSessionKey"},
                  {"target": "paymentMethod.card.cardIdentifier", "expression": "nodes.card.cardIdentifier"}]}},
               {"id": "pay", "type": "connector", "name": "Pay", "position": {"x": 600, "y": 0},
                "config": {"connection": "opayo-pi-sandbox", "operation": "createTransaction",
                           "input": "{{ nodes.toPayment }}"}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "card"},
                       {"from": "card", "fromPort": "out", "to": "toPayment"},
                       {"from": "toPayment", "fromPort": "out", "to": "pay"}]}""";

    @Test
    void aMapNodesOutputGivenWholeIsTheTransactionsInput() {
        String workflow = api.published("Whole input " + UUID.randomUUID(), PAY_WHOLE);

        JsonNode run = api.finished(api.start(workflow, "{\"amount\": 1999}"));

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        JsonNode payment = run.get("steps").get(2);
        assertThat(payment.get("nodeId").asString()).isEqualTo("pay");
        assertThat(payment.get("input").get("value").get("billingAddress").get("city").asString()).isEqualTo("London");
        assertThat(payment.get("output").get("value").get("status").asString()).isEqualTo("Ok");
    }

    @Test
    void aWholeInputThatDoesNotMatchTheOperationsSchemaFailsNamingTheField() {
        String workflow = api.published("Whole input mismatch " + UUID.randomUUID(), PAY_WHOLE);

        JsonNode run = api.finished(api.start(workflow, "{\"amount\": \"19.99\"}"));

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("dead_lettered");
        assertThat(run.get("run").get("errorClass").asString()).isEqualTo("InputSchemaMismatch");
        assertThat(run.get("run").get("errorMessage").asString()).isEqualTo("input ({{ nodes.toPayment }}) does not"
                + " match the input of createTransaction: input.amount must be integer, got string");
    }
}
