package dev.junction.backend.templates;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template "Dynamics 365 orders to Amazon FBA, with tracking back" installed with the sandbox connections and
 * run against the simulators: a submitted Dataverse sales order becomes one MCF fulfilment order under its order
 * number, its contact is created from its e-mail address, and once Amazon ships it the tracking number, carrier and
 * ship date are on the sales order; an order with a product whose SKU Amazon does not know is dead-lettered after
 * an admin is notified, and nothing ships.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DynamicsOrdersToFbaTemplateTest {

    @LocalServerPort
    int port;

    @Test
    void aSubmittedSalesOrderShipsOnceByFbaAndGetsItsTrackingAndAnUnknownSkuIsDeadLettered() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        TemplateApi templates = new TemplateApi(admin);
        SandboxRemotes sandbox = new SandboxRemotes(port, admin);
        JsonNode installed = templates.install("dynamics-orders-to-fba", "{\"workflowName\": \""
                + TemplateApi.unique("Dynamics to FBA") + "\", \"parameters\": {\"schedule\": \"0 0 3 1 1 ? 2099\","
                + " \"trackingInterval\": \"PT1S\"}}");
        assertThat(installed.get("mappingIds")).hasSize(1);
        String workflowId = templates.readyAndPublished(installed, "amazon-sp-api-sandbox", "dataverse-sandbox");
        long duplicatesBefore = sandbox.counters("amazon").get("duplicateSideEffects").asLong();

        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String orderNumber = "TPL-" + suffix;
        String email = "buyer-" + suffix.toLowerCase() + "@example.com";
        JsonNode order = sandbox.submittedSalesOrder(orderNumber, 1, email);
        JsonNode run = templates.run(workflowId, order.toString());
        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");

        HttpResponse<String> fulfilment = sandbox.fulfillmentOrder(orderNumber);
        assertThat(fulfilment.statusCode()).as(fulfilment.body()).isEqualTo(200);
        assertThat(fulfilment.body()).contains("\"sellerSku\":\"JN-MUG-001\"").contains("\"Complete\"");
        assertThat(sandbox.counters("amazon").get("duplicateSideEffects").asLong()).isEqualTo(duplicatesBefore);
        JsonNode salesOrder = sandbox.salesOrder(orderNumber);
        String trackingNumber = TemplateApi.output(run, "shipped").get("fulfillmentShipments").get(0)
                .get("fulfillmentShipmentPackage").get(0).get("trackingNumber").asString();
        assertThat(salesOrder.get("description").asString()).contains(trackingNumber).contains("AMZN_UK");
        assertThat(salesOrder.get("datefulfilled").isNull()).isFalse();
        assertThat(sandbox.contacts(email)).as("the contact created from the order's e-mail").hasSize(1);

        String refused = "TPL-" + suffix + "-X";
        JsonNode unknownSku = templates.run(workflowId, sandbox.submittedSalesOrder(refused, 5,
                "other-" + suffix.toLowerCase() + "@example.com").toString());
        assertThat(unknownSku.get("run").get("status").asString()).as(unknownSku.toString())
                .isEqualTo("dead_lettered");
        assertThat(TemplateApi.output(unknownSku, "notifyAdmin").toString()).isNotEmpty();
        assertThat(sandbox.fulfillmentOrder(refused).statusCode()).as("no fulfilment order for " + refused)
                .isEqualTo(404);
        HttpResponse<String> deadLetters = admin.get("/api/v1/dead-letters?workflowId=" + workflowId);
        assertThat(deadLetters.body()).contains(unknownSku.get("run").get("id").asString());
    }
}
