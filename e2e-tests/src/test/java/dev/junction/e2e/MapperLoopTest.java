package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MP-5: an array target mapped as a loop in the rule panel (OrderItems → salesorderdetails, with an element rule),
 * sorted by SellerSKU, survives save and reload; a filter and a descending sort change the preview's array.
 */
class MapperLoopTest extends MapperRuleBrowserTest {

    private static String details(String... skus) {
        StringBuilder json = new StringBuilder("{\"salesorderdetails\":[");
        for (int i = 0; i < skus.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"productnumber\":\"").append(skus[i]).append("\"}");
        }
        return json.append("]}").toString();
    }

    @Test
    void aSortedLoopBuiltInTheRulePanelSurvivesReload() {
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
        assertThat(output()).isEqualTo(details("B-2", "A-1")); // source order
        assertThat(page.locator("[data-testid=rule-value]")).hasText("B-2"); // the first element's

        selectTarget("salesorderdetails[]");
        commit(page.locator("[data-testid=loop-sort-add]"), "SellerSKU");
        assertThat(page.locator("[data-testid=loop-sort-key][data-path=SellerSKU]")).isVisible();
        previewNow();
        assertThat(output()).isEqualTo(details("A-1", "B-2"));
        screenshot("sorted");

        Object saved = page.evaluate("async () => { const s = window.__mapperStore.getState();"
                + " const answer = await s.server.save(s.document, s.mapping.baseVersion, 'loop');"
                + " if (answer.kind === 'saved') s.markSaved(s.document, answer.version); return answer.kind; }");
        assertThat(saved).isEqualTo("saved");

        navigateToMapper(id);
        selectTarget("salesorderdetails[]");
        assertThat(page.locator("[data-testid=loop-settings]")).hasAttribute("data-source", "OrderItems");
        assertThat(page.locator("[data-testid=loop-source]")).hasValue("OrderItems");
        assertThat(page.locator("[data-testid=loop-sort-key][data-path=SellerSKU]")).isVisible();
        useSample("{\"OrderItems\": [{\"SellerSKU\": \"C-3\"}, {\"SellerSKU\": \"A-1\"}, {\"SellerSKU\": \"B-2\"}]}");
        assertThat(output()).isEqualTo(details("A-1", "B-2", "C-3"));
        screenshot("reloaded");

        Locator filter = page.locator("[data-testid=loop-filter]");
        filter.locator("select[data-role=condition-kind]").selectOption("predicate");
        commit(filter.getByLabel("Only elements: field", new Locator.GetByLabelOptions().setExact(true)), "SellerSKU");
        filter.locator("select[data-role=condition-fn]").selectOption("notEquals");
        commit(filter.getByLabel("value", new Locator.GetByLabelOptions().setExact(true)), "B-2");
        page.getByLabel("Sort key 1 order").selectOption("desc");
        assertThat(rule("salesorderdetails")).isEqualTo("{\"forEach\":\"OrderItems\","
                + "\"rules\":[{\"from\":\"SellerSKU\",\"target\":\"productnumber\"}],"
                + "\"sortBy\":[{\"descending\":true,\"path\":\"SellerSKU\"}],\"target\":\"salesorderdetails\","
                + "\"where\":{\"args\":[\"B-2\"],\"fn\":\"notEquals\",\"from\":\"SellerSKU\"}}");
        previewNow();
        assertThat(output()).isEqualTo(details("C-3", "A-1"));
        screenshot("filtered");
    }
}
