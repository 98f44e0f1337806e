package dev.junction.backend.templates;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.runs.RunsApi;
import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order-to-fulfilment template and the two refund templates installed with the sandbox connections and run
 * against the simulators: a shop order is paid (Opayo deferred, released), shipped once by MCF and the shop order
 * gets the tracking; an order cancelled within the window has its MCF order cancelled and its payment aborted; an
 * Amazon refund refunds the payment; the Opayo notification of that refund updates the Dynamics order.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FbaOpayoAndRefundTemplatesTest {

    @LocalServerPort
    int port;

    private static String order(String event, String orderId, String shopOrderId) {
        return """
                {"event": "%s", "orderId": "%s", "shopOrderId": "%s", "orderDate": "2026-12-06T09:30:00Z",
                 "campaignId": "WINTER26", "amount": 2598, "currency": "GBP",
                 "customer": {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com"},
                 "billingAddress": {"address1": "1 Analytical Row", "city": "London", "postalCode": "N1 1AA",
                                    "country": "GB"},
                 "shippingAddress": {"name": "Ada Lovelace", "addressLine1": "1 Analytical Row", "city": "London",
                                     "postalCode": "N1 1AA", "countryCode": "GB"},
                 "items": [{"sku": "JN-MUG-001", "quantity": 2}],
                 "payment": {"card": {"cardholderName": "Ada Lovelace", "cardNumber": "4929000000006",
                                      "expiryDate": "1230", "securityCode": "123"}}}
                """.formatted(event, orderId, shopOrderId);
    }

    @Test
    void theTemplatesOwnSampleNamesAShopOrderTheSandboxShopHolds() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        TemplateApi templates = new TemplateApi(admin);
        SandboxRemotes sandbox = new SandboxRemotes(port, admin);
        JsonNode template = RunsApi.read(admin.get("/api/v1/templates/fba-opayo").body()).get("template");
        String sampleShopOrder = template.get("sampleInput").get("shopOrderId").asString();
        assertThat(sandbox.shopOrder(sampleShopOrder).get("id").asString()).as("the sample's shop order exists")
                .isEqualTo(sampleShopOrder);
        String workflowId = templates.readyAndPublished(templates.install("fba-opayo", "{\"workflowName\": \""
                        + TemplateApi.unique("Sample order") + "\", \"parameters\": {\"cancellationWindow\": \"PT1S\","
                        + " \"trackingInterval\": \"PT1S\"}}"),
                "opayo-pi-sandbox", "amazon-sp-api-sandbox", "http-sandbox");

        // the sample as it is, with an order id of its own (the order id is the Opayo vendorTxCode: unique per run)
        ObjectNode sample = (ObjectNode) template.get("sampleInput").deepCopy();
        sample.put("orderId", "SHOP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        JsonNode run = templates.run(workflowId, sample.toString());

        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");
        JsonNode shopOrder = sandbox.shopOrder(sampleShopOrder);
        assertThat(shopOrder.get("status").asString()).isEqualTo("shipped");
        assertThat(shopOrder.get("tracking").get("numbers").get(0).asString()).startsWith("TBA");
    }

    @Test
    void aShopOrderIsPaidShippedOnceAndTrackedThenRefundedAndTheDynamicsOrderUpdated() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        TemplateApi templates = new TemplateApi(admin);
        SandboxRemotes sandbox = new SandboxRemotes(port, admin);
        String workflowId = templates.readyAndPublished(templates.install("fba-opayo", "{\"workflowName\": \""
                        + TemplateApi.unique("Shop to FBA") + "\", \"parameters\": {\"cancellationWindow\": \"PT1S\","
                        + " \"trackingInterval\": \"PT1S\"}}"),
                "opayo-pi-sandbox", "amazon-sp-api-sandbox", "http-sandbox");
        long duplicatesBefore = sandbox.counters("amazon").get("duplicateSideEffects").asLong();

        String shopOrderId = sandbox.createShopOrder("Ada Lovelace").get("id").asString();
        String orderId = "SHOP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        JsonNode run = templates.run(workflowId, order("order.created", orderId, shopOrderId));
        assertThat(run.get("run").get("status").asString()).as(run.toString()).isEqualTo("succeeded");

        HttpResponse<String> fulfilment = sandbox.fulfillmentOrder(orderId);
        assertThat(fulfilment.statusCode()).as(fulfilment.body()).isEqualTo(200);
        assertThat(fulfilment.body()).contains("\"Complete\"").contains("\"displayableOrderId\":\"" + orderId + "\"");
        assertThat(sandbox.counters("amazon").get("duplicateSideEffects").asLong()).isEqualTo(duplicatesBefore);
        String transactionId = TemplateApi.output(run, "pay").get("transactionId").asString();
        assertThat(sandbox.opayo("/transactions/" + transactionId + "/instructions").toString())
                .contains("release").doesNotContain("abort");
        JsonNode shopOrder = sandbox.shopOrder(shopOrderId);
        assertThat(shopOrder.get("status").asString()).isEqualTo("shipped");
        assertThat(shopOrder.get("tracking").get("numbers").get(0).asString()).startsWith("TBA");

        // an Amazon refund refunds the payment under the order id
        String refundWorkflow = templates.readyAndPublished(templates.install("amazon-refund-to-opayo",
                "{\"workflowName\": \"" + TemplateApi.unique("Refunds") + "\"}"), "opayo-pi-sandbox");
        JsonNode refundRun = templates.run(refundWorkflow, "{\"notificationId\": \"" + UUID.randomUUID()
                + "\", \"orderId\": \"" + orderId + "\", \"refundNumber\": 1, \"refundAmount\": 1299}");
        assertThat(refundRun.get("run").get("status").asString()).as(refundRun.toString()).isEqualTo("succeeded");
        JsonNode refund = TemplateApi.output(refundRun, "refund");
        assertThat(refund.get("status").asString()).isEqualTo("Ok");
        JsonNode refundTransaction = sandbox.opayo("/transactions/" + refund.get("transactionId").asString());
        assertThat(refundTransaction.get("transactionType").asString()).isEqualTo("Refund");

        // the Opayo notification of that refund (vendorTxCode "<order id>-R1") updates the Dynamics order numbered
        // by the order id
        sandbox.submittedSalesOrder(orderId, 1, "refund-" + orderId.toLowerCase() + "@example.com");
        String notified = templates.readyAndPublished(templates.install("opayo-refund-to-dynamics",
                "{\"workflowName\": \"" + TemplateApi.unique("Refund notices") + "\"}"), "opayo-pi-sandbox",
                "dataverse-sandbox");
        HttpResponse<String> webhook = admin.get("/api/v1/workflows/" + notified + "/webhook");
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(200);
        String url = RunsApi.read(webhook.body()).get("url").asString().replace("localhost", "127.0.0.1");
        assertThat(sandbox.opayoNotification(refund.get("transactionId").asString(), url)).contains("Status=OK");
        JsonNode noticeRuns = RunsApi.read(admin.get("/api/v1/runs?workflowId=" + notified).body()).get("items");
        assertThat(noticeRuns).hasSize(1);
        JsonNode noticeRun = new RunsApi(admin).until(noticeRuns.get(0).get("id").asString(),
                Set.of("succeeded", "dead_lettered", "failed"));
        assertThat(noticeRun.get("run").get("status").asString()).as(noticeRun.toString()).isEqualTo("succeeded");
        assertThat(sandbox.salesOrder(orderId).get("description").asString()).contains("Refunded by Opayo")
                .contains(orderId + "-R1");
    }

    @Test
    void anOrderCancelledWithinTheWindowHasItsMcfOrderCancelledAndItsPaymentAborted() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        TemplateApi templates = new TemplateApi(admin);
        SandboxRemotes sandbox = new SandboxRemotes(port, admin);
        String workflowId = templates.readyAndPublished(templates.install("fba-opayo", "{\"workflowName\": \""
                        + TemplateApi.unique("Shop to FBA, cancelled") + "\", \"parameters\":"
                        + " {\"cancellationWindow\": \"PT10M\"}}"),
                "opayo-pi-sandbox", "amazon-sp-api-sandbox", "http-sandbox");
        String shopOrderId = sandbox.createShopOrder("Grace Hopper").get("id").asString();
        String orderId = "SHOP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        RunsApi runs = new RunsApi(admin);
        String created = runs.start(workflowId, order("order.created", orderId, shopOrderId));
        JsonNode waiting = runs.until(created, Set.of("waiting", "succeeded", "dead_lettered", "failed"));
        assertThat(waiting.get("run").get("status").asString()).as(waiting.toString()).isEqualTo("waiting");

        JsonNode cancelled = templates.run(workflowId, order("order.cancelled", orderId, shopOrderId));
        assertThat(cancelled.get("run").get("status").asString()).as(cancelled.toString()).isEqualTo("succeeded");
        String transactionId = TemplateApi.output(cancelled, "findPayment").get("transactionId").asString();
        assertThat(transactionId).isEqualTo(TemplateApi.output(waiting, "pay").get("transactionId").asString());
        assertThat(sandbox.opayo("/transactions/" + transactionId + "/instructions").toString()).contains("abort")
                .doesNotContain("release");
        assertThat(sandbox.fulfillmentOrder(orderId).body()).contains("\"Cancelled\"");
        assertThat(sandbox.shopOrder(shopOrderId).get("status").asString()).isEqualTo("cancelled");
        admin.post("/api/v1/runs/" + created + "/cancel", null);
    }

    @Test
    void twoAmazonSellerAccountsAreTwoInstallsEachRunShippingFromItsOwnAccountAndMarketplace() {
        ApiClient admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
        TemplateApi templates = new TemplateApi(admin);
        SandboxRemotes sandbox = new SandboxRemotes(port, admin);
        String second = "amazon-seller-two-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode settings = (ObjectNode) JsonMapper.builder().build()
                .readTree(admin.get("/api/v1/connections/amazon-sp-api-sandbox").body()).get("settings");
        settings.put("marketplaceIds", SpApiSimulator.MARKETPLACE_DE);
        HttpResponse<String> created = admin.post("/api/v1/connections", "{\"id\": \"" + second + "\", \"name\":"
                + " \"Amazon seller two " + second + "\", \"connectorId\": \"amazon-sp-api\", \"environment\":"
                + " \"sandbox\", \"settings\": " + settings + ", \"secrets\": {\"lwaClientSecret\": \""
                + SpApiSimulator.CLIENT_SECRET + "\", \"refreshToken\": \""
                + SpApiSimulator.SECOND_SELLER_REFRESH_TOKEN + "\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String fast = "\"cancellationWindow\": \"PT1S\", \"trackingInterval\": \"PT1S\"";
        String firstWorkflow = templates.readyAndPublished(templates.install("fba-opayo", "{\"workflowName\": \""
                        + TemplateApi.unique("Seller one to FBA") + "\", \"parameters\": {" + fast + "}}"),
                "opayo-pi-sandbox", "amazon-sp-api-sandbox", "http-sandbox");
        String secondWorkflow = templates.readyAndPublished(templates.install("fba-opayo", "{\"workflowName\": \""
                        + TemplateApi.unique("Seller two to FBA") + "\", \"connections\": {\"amazon\": \"" + second
                        + "\"}, \"parameters\": {" + fast + ", \"marketplace\": \"" + SpApiSimulator.MARKETPLACE_DE
                        + "\"}}"),
                "opayo-pi-sandbox", second, "http-sandbox");

        String firstOrder = "SHOP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String secondOrder = "SHOP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String firstShopOrder = sandbox.createShopOrder("Ada Lovelace").get("id").asString();
        String secondShopOrder = sandbox.createShopOrder("Grace Hopper").get("id").asString();
        JsonNode firstRun = templates.run(firstWorkflow, order("order.created", firstOrder, firstShopOrder));
        JsonNode secondRun = templates.run(secondWorkflow, order("order.created", secondOrder, secondShopOrder));
        assertThat(firstRun.get("run").get("status").asString()).as(firstRun.toString()).isEqualTo("succeeded");
        assertThat(secondRun.get("run").get("status").asString()).as(secondRun.toString()).isEqualTo("succeeded");

        // each MCF order is held by the seller account of its install's connection, in its marketplace
        JsonNode firstHolder = sandbox.fulfillmentOrderHolder(firstOrder);
        JsonNode secondHolder = sandbox.fulfillmentOrderHolder(secondOrder);
        assertThat(firstHolder.get("seller").asString()).isEqualTo(SpApiSimulator.SELLER_ID);
        assertThat(firstHolder.get("marketplaceId").asString()).isEqualTo(SpApiSimulator.MARKETPLACE_UK);
        assertThat(secondHolder.get("seller").asString()).isEqualTo(SpApiSimulator.SECOND_SELLER_ID);
        assertThat(secondHolder.get("marketplaceId").asString()).isEqualTo(SpApiSimulator.MARKETPLACE_DE);
        assertThat(secondHolder.get("status").asString()).isEqualTo("Complete");
        // the first seller cannot see the second's order: the second run's shipment was polled with its own account
        assertThat(sandbox.fulfillmentOrder(secondOrder).statusCode()).isEqualTo(404);
        assertThat(sandbox.shopOrder(firstShopOrder).get("status").asString()).isEqualTo("shipped");
        assertThat(sandbox.shopOrder(secondShopOrder).get("status").asString()).isEqualTo("shipped");
        JsonNode firstInstall = JsonMapper.builder().build().readTree(
                admin.get("/api/v1/workflows/" + firstWorkflow + "/template").body());
        JsonNode secondInstall = JsonMapper.builder().build().readTree(
                admin.get("/api/v1/workflows/" + secondWorkflow + "/template").body());
        assertThat(firstInstall.get("connections").get("amazon").asString()).isEqualTo("amazon-sp-api-sandbox");
        assertThat(secondInstall.get("connections").get("amazon").asString()).isEqualTo(second);
    }
}
