package dev.junction.e2e;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MP-5: an array target mapped as a loop in the rule panel (OrderItems → salesorderdetails, with an element rule)
 * survives save and reload.
 */
class MapperLoopTest extends MapperRuleBrowserTest {

    @Test
    void aLoopBuiltInTheRulePanelSurvivesReload() {
        String id = newMapping("Loop", mapping("[]"));
        openMapper(id);
        selectTarget("salesorderdetails[]");
        assertThat(page.locator("[data-testid=loop-settings]")).isVisible();
        commit(page.locator("[data-testid=loop-source]"), "OrderItems");
        assertThat(page.locator("[data-testid=loop-settings]")).hasAttribute("data-source", "OrderItems");

        selectTarget("salesorderdetails[].productnumber");
        page.locator("select[data-role=source-kind]").selectOption("path");
        commit(page.locator("[data-testid=source-path]"), "SellerSKU");
        assertThat(rules()).isEqualTo("[{\"target\":\"salesorderdetails\",\"forEach\":\"OrderItems\",\"rules\":[{\"target\":\"productnumber\",\"from\":\"SellerSKU\"}]}]");
        useSample("{\"OrderItems\": [{\"SellerSKU\": \"B-2\"}, {\"SellerSKU\": \"A-1\"}]}");
        assertThat(output()).isEqualTo("{\"salesorderdetails\":[{\"productnumber\":\"B-2\"},{\"productnumber\":\"A-1\"}]}");
        assertThat(page.locator("[data-testid=rule-value]")).hasText("B-2"); // the first element's
        screenshot("built");

        Object saved = page.evaluate("async () => { const s = window.__mapperStore.getState();"
                + " const answer = await s.server.save(s.document, s.mapping.baseVersion, 'loop');"
                + " if (answer.kind === 'saved') s.markSaved(s.document, answer.version); return answer.kind; }");
        assertThat(saved).isEqualTo("saved");

        navigateToMapper(id);
        selectTarget("salesorderdetails[]");
        assertThat(page.locator("[data-testid=loop-settings]")).hasAttribute("data-source", "OrderItems");
        assertThat(page.locator("[data-testid=loop-source]")).hasValue("OrderItems");
        selectTarget("salesorderdetails[].productnumber");
        assertThat(page.locator("[data-testid=source-path]")).hasValue("SellerSKU");
        useSample("{\"OrderItems\": [{\"SellerSKU\": \"C-3\"}, {\"SellerSKU\": \"A-1\"}, {\"SellerSKU\": \"B-2\"}]}");
        assertThat(output()).isEqualTo("{\"salesorderdetails\":[{\"productnumber\":\"C-3\"},{\"productnumber\":\"A-1\"},{\"productnumber\":\"B-2\"}]}");
        screenshot("reloaded");
    }
}
