package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The mapping editor's main journey, as a designer does it: an Amazon order → Opayo transaction mapping built by drag
 * and by keyboard only (the order id as vendorTxCode, the total in minor units with its currency, the order status
 * through a value map written on the spot), previewed on an order fetched from the Amazon sandbox, saved and
 * published; then a workflow's map node runs it, and the run's map step shows the same output the preview showed.
 */
class MapperSeedJourneyTest extends MapperBrowserTest {

    @Test
    void aMappingBuiltInTheBrowserRunsInAWorkflowWithTheOutputThePreviewShowed() {
        String mappingId = newMapping("Amazon order to Opayo", """
                {"schemaVersion": 1, "source": {"schema": "sp-api/Order"},
                 "target": {"schema": "opayo/TransactionRequest"}, "rules": []}""");
        openMapper(mappingId);

        // a sample: the first order of the Amazon sandbox (its order poll, read-only, from its start)
        page.locator("[data-testid=bottom-tab-sample]").click();
        Locator connection = page.locator("[data-testid=sample-connection]");
        connection.selectOption((String) connection.evaluate(
                "s => [...s.options].find(o => o.value.startsWith('amazon'))?.value"));
        Locator operation = page.locator("[data-testid=sample-operation]");
        operation.selectOption("pollOrders"); // a poll from its start: the sandbox's first order
        page.locator("[data-testid=sample-fetch]").click();
        assertThat(page.locator("[data-testid=sample-label]")).containsText("·");
        screenshot("1-sample-from-amazon");

        // by drag: the order id is Opayo's vendorTxCode
        drag(inView(sourceField("AmazonOrderId")), inView(targetField("vendorTxCode")));
        assertThat(line("vendorTxCode")).hasAttribute("data-source", "AmazonOrderId");

        // by keyboard only: the total onto amount, accepting the proposed toMinorUnits with the order's currency
        page.locator("[data-testid=source-search]").fill("Amount");
        page.locator("[data-testid=target-search]").fill("amount");
        page.locator("[data-testid=source-search]").focus();
        page.keyboard().press("Tab");
        moveTo("source", "OrderTotal.Amount");
        page.keyboard().press("Enter");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        moveTo("target", "amount");
        page.keyboard().press("Enter");
        Locator proposal = page.locator("[data-testid=drop-proposal]");
        assertThat(proposal).containsText("toMinorUnits(OrderTotal.CurrencyCode)");
        proposal.locator("[data-testid=proposal-accept]").focus();
        page.keyboard().press("Enter");
        assertThat(targetField("amount").locator("[data-testid=rule-chip]"))
                .hasText("from OrderTotal.Amount · toMinorUnits(OrderTotal.CurrencyCode)");
        page.locator("[data-testid=source-search]").fill("");
        page.locator("[data-testid=target-search]").fill("");

        // the currency, and the order status through a value map made on the spot
        drag(inView(sourceField("OrderTotal.CurrencyCode")), inView(targetField("currency")));
        drag(inView(sourceField("OrderStatus")), inView(targetField("transactionType")));
        assertThat(line("transactionType")).hasAttribute("data-source", "OrderStatus");
        targetField("transactionType").click();
        assertThat(page.locator("[data-testid=rule-panel][data-target=transactionType]")).isVisible();
        Locator valueMap = page.locator("[data-testid=value-map-editor]");
        valueMap.locator("select[data-role=value-map-kind]").selectOption("inline");
        valueMap.locator("[data-testid=add-unmapped]").click(); // the sample's status (from the sandbox) as a key
        Locator entry = valueMap.locator("[data-testid=value-map-entry]").first();
        entry.locator("input").nth(1).fill("Payment");
        entry.locator("input").nth(1).press("Enter");
        assertThat(page.locator("[data-testid=coverage-chip]")).hasText("all values mapped");
        screenshot("2-rules");

        // a description from a fixed value leaves no required target unmapped; the preview shows the mapped order
        page.locator("[data-testid=target-search]").fill("description");
        targetField("description").click();
        assertThat(page.locator("[data-testid=rule-panel][data-target=description]")).isVisible();
        page.locator("[data-testid=rule-panel] select[data-role=source-kind]").selectOption("value");
        Locator fixed = page.locator("[data-testid=source-value-input]");
        fixed.fill("Amazon order");
        fixed.press("Enter");
        page.locator("[data-testid=target-search]").fill("");
        page.locator("[data-testid=bottom-tab-output]").click();
        page.locator("[data-testid=output-json-tab]").click();
        Locator previewJson = page.locator("[data-testid=preview-json]");
        assertThat(previewJson).containsText("\"transactionType\": \"Payment\"");
        assertThat(previewJson).containsText("\"vendorTxCode\"");
        assertThat(previewJson).containsText("\"description\": \"Amazon order\"");
        assertThat(page.locator("[data-testid=preview-output]")).hasAttribute("data-state", "ok");
        String previewed = normalized(previewJson.textContent());
        screenshot("3-preview");

        // save and publish
        page.locator("[data-testid=save]").click();
        page.locator("[data-testid=save-comment]").fill("built in the browser");
        page.locator("[data-testid=save-confirm]").click();
        assertThat(page.locator("[data-testid=mapping-editor]")).hasAttribute("data-dirty", "false");
        page.locator("[data-testid=publish]").click();
        page.locator("[data-testid=publish-confirm]").click();
        assertThat(page.locator("#mapping-version")).containsText("published");
        screenshot("4-published");

        // a workflow's map node runs the published mapping on the same order (the poll's first record, fetched again)
        String sample = (String) page.evaluate("text => JSON.stringify(JSON.parse(text).record)", postThroughApi(
                "/api/v1/mappings/sample", "{\"connection\": \"amazon-sp-api-sandbox\", \"operation\": \"pollOrders\"}",
                200));
        String workflow = workflowWithDefinition("Order to Opayo " + UUID.randomUUID().toString().substring(0, 8), """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [{"id": "toPayment", "type": "map", "name": "Order to payment",
                            "config": {"mapping": "%s"}, "position": {"x": 300, "y": 0}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "toPayment"}]}""".formatted(mappingId));
        postThroughApi("/api/v1/workflows/" + workflow + "/versions/2/publish", "", 200);
        Matcher run = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(postThroughApi(
                "/api/v1/workflows/" + workflow + "/runs", "{\"input\": " + sample + "}", 202));
        org.assertj.core.api.Assertions.assertThat(run.find()).isTrue();

        // the run on the canvas: the map step's output is what the preview showed
        page.navigate(url("/workflows/" + workflow + "?run=" + run.group(1)));
        Locator step = page.locator("[data-testid=canvas-node][data-node-id='toPayment']");
        assertThat(step).hasAttribute("data-status", "succeeded", new LocatorAssertions.HasAttributeOptions()
                .setTimeout(30_000));
        page.locator("[data-testid=zoom-fit]").click();
        step.click(new Locator.ClickOptions().setPosition(20, 12));
        page.locator("[data-testid=output-json-toggle]").click();
        Locator ran = page.locator("[data-testid=output-json]");
        assertThat(ran).containsText("\"transactionType\": \"Payment\"");
        org.assertj.core.api.Assertions.assertThat(normalized(ran.textContent())).isEqualTo(previewed);
        screenshot("5-run-output");
    }

    /** JSON text compared by value (keys sorted), as the preview and the run inspector print it differently spaced. */
    private String normalized(String json) {
        return (String) page.evaluate("""
                text => { const sort = v => Array.isArray(v) ? v.map(sort) : v && typeof v === 'object'
                  ? Object.fromEntries(Object.keys(v).sort().map(k => [k, sort(v[k])])) : v;
                  return JSON.stringify(sort(JSON.parse(text))); }""", json);
    }

    private Locator inView(Locator row) {
        row.scrollIntoViewIfNeeded();
        return row;
    }
}
