package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** MP-11: the current sample and output saved as a test; a rule change fails it with the changed path; undo passes. */
class MapperTestCasesTest extends MapperBrowserTest {

    static final String SAMPLE = """
            {"AmazonOrderId": "202-1234567-0000001", "SellerOrderId": "S-42",
             "OrderTotal": {"Amount": "12.50", "CurrencyCode": "GBP"}}""";

    Locator summary() {
        return page.locator("[data-testid=test-summary]");
    }

    @Test
    void aSavedTestFailsOnAChangedRuleAndPassesAgainAfterUndo() {
        openMapper(newMapping("Test cases", ORDER_TO_OPAYO));
        page.locator("[data-testid=sample-upload]").setInputFiles(
                new FilePayload("order.json", "application/json", SAMPLE.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("[data-testid=sample-label]")).containsText("order.json");
        assertThat(page.locator("[data-testid=preview-output]")).containsText("202-1234567-0000001");

        page.locator("[data-testid=bottom-tab-tests]").click();
        assertThat(summary()).hasText("no tests");
        page.locator("[data-testid=test-name]").fill("Amazon order 202");
        page.locator("[data-testid=save-test]").click();
        assertThat(page.locator("[data-testid=test-case]")).hasCount(1);
        assertThat(page.locator("[data-testid=test-case]")).containsText("Amazon order 202");
        assertThat(summary()).hasText("all passing");
        assertThat(summary()).hasAttribute("data-failing", "0");
        screenshot("1-saved");

        // vendorTxCode from the seller's order id instead: the test fails at that path
        page.locator("[data-testid=bottom-tab-text]").click();
        retypeLine("\"AmazonOrderId\"", "AmazonOrderId", "SellerOrderId");
        assertThat(editor()).hasAttribute("data-dirty", "true");
        page.locator("[data-testid=bottom-tab-tests]").click();
        assertThat(summary()).hasText("1 failing");
        assertThat(summary()).hasAttribute("data-failing", "1");
        Locator diff = page.locator("[data-testid=test-diff]");
        assertThat(diff).hasCount(1);
        assertThat(diff).hasAttribute("data-path", "vendorTxCode");
        assertThat(diff.locator(".mapper-tests-expected")).hasText("\"202-1234567-0000001\"");
        assertThat(diff.locator(".mapper-tests-actual")).hasText("\"S-42\"");
        screenshot("2-failing");

        page.locator("[data-testid=undo]").click();
        assertThat(summary()).hasText("all passing");
        assertThat(page.locator("[data-testid=test-diff]")).hasCount(0);
        screenshot("3-passing-again");

        // the test is stored: it is still there after a reload, and can be deleted
        navigateToMapper(page.url().replaceAll(".*/mappings/([^/?#]+).*", "$1"));
        page.locator("[data-testid=bottom-tab-tests]").click();
        assertThat(page.locator("[data-testid=test-case]")).hasCount(1);
        assertThat(summary()).hasText("all passing");
        page.locator("[data-testid=delete-test]").click();
        assertThat(page.locator("[data-testid=test-case]")).hasCount(0);
        assertThat(summary()).hasText("no tests");
    }
}
