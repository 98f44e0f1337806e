package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** MP-14: versions listed, a rule-level diff between two, restore as a new version. */
class MapperVersionsTest extends MapperBrowserTest {

    Locator text() {
        return page.locator("[data-testid=text-view] .cm-content");
    }

    Locator versionRow(int version) {
        return page.locator("[data-testid=version-row][data-version='" + version + "']");
    }

    @Test
    void oneChangedRuleBetweenTwoVersionsAndRestoringTheFirst() {
        openMapper(newMapping("Versions", ORDER_TO_OPAYO));

        // change vendorTxCode's source in the text view and save version 2
        page.locator("[data-testid=bottom-tab-text]").click();
        retypeLine("\"AmazonOrderId\"", "AmazonOrderId", "SellerOrderId");
        assertThat(editor()).hasAttribute("data-dirty", "true");
        page.locator("[data-testid=save]").click();
        page.locator("[data-testid=save-comment]").fill("vendorTxCode from the seller's order id");
        page.locator("[data-testid=save-confirm]").click();
        assertThat(page.locator("[data-testid=mapper-toolbar]")).hasAttribute("data-version", "2");
        assertThat(editor()).hasAttribute("data-dirty", "false");

        // the panel lists both versions; the two newest are compared: exactly one rule changed
        page.locator("[data-testid=versions]").click();
        Locator panel = page.locator("[data-testid=versions-panel]");
        assertThat(panel.locator("[data-testid=version-row]")).hasCount(2);
        assertThat(versionRow(2)).containsText("vendorTxCode from the seller's order id");
        assertThat(versionRow(2)).containsText("admin");
        assertThat(panel.locator("[data-testid=rule-diff]")).hasCount(1);
        Locator changed = panel.locator("[data-testid=rule-diff][data-kind=changed]");
        assertThat(changed).hasAttribute("data-target", "vendorTxCode");
        assertThat(changed).containsText("AmazonOrderId");
        assertThat(changed).containsText("SellerOrderId");
        screenshot("1-compared");

        // restore version 1: saved as version 3, the editor edits it
        versionRow(1).locator("[data-testid=restore-version]").click();
        assertThat(page.locator("[data-testid=mapper-toolbar]")).hasAttribute("data-version", "3");
        assertThat(panel.locator("[data-testid=version-row]")).hasCount(3);
        assertThat(text()).containsText("\"from\": \"AmazonOrderId\"");
        assertThat(text()).not().containsText("SellerOrderId");
        assertThat(editor()).hasAttribute("data-dirty", "false");
        screenshot("2-restored");
    }

    @Test
    void restoringWithUnsavedChangesAsksFirst() {
        openMapper(newMapping("Versions guard", ORDER_TO_OPAYO));
        page.locator("[data-testid=bottom-tab-text]").click();
        retypeLine("\"Payment\"", "Payment", "Payments");
        assertThat(editor()).hasAttribute("data-dirty", "true");

        page.locator("[data-testid=versions]").click();
        versionRow(1).locator("[data-testid=restore-version]").click();
        assertThat(page.locator("[data-testid=restore-confirm]")).isVisible();
        screenshot("1-asks");
        page.locator("[data-testid=restore-confirm]").getByText("Cancel").click();
        assertThat(page.locator("[data-testid=restore-confirm]")).hasCount(0);
        assertThat(text()).containsText("\"Payments\"");
        assertThat(page.locator("[data-testid=version-row]")).hasCount(1);

        versionRow(1).locator("[data-testid=restore-version]").click();
        page.locator("[data-testid=restore-confirm-ok]").click();
        assertThat(page.locator("[data-testid=mapper-toolbar]")).hasAttribute("data-version", "2");
        assertThat(text()).not().containsText("\"Payments\"");
        assertThat(editor()).hasAttribute("data-dirty", "false");
    }
}
