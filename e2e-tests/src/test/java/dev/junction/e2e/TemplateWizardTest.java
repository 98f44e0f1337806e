package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TPL-2 in the browser, one test per bundled template: the setup wizard with the sandbox connections chosen (its
 * defaults), parameters filled, left and resumed at its step with its choices, installed, its test run succeeding
 * on the simulators, published with its trigger and an alert rule; then a run of the live workflow on new data, and
 * the simulators' state checked over their own APIs.
 */
class TemplateWizardTest extends TemplateBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocatorAssertions.HasAttributeOptions RUN_ENDED = new LocatorAssertions.HasAttributeOptions()
            .setTimeout(90_000);
    private static final LocatorAssertions.HasTextOptions RUN_SETTLED = new LocatorAssertions.HasTextOptions()
            .setTimeout(90_000);

    @Test
    void amazonOrdersToDynamicsRunsOnTheSandbox() {
        String name = "Amazon to Dynamics " + UUID.randomUUID().toString().substring(0, 8);
        String workflowId = installThroughTheWizard("amazon-orders-to-dynamics", name,
                Map.of("schedule", "0 0 3 1 1 ? 2099"));
        TemplateRemotes sandbox = new TemplateRemotes(port);

        // the wizard's test run ran the template's sample order into Dynamics: one sales order, with its line
        JsonNode sample = JSON.readTree(AdminReads.get(port, "/api/v1/templates/amazon-orders-to-dynamics"))
                .get("template").get("sampleInput");
        JsonNode sampleOrders = sandbox.salesOrders(sample.get("AmazonOrderId").asString());
        assertThat(sampleOrders).as("sales orders of the sample order").hasSize(1);

        // live: a new Amazon order becomes one sales order with its line matched by SKU
        JsonNode order = sandbox.placeAmazonOrder("Unshipped", "JN-MUG-001", 2);
        String amazonOrderId = order.get("AmazonOrderId").asString();
        runLive(workflowId, order.toString());
        JsonNode salesOrders = sandbox.salesOrders(amazonOrderId);
        assertThat(salesOrders).hasSize(1);
        assertThat(salesOrders.get(0).get("statecode").asInt()).isEqualTo(1);
        assertThat(salesOrders.get(0).get("order_details")).hasSize(1);
        assertThat(salesOrders.get(0).get("order_details").get(0).get("quantity").asDouble()).isEqualTo(2.0);
        screenshot("live-run");
    }

    @Test
    void dynamicsOrdersToFbaRunsOnTheSandbox() {
        String name = "Dynamics to FBA " + UUID.randomUUID().toString().substring(0, 8);
        String workflowId = installThroughTheWizard("dynamics-orders-to-fba", name,
                Map.of("schedule", "0 0 3 1 1 ? 2099", "trackingInterval", "PT1S"));
        TemplateRemotes sandbox = new TemplateRemotes(port);

        // the wizard's test run shipped the template's sample sales order by FBA
        JsonNode sample = JSON.readTree(AdminReads.get(port, "/api/v1/templates/dynamics-orders-to-fba"))
                .get("template").get("sampleInput");
        var sampleFulfilment = sandbox.fulfillmentOrder(sample.get("ordernumber").asString());
        assertThat(sampleFulfilment.statusCode()).as(sampleFulfilment.body()).isEqualTo(200);

        // live: a submitted sales order ships once by FBA, and gets its tracking written back
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        String orderNumber = "TPLUI-" + suffix;
        JsonNode order = sandbox.submittedSalesOrder(orderNumber, 1, "buyer-" + suffix.toLowerCase(java.util.Locale.ROOT)
                + "@example.com");
        runLive(workflowId, order.toString());
        var fulfilment = sandbox.fulfillmentOrder(orderNumber);
        assertThat(fulfilment.statusCode()).as(fulfilment.body()).isEqualTo(200);
        assertThat(fulfilment.body()).contains("\"sellerSku\":\"JN-MUG-001\"");
        JsonNode salesOrders = sandbox.salesOrders(orderNumber);
        assertThat(salesOrders).hasSize(1);
        assertThat(salesOrders.get(0).get("description").asString()).contains("AMZN_UK");
        assertThat(salesOrders.get(0).get("datefulfilled").isNull()).isFalse();
        screenshot("live-run");
    }

    @Test
    void settlementReconciliationRunsOnTheSandbox() {
        String name = "Settlement reconciliation " + UUID.randomUUID().toString().substring(0, 8);
        String workflowId = installThroughTheWizard("settlement-reconciliation", name,
                Map.of("schedule", "0 0 3 1 1 ? 2099"));

        // the wizard's test run reconciled the sandbox's latest settlement (the SP-API simulator seeds 24288000001
        // and 24288000002, the latter ending yesterday) and wrote its balanced journal to Dynamics
        String settlementId = "24288000002";
        JsonNode journal = new TemplateRemotes(port).journalLines(settlementId);
        assertThat(journal).as("journal lines of settlement " + settlementId + " in Dynamics").isNotEmpty();
        double debits = 0;
        double credits = 0;
        for (JsonNode line : journal) {
            debits += line.get("jnc_debit").asDouble();
            credits += line.get("jnc_credit").asDouble();
        }
        assertThat(debits).isCloseTo(credits, org.assertj.core.data.Offset.offset(0.001));

        // and the reconciliation is in the Reconciliation view
        page.navigate(url("/reconciliation"));
        Locator settlement = page.locator("[data-testid=settlement][data-settlement-id='" + settlementId + "']");
        assertThat(settlement).hasAttribute("data-status", java.util.regex.Pattern.compile("balanced|discrepancies"));
        screenshot("reconciled");

        // the reconcile step is a node kind of the designer: in its palette, its form generated from its schema
        page.setViewportSize(1600, 1000);
        page.navigate(url("/workflows/" + workflowId));
        assertThat(page.locator("[data-testid=designer][data-ready=true]")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        assertThat(page.locator("[data-testid=palette-item][data-kind=reconcileSettlement]")).hasCount(1);
        page.locator("[data-testid=canvas-node][data-node-id=reconcile]").click();
        assertThat(page.locator("[data-testid=param][data-name='config.amazonConnection']")).isVisible();
        assertThat(page.locator("[data-testid=param][data-name='config.opayoConnection']")).isVisible();
        assertThat(page.locator("[data-testid=param][data-name='config.reconcileAgain']")).isVisible();
        screenshot("reconcile-node");
    }

    @Test
    void orderToFulfilmentThenRefundsRunOnTheSandboxWithTheTestInputChanged() {
        TemplateRemotes sandbox = new TemplateRemotes(port);
        String orderId = "SHOP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        String shopOrderId = sandbox.createShopOrder("Ada Lovelace").get("id").asString();

        // template 1: the sample order, changed to a new order id and an order the sandbox shop holds
        ObjectNode order = sample("fba-opayo");
        order.put("orderId", orderId).put("shopOrderId", shopOrderId);
        installThroughTheWizard("fba-opayo", "Shop to FBA " + orderId, Map.of("cancellationWindow", "PT1S",
                "trackingInterval", "PT1S"), order);
        JsonNode paid = testRunDetail();
        String paymentId = step(paid, "pay").get("transactionId").asString();
        // Opayo: the deferred payment released (not aborted) under the order id
        assertThat(sandbox.opayo("/transactions/" + paymentId).get("transactionType").asString()).isEqualTo("Deferred");
        assertThat(sandbox.opayo("/transactions/" + paymentId + "/instructions").toString()).contains("release")
                .doesNotContain("abort");
        // Amazon: one MCF order whose id is the shop's order id, shipped
        JsonNode fulfilment = sandbox.fulfillmentOrderHolder(orderId);
        assertThat(fulfilment.get("status").asString()).isEqualTo("Complete");
        assertThat(fulfilment.get("marketplaceId").asString()).isEqualTo("A1F83G8C2ARO7P");
        assertThat(sandbox.fulfillmentOrder(orderId).body()).contains("\"displayableOrderId\":\"" + orderId + "\"");
        // the shop: the order shipped, with Amazon's tracking
        JsonNode shopOrder = sandbox.shopOrder(shopOrderId);
        assertThat(shopOrder.get("status").asString()).isEqualTo("shipped");
        assertThat(shopOrder.get("tracking").get("numbers").get(0).asString()).startsWith("TBA");

        // template 4, Amazon side: a return of that order refunds its payment
        ObjectNode refundEvent = sample("amazon-refund-to-opayo");
        refundEvent.put("notificationId", UUID.randomUUID().toString()).put("orderId", orderId)
                .put("refundNumber", 1).put("refundAmount", 1299);
        installThroughTheWizard("amazon-refund-to-opayo", "Refunds " + orderId, Map.of(), refundEvent);
        JsonNode refunded = testRunDetail();
        assertThat(step(refunded, "payment").get("transactionId").asString()).isEqualTo(paymentId);
        String refundId = step(refunded, "refund").get("transactionId").asString();
        JsonNode refund = sandbox.opayo("/transactions/" + refundId);
        assertThat(refund.get("transactionType").asString()).isEqualTo("Refund");
        assertThat(refund.get("status").asString()).isEqualTo("Ok");
        assertThat(refund.get("amount").get("totalAmount").asLong()).isEqualTo(1299);

        // template 4, Opayo side: the notification of that refund updates the Dynamics order numbered by the order id
        sandbox.submittedSalesOrder(orderId, 1, "refund-" + orderId.toLowerCase(java.util.Locale.ROOT)
                + "@example.com");
        ObjectNode notification = sample("opayo-refund-to-dynamics");
        notification.put("VendorTxCode", orderId + "-R1").put("VPSTxId", "{" + refundId + "}");
        installThroughTheWizard("opayo-refund-to-dynamics", "Refund notices " + orderId, Map.of(), notification);
        JsonNode salesOrders = sandbox.salesOrders(orderId);
        assertThat(salesOrders).hasSize(1);
        assertThat(salesOrders.get(0).get("description").asString()).contains("Refunded by Opayo")
                .contains(orderId + "-R1").contains(refundId);
    }

    /** A copy of a template's sample input, to change before the wizard's test run. */
    private ObjectNode sample(String templateId) {
        return (ObjectNode) JSON.readTree(AdminReads.get(port, "/api/v1/templates/" + templateId))
                .get("template").get("sampleInput");
    }

    /** The run detail of the wizard's last test run (read over the API, by the run the wizard links to). */
    private JsonNode testRunDetail() {
        return JSON.readTree(AdminReads.get(port, "/api/v1/runs/" + testRunId));
    }

    /** The output of a step that succeeded in a run detail. */
    private static JsonNode step(JsonNode run, String nodeId) {
        for (JsonNode step : run.get("steps")) {
            if (step.get("nodeId").asString().equals(nodeId) && "succeeded".equals(step.get("status").asString())) {
                return step.get("output").get("value");
            }
        }
        throw new AssertionError("no step " + nodeId + " that succeeded in " + run);
    }

    /** The id of the wizard's last test run, from its "Open the run" link. */
    private String testRunId;

    String installThroughTheWizard(String templateId, String name, Map<String, String> parameters) {
        return installThroughTheWizard(templateId, name, parameters, null);
    }

    /**
     * Sets the template up through the wizard as admin with the sandbox connections, leaving it once at the
     * parameters step and coming back; the test run on {@code testInput} typed into the wizard (null: the
     * template's sample as it is); answers the id of the published workflow.
     */
    String installThroughTheWizard(String templateId, String name, Map<String, String> parameters,
                                   JsonNode testInput) {
        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/templates/" + templateId + "/setup"));
        Locator wizard = page.locator("[data-testid=template-wizard]");
        assertThat(wizard).hasAttribute("data-step", "connections");
        Locator requirements = page.locator("[data-testid=requirement-connection]");
        for (int i = 0; i < requirements.count(); i++) {
            assertThat(requirements.nth(i)).containsText("sandbox");
        }
        screenshot("connections");
        page.locator("#wizard-next").click();
        assertThat(wizard).hasAttribute("data-step", "parameters");
        page.locator("#wizard-workflow-name input").fill(name);
        parameters.forEach((key, value) ->
                page.locator("[data-testid=parameter][data-key=" + key + "] input").fill(value));
        page.locator("#wizard-workflow-name input").press("Tab");
        waitUntilIdle();
        screenshot("parameters");

        // leave, and come back: the wizard reopens at its step with its choices
        page.navigate(url("/workflows"));
        waitUntilIdle();
        page.navigate(url("/templates/" + templateId + "/setup"));
        assertThat(wizard).hasAttribute("data-step", "parameters");
        assertThat(page.locator("#wizard-workflow-name input")).hasValue(name);
        parameters.forEach((key, value) ->
                assertThat(page.locator("[data-testid=parameter][data-key=" + key + "] input")).hasValue(value));

        page.locator("#wizard-next").click();
        assertThat(wizard).hasAttribute("data-step", "review");
        // each mapping runs clean on the template's sample, with the template's lookup tables (not yet installed)
        assertThat(page.locator("[data-testid=wizard-mapping][data-ok=false]")).hasCount(0);
        screenshot("review");
        page.locator("#wizard-next").click(); // Install
        assertThat(wizard).hasAttribute("data-step", "test");
        if (testInput != null) {
            // what is not a JSON object is refused at the field, and nothing runs
            Locator input = page.locator("#wizard-test-input textarea");
            input.fill("{\"orderId\": ");
            page.locator("#wizard-run-test").click();
            assertThat(page.locator("#wizard-test-input")).hasAttribute("data-invalid", "true");
            assertThat(page.locator("[data-testid=wizard-test-run]")).hasAttribute("data-status", "none");
            screenshot(templateId + "-test-input-invalid");
            input.fill(testInput.toPrettyString());
            input.press("Tab");
            waitUntilIdle();
            screenshot(templateId + "-test-input");

            // leave, and come back (the wizard's address names its draft): the edited test input is kept in the
            // draft, not replaced by the sample
            String address = page.url();
            assertThat(address).contains("draft=");
            page.navigate(url("/workflows"));
            waitUntilIdle();
            page.navigate(address);
            assertThat(wizard).hasAttribute("data-step", "test");
            assertThat(page.locator("#wizard-test-input")).hasAttribute("data-invalid", "false");
            assertThat(JSON.readTree(input.inputValue())).as("the test input after resuming").isEqualTo(testInput);
            screenshot(templateId + "-test-input-resumed");
        }
        page.locator("#wizard-run-test").click();
        assertThat(page.locator("[data-testid=wizard-test-run]")).hasAttribute("data-status", "succeeded", RUN_ENDED);
        String runLink = page.locator("a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Open the run"))
                .getAttribute("href");
        testRunId = runLink.substring(runLink.lastIndexOf('/') + 1);
        screenshot(templateId + "-test-run");
        page.locator("#wizard-next").click();
        assertThat(wizard).hasAttribute("data-step", "publish");
        screenshot("publish");
        page.locator("#wizard-publish").click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/workflows$"));
        page.locator("#workflow-search input").fill(name);
        Locator status = page.locator("[data-testid=workflow-status][data-workflow=\"" + name + "\"]");
        assertThat(status).hasAttribute("data-status", "active");
        assertThat(status).hasAttribute("data-trigger", "enabled");
        assertThat(status).hasAttribute("data-alert-rule", "true");
        screenshot("workflow-list");
        JsonNode found = JSON.readTree(AdminReads.get(port, "/api/v1/workflows?search="
                + URLEncoder.encode(name, StandardCharsets.UTF_8))).get("items");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("publishedVersion").asInt()).isEqualTo(1);
        return found.get(0).get("id").asString();
    }

    /** Starts a run of the published workflow with {@code input} and waits on its page until it succeeded. */
    void runLive(String workflowId, String input) {
        String runId = ErrorInboxTest.id(postThroughApi("/api/v1/workflows/" + workflowId + "/runs",
                "{\"input\": " + input + "}", 202));
        page.navigate(url("/runs/" + runId));
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "succeeded", RUN_ENDED);
    }
}
