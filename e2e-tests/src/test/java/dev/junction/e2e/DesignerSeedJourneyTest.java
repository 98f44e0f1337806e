package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.SelectOption;
import dev.junction.connectors.dataverse.sandbox.DataverseSimulator;
import dev.junction.connectors.opayo.sandbox.OpayoSimulator;
import dev.junction.connectors.sandbox.client.SandboxClient;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The seed scenario built in the browser by mouse and keyboard only — no definition sent over REST: a paid Opayo
 * order (a signed Opayo Server notification) becomes an Amazon FBA fulfillment order, the workflow waits until Amazon
 * ships it, and writes the tracking number back to the Dynamics sales order. Published from the designer, triggered
 * by the Opayo simulator with a genuine signed notification, followed on the canvas to its end, and the tracking
 * number read back from the Dynamics sandbox.
 *
 * <p>What the test does outside the browser is what the outside world does: the shop takes the payment at Opayo (the
 * Opayo simulator's Pi API), Opayo notifies (the simulator signs and posts the notification).
 */
class DesignerSeedJourneyTest extends DesignerBrowserTest {

    private static final String SALES_ORDER = "ORD-01045-D4F6G2";

    @Test
    void aPaidOpayoOrderBecomesAnFbaOrderAndItsTrackingGoesBackToDynamics() throws Exception {
        String name = "Opayo paid to FBA " + UUID.randomUUID().toString().substring(0, 8);
        page.setViewportSize(1600, 1000);
        signIn("admin", ADMIN_PASSWORD);

        // a new workflow, from the list
        page.locator("#new-workflow").click();
        page.locator("#workflow-name input").fill(name);
        page.locator("#save-workflow").click();
        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(name)).first().click();
        assertThat(page.locator("[data-testid=designer]")).hasAttribute("data-ready", "true",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
        page.locator("[data-testid=palette-item]").first().waitFor();

        // the trigger: Opayo Server notifications, verified with the Opayo sandbox connection's key
        inspect("trigger");
        page.locator("[data-testid=trigger-kind]").selectOption("webhook");
        param("config.verification.kind").locator("select").selectOption("opayo-server");
        selectSandbox(param("config.verification.connection").locator("select"));
        fill(param("config.verification.redirectUrl").locator("input"), "https://shop.example/thanks");
        screenshot("1-trigger");

        // the steps, each added after the one before with the picker (/), so each is connected as it comes
        String map = addAfter("trigger", "map", "map", null);
        String ship = addAfter(map, "fulfillment order", "connector", "createFulfillmentOrder");
        String shipped = addAfter(ship, "wait", "waitUntil", null);
        String track = addAfter(shipped, "tracking", "connector", "writeShipmentTracking");
        page.locator("[data-testid=zoom-fit]").click(); // the canvas draws only what is in view
        assertThat(edge("trigger:out->" + map)).hasCount(1);
        assertThat(edge(map + ":out->" + ship)).hasCount(1);
        assertThat(edge(ship + ":out->" + shipped)).hasCount(1);
        assertThat(edge(shipped + ":out->" + track)).hasCount(1);

        // Amazon: create the fulfillment order from the map's output
        inspect(ship);
        rename("Send to FBA");
        selectSandbox(param("config.connection").locator("select"));
        page.locator("[data-testid=inspector] .input-mode input[type=checkbox]").check();
        assertThat(expression("config.input")).hasText("{{ trigger }}");
        type(expression("config.input"), "{{ nodes." + map + " }}");
        screenshot("2-fba-order");

        // wait until Amazon ships it
        inspect(shipped);
        rename("Shipped");
        selectSandbox(param("config.connection").locator("select"));
        param("config.operation").locator("select").selectOption(new SelectOption().setLabel("Get a fulfillment order"));
        type(expression("config.input.sellerFulfillmentOrderId"), "{{ nodes." + ship + ".sellerFulfillmentOrderId }}");
        type(expression("config.condition"), "{{ output.fulfillmentOrder.fulfillmentOrderStatus == 'Complete' }}");
        fill(param("config.interval").locator("input"), "PT1S");
        fill(param("config.timeout").locator("input"), "PT5M");
        inspect(ship);
        inspect(shipped); // what was entered is what the step keeps
        assertThat(param("config.interval").locator("input")).hasValue("PT1S");
        assertThat(param("config.timeout").locator("input")).hasValue("PT5M");

        // Dynamics: the tracking number back on the sales order
        inspect(track);
        rename("Tracking to Dynamics");
        selectSandbox(param("config.connection").locator("select"));
        page.locator("[data-testid=inspector] .input-mode input[type=checkbox]").check();
        assertThat(expression("config.input")).hasText("{{ trigger }}");
        String shipment = "nodes." + shipped + ".fulfillmentShipments[0].fulfillmentShipmentPackage[0]";
        type(expression("config.input"), "{{ ({ordernumber: '" + SALES_ORDER + "', trackingNumbers: [" + shipment
                + ".trackingNumber], carrier: " + shipment + ".carrierCode}) }}");
        screenshot("3-tracking");

        // map: the notification becomes an FBA order, with rules written in the inspector
        inspect(map);
        rename("Payment to FBA order");
        page.locator("[data-testid=mapping-mode]").selectOption("inline");
        rule(0, "sellerFulfillmentOrderId", "from", "VendorTxCode");
        rule(1, "displayableOrderId", "from", "VendorTxCode");
        rule(2, "displayableOrderDate", "expression", "new Date().toISOString()");
        rule(3, "displayableOrderComment", "value", "Thank you for your order");
        rule(4, "shippingSpeedCategory", "value", "Standard");
        // a fixed value typed as JSON is kept as that JSON value (and shown compact)
        rule(5, "destinationAddress", "value", "{\"name\":\"Ada Lovelace\",\"addressLine1\":\"1 Analytical Row\","
                + "\"city\":\"London\",\"postalCode\":\"EC1A 1BB\",\"countryCode\":\"GB\"}");
        rule(6, "items", "value", "[{\"sellerSku\":\"JN-MUG-001\",\"sellerFulfillmentOrderItemId\":\"line-1\","
                + "\"quantity\":1}]");
        screenshot("4-map-rules");

        // no problems left: save (Ctrl+S) and publish
        page.locator("[data-testid=problems-toggle]").click();
        assertThat(page.locator("[data-testid=problem]")).hasCount(0);
        assertThat(page.locator("[data-testid=publish]")).hasAttribute("data-problems", "0");
        focusCanvas();
        page.keyboard().press("Control+s");
        page.locator("[data-testid=save-comment]").fill("Opayo paid orders to FBA, tracking to Dynamics");
        page.locator("[data-testid=save-confirm]").click();
        assertThat(designer()).hasAttribute("data-dirty", "false");
        page.locator("[data-testid=publish]").click();
        page.locator("[data-testid=publish-confirm]").click();
        assertThat(page.locator("#workflow-version")).containsText("published");
        screenshot("5-published");

        // Opayo: the shop takes a payment, Opayo notifies the webhook with a signed notification
        Locator webhookUrl = page.locator("#webhook-url input");
        assertThat(webhookUrl).hasValue(Pattern.compile("^http://.*"));
        String hook = webhookUrl.inputValue();
        String vendorTxCode = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        String transactionId = payAtOpayo(vendorTxCode);
        HttpResponse<String> notified = SandboxClient.asUser(url("/sandbox"), "admin", ADMIN_PASSWORD)
                .opayoNotification(transactionId, hook);
        org.assertj.core.api.Assertions.assertThat(notified.body()).as("the receiver's reply").contains("Status=OK");

        // the run, from the runs list, opened on the canvas: every step succeeded
        page.locator("#workflow-runs").click();
        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(vendorTxCode)).first()
                .click();
        page.locator("#run-on-canvas").click();
        // the notification became a run: every step succeeded on the canvas — the wait polled the FBA order (the
        // sandbox moves it one status on per read) until Amazon shipped it, then the tracking number went to Dynamics.
        // The canvas follows the run although the run page, left while the run waited, stops its own polling
        // (the wait-until once stayed "queued · 2 attempts" here: the canvas had stopped refreshing, not the run)
        assertThat(node(track)).hasAttribute("data-status", "succeeded",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(90_000));
        for (String step : new String[] {map, ship, shipped}) {
            assertThat(node(step)).hasAttribute("data-status", "succeeded");
        }
        assertThat(page.locator("[data-testid=run-overlay]")).hasAttribute("data-status", "succeeded");
        inspect(ship);
        assertThat(page.locator("[data-testid=pane-output]")).containsText(vendorTxCode);
        inspect(shipped);
        assertThat(page.locator("[data-testid=pane-output]")).containsText("Complete");
        String runId = page.locator("[data-testid=run-overlay]").getAttribute("data-run-id");
        Matcher tracking = Pattern.compile("\"trackingNumber\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(AdminReads.get(port, "/api/v1/runs/" + runId));
        org.assertj.core.api.Assertions.assertThat(tracking.find()).as("the shipment's tracking number").isTrue();
        org.assertj.core.api.Assertions.assertThat(dynamicsOrderDescription()).as("the sales order in Dynamics")
                .contains("Shipped via AMZN_UK, tracking " + tracking.group(1));
        screenshot("6-run-on-canvas");
    }

    private Locator param(String name) {
        return page.locator("[data-testid=inspector] [data-testid=param][data-name='" + name + "']");
    }

    private Locator expression(String name) {
        return page.locator("[data-testid=inspector] [data-testid=expr-input][data-name='" + name + "'] .cm-content");
    }

    /** Zooms the canvas to fit (a user's way to find a step) and opens the step's inspector. */
    private void inspect(String nodeId) {
        page.locator("[data-testid=zoom-fit]").click();
        node(nodeId).click(new Locator.ClickOptions().setPosition(20, 12)); // the minimap may cover a step's centre
        assertThat(page.locator("[data-testid=inspector][data-node='" + nodeId + "']")).isVisible();
    }

    /** Selects the node, opens the picker with "/", searches, and picks a node kind (or a connector operation). */
    private String addAfter(String nodeId, String search, String kind, String operation) {
        inspect(nodeId);
        page.keyboard().press("/");
        assertThat(page.locator("[data-testid=picker]")).isVisible();
        page.locator("[data-testid=picker-search]").fill(search);
        page.locator("[data-testid=picker-item][data-kind=" + kind + "]"
                + (operation == null ? "" : "[data-operation=" + operation + "]")).first().click();
        // the new step is selected, inspected and brought into view
        Locator inspector = page.locator("[data-testid=inspector]:not([data-node='" + nodeId + "'])");
        assertThat(inspector).isVisible();
        String added = inspector.getAttribute("data-node");
        assertThat(node(added)).hasAttribute("data-type", kind);
        return added;
    }

    private void rename(String name) {
        fill(param("name").locator("input"), name);
    }

    private void rule(int index, String target, String kind, String source) {
        page.locator("[data-testid=rule-add]").click();
        Locator row = page.locator("[data-testid=map-rule][data-index='" + index + "']");
        fill(row.locator("[data-testid=rule-target]"), target);
        row.locator("[data-testid=rule-kind]").selectOption(kind);
        fill(row.locator("[data-testid=rule-source]"), source);
    }

    /** Types into a field and leaves it with Tab: the inspector commits a field when it loses the focus. */
    private void fill(Locator input, String text) {
        input.click();
        input.fill(text);
        if (!"TEXTAREA".equals(input.evaluate("e => e.tagName"))) {
            input.press("Enter"); // commits a text input (a text area takes Enter as a new line)
        }
        assertThat(input).hasValue(text);
        input.press("Tab");
    }

    /** Types an expression key by key into its CodeMirror editor, then leaves it. */
    private void type(Locator editor, String text) {
        editor.click();
        page.keyboard().press("Control+a");
        page.keyboard().press("Delete");
        assertThat(editor).hasText("");
        page.keyboard().type(text);
        assertThat(editor).hasText(text);
        page.keyboard().press("Escape"); // closes a completion list, if one is open
        param("name").locator("input").click();
    }

    private static void selectSandbox(Locator select) {
        String value = (String) select.evaluate("s => [...s.options].find(o => o.text.includes('sandbox'))?.value");
        select.selectOption(value);
    }

    /** What the shop does at Opayo: a merchant session key, a card identifier, and a payment. */
    private String payAtOpayo(String vendorTxCode) throws Exception {
        String api = url("/sandbox/opayo/api/v1");
        String basic = "Basic " + Base64.getEncoder().encodeToString((OpayoSimulator.INTEGRATION_KEY + ":"
                + OpayoSimulator.INTEGRATION_PASSWORD).getBytes(StandardCharsets.UTF_8));
        String sessionKey = field(post(api + "/merchant-session-keys", "application/json",
                "{\"vendorName\": \"" + OpayoSimulator.VENDOR_NAME + "\"}", basic), "merchantSessionKey");
        String card = field(post(api + "/card-identifiers", "application/json",
                "{\"cardDetails\": {\"cardholderName\": \"Ada Lovelace\", \"cardNumber\": \"4929000000006\","
                        + " \"expiryDate\": \"1230\", \"securityCode\": \"123\"}}", "Bearer " + sessionKey),
                "cardIdentifier");
        return field(post(api + "/transactions", "application/json",
                "{\"transactionType\": \"Payment\", \"paymentMethod\": {\"card\": {\"merchantSessionKey\": \""
                        + sessionKey + "\", \"cardIdentifier\": \"" + card + "\"}}, \"vendorTxCode\": \"" + vendorTxCode
                        + "\", \"amount\": 2500, \"currency\": \"GBP\", \"description\": \"Mug\","
                        + " \"customerFirstName\": \"Ada\", \"customerLastName\": \"Lovelace\", \"billingAddress\":"
                        + " {\"address1\": \"1 Analytical Row\", \"city\": \"London\", \"postalCode\": \"EC1A 1BB\","
                        + " \"country\": \"GB\"}}", basic), "transactionId");
    }

    /** The description of the sales order, as the Dynamics sandbox's Web API answers it (signed in as the app). */
    private String dynamicsOrderDescription() throws Exception {
        String dataverse = url("/sandbox/dataverse");
        String form = "grant_type=client_credentials&client_id=" + DataverseSimulator.CLIENT_ID + "&client_secret="
                + encoded(DataverseSimulator.CLIENT_SECRET) + "&scope=" + encoded(dataverse + "/.default");
        String token = field(post(dataverse + "/" + DataverseSimulator.TENANT_ID + "/oauth2/v2.0/token",
                "application/x-www-form-urlencoded", form, null), "access_token");
        HttpRequest read = HttpRequest.newBuilder(URI.create(dataverse + "/api/data/v9.2/salesorders?$select=description"
                        + "&$filter=" + encoded("ordernumber eq '" + SALES_ORDER + "'")))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(read, HttpResponse.BodyHandlers.ofString());
            org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        }
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String field(HttpResponse<String> response, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        org.assertj.core.api.Assertions.assertThat(matcher.find()).as(response.statusCode() + " " + response.body())
                .isTrue();
        return matcher.group(1);
    }

    private static HttpResponse<String> post(String address, String type, String body, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
