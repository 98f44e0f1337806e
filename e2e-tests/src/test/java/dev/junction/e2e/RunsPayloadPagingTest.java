package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A step's output on the run page a page at a time, redacted: a 300-item output shows page 1 of several with its
 * lines and a Next button (never the last item on the first page); its password (first page), card number and CVV
 * (last page) read "[redacted: …]" and a note says which rule took each.
 */
class RunsPayloadPagingTest extends BrowserTest {

    private static final String CARD = "4111 1111 1111 1111";
    private static final String DEFINITION = """
            {"schemaVersion": 1,
             "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "echo", "type": "script", "name": "Echo the order",
                "config": {"code": "return {auth: trigger.auth, payment: trigger.payment, items: trigger.items};"},
                "position": {"x": 0, "y": 120}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "echo"}]}""";

    @Test
    void aLargeStepOutputIsPagedAndItsSecretsAreRedacted() {
        String workflowId = workflowWithDefinition("Paged " + UUID.randomUUID().toString().substring(0, 8),
                DEFINITION);
        postThroughApi("/api/v1/workflows/" + workflowId + "/versions/2/publish", "", 200);
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            items.append(i == 1 ? "" : ",").append("{\"sku\": \"SKU-").append(i).append("\", \"quantity\": 1}");
        }
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(postThroughApi(
                "/api/v1/workflows/" + workflowId + "/runs", "{\"input\": {\"auth\": {\"password\": \"hunter2\"},"
                        + " \"payment\": {\"card\": \"" + CARD + "\", \"cvv\": \"123\"}, \"items\": [" + items
                        + "]}}", 202));
        org.assertj.core.api.Assertions.assertThat(id.find()).isTrue();
        signIn("admin", ADMIN_PASSWORD);

        page.navigate(url("/runs/" + id.group(1)));
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "succeeded",
                new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
        assertThat(page.locator("#run-status")).hasText("Succeeded");
        page.locator("#run-steps vaadin-grid-cell-content:visible").filter(
                new Locator.FilterOptions().setHasText(Pattern.compile("^echo$"))).first().click();

        Locator output = page.locator("#step-output");
        assertThat(output).hasAttribute("data-page", "1");
        assertThat(output).hasAttribute("data-pages", Pattern.compile("^([2-9]|\\d\\d+)$"));
        String pages = output.getAttribute("data-pages");
        assertThat(output.locator("[data-testid=payload-position]"))
                .hasText(Pattern.compile("^Lines 1–60 of [\\d,]+ · page 1 of " + pages + "$"));
        Locator text = output.locator("[data-testid=payload-text]");
        // (the stored output keeps its keys shortest first: auth, items, payment)
        assertThat(text).containsText("[redacted: secret field]");
        assertThat(text).not().containsText("hunter2");
        assertThat(text).not().containsText("SKU-300");
        Locator redactions = output.locator("[data-testid=payload-redactions]");
        assertThat(redactions).hasAttribute("data-count", "3");
        assertThat(redactions).hasText("3 values redacted: secret field at $.auth.password, card security code at"
                + " $.payment.cvv, card number at $.payment.card");
        Locator previous = output.getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Previous page of the output"));
        assertThat(previous).isDisabled();
        screenshot("1-output-page-1");

        output.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Next page of the output")).click();
        assertThat(output).hasAttribute("data-page", "2");
        assertThat(output.locator("[data-testid=payload-position]"))
                .hasText(Pattern.compile("^Lines 61–120 of [\\d,]+ · page 2 of " + pages + "$"));
        assertThat(previous).isEnabled();
        assertThat(text).not().containsText("[redacted: secret field]");
        screenshot("2-output-page-2");

        // the last page holds the last item, and Next is off there
        Locator next = output.getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Next page of the output"));
        for (int i = 2; i < Integer.parseInt(pages); i++) {
            next.click();
            assertThat(output).hasAttribute("data-page", Integer.toString(i + 1));
        }
        assertThat(text).containsText("SKU-300");
        assertThat(text).containsText("[redacted: card number …1111]");
        assertThat(text).containsText("[redacted: card security code]");
        assertThat(text).not().containsText(CARD);
        assertThat(text).not().containsText("\"123\"");
        assertThat(next).isDisabled();
        screenshot("3-output-last-page");
    }
}
