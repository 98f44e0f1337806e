package dev.junction.backend.templates;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template "Amazon orders to Dynamics 365 sales orders" installed with the sandbox connections and run against
 * the simulators: an Amazon order placed in the SP-API simulator becomes a Dataverse sales order numbered by the
 * Amazon order id, Submitted / In Progress, filed under the fallback contact, with its line matched by SKU; the
 * same order polled again updates it without adding its line twice.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AmazonOrdersToDynamicsTemplateTest {

    @LocalServerPort
    int port;

    @Test
    void anAmazonOrderBecomesADynamicsSalesOrderWithItsLinesOnce() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        TemplateApi templates = new TemplateApi(admin);
        SandboxRemotes sandbox = new SandboxRemotes(port, admin);
        JsonNode installed = templates.install("amazon-orders-to-dynamics", "{\"workflowName\": \""
                + TemplateApi.unique("Amazon to Dynamics") + "\", \"connections\": {\"amazon\":"
                + " \"amazon-sp-api-sandbox\"}, \"parameters\": {\"schedule\": \"0 0 3 1 1 ? 2099\","
                + " \"fallbackEmail\": \"amazon-buyers@example.com\"}}");
        assertThat(installed.get("lookupTables").toString()).isNotNull();
        String workflowId = templates.readyAndPublished(installed, "amazon-sp-api-sandbox", "dataverse-sandbox");

        JsonNode order = sandbox.placeAmazonOrder(SpApiSimulator.MARKETPLACE_UK, "Unshipped", "JN-MUG-001", 2);
        String amazonOrderId = order.get("AmazonOrderId").asString();
        JsonNode run = templates.run(workflowId, order.toString());
        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");

        JsonNode salesOrder = sandbox.salesOrder(amazonOrderId);
        assertThat(salesOrder.get("statecode").asInt()).isEqualTo(1);
        assertThat(salesOrder.get("statuscode").asInt()).isEqualTo(3);
        assertThat(salesOrder.get("name").asString()).isEqualTo("Amazon " + amazonOrderId);
        assertThat(salesOrder.get("order_details")).hasSize(1);
        assertThat(salesOrder.get("order_details").get(0).get("productid").get("productnumber").asString())
                .isEqualTo("GF-BENCH-150");
        assertThat(salesOrder.get("order_details").get(0).get("quantity").asDouble()).isEqualTo(2.0);
        assertThat(TemplateApi.output(run, "contact").get("contact").get("emailaddress1").asString())
                .isEqualTo("amazon-buyers@example.com");

        JsonNode again = templates.run(workflowId, order.toString());
        assertThat(again.get("run").get("status").asString()).as(again.toString()).isEqualTo("succeeded");
        assertThat(sandbox.salesOrder(amazonOrderId).get("order_details")).as("lines after a second poll")
                .hasSize(1);
    }
}
