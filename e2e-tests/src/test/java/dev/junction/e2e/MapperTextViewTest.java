package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** MP-12: the mapping as text, two-way: a typed rule applies as one history entry; broken text changes nothing. */
class MapperTextViewTest extends MapperBrowserTest {

    Locator text() {
        return page.locator("[data-testid=text-view] .cm-content");
    }

    Locator textLine(String containing) {
        return page.locator("[data-testid=text-view] .cm-line").filter(new Locator.FilterOptions().setHasText(containing));
    }

    @Test
    void aRuleTypedAsTextAppliesAndAnUndoElsewhereTakesItOutOfTheText() {
        openMapper(newMapping("Text view", ORDER_TO_OPAYO));
        page.locator("[data-testid=bottom-tab-text]").click();
        assertThat(text()).containsText("\"target\": \"vendorTxCode\"");
        screenshot("1-text");

        // type a new rule right after "rules": [
        textLine("\"rules\": [").click();
        page.keyboard().press("End");
        page.keyboard().type("{\"target\": \"description\", \"from\": \"SellerOrderId\"},");
        assertThat(editor()).hasAttribute("data-dirty", "true");
        assertThat(page.locator("[data-testid=undo]")).hasAttribute("title", java.util.regex.Pattern.compile("Edit as text"));
        assertThat(page.locator("[data-testid=text-error]")).hasCount(0);
        screenshot("2-rule-typed");

        // the trees draw the new rule
        assertThat(line("description")).hasAttribute("data-source", "SellerOrderId");
        assertThat(line("description")).hasAttribute("data-suggested", "false");
        assertThat(targetField("description")).hasAttribute("data-mapped", "true");

        // broken JSON: the error names the line and column, the mapping stays as it was
        page.locator("[data-testid=bottom-tab-text]").click();
        textLine("\"description\"").click();
        page.keyboard().press("End");
        page.keyboard().type("}}");
        assertThat(page.locator("[data-testid=text-error]")).containsText("Line ");
        assertThat(page.locator("[data-testid=text-error]")).containsText("column ");
        screenshot("3-broken-text");
        assertThat(line("description")).hasCount(1);
        assertThat(editor()).hasAttribute("data-dirty", "true");

        // undo (outside the text view) takes the typed rule back; the text follows and the broken text is replaced
        page.locator("[data-testid=undo]").click();
        assertThat(line("description")).hasCount(0);
        assertThat(targetField("description")).hasAttribute("data-mapped", "false");
        assertThat(text()).not().containsText("description");
        assertThat(text()).containsText("\"target\": \"vendorTxCode\"");
        assertThat(page.locator("[data-testid=text-error]")).hasCount(0);
        assertThat(editor()).hasAttribute("data-dirty", "false");
        screenshot("4-undone");
    }
}
