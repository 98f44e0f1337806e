package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The Exchange rates view: a rate is added (a wrong currency is refused on its field, a second rate of the pair on the
 * same date is refused on the date), listed, filtered by currency and deleted.
 */
class ExchangeRatesViewTest extends BrowserTest {

    private Locator rowWith(String text) {
        return page.locator("#exchange-rates vaadin-grid-cell-content:visible").filter(new Locator.FilterOptions()
                .setHasText(text));
    }

    private void fillRate(String from, String to, String rate, String date) {
        page.locator("#rate-effective-from input").fill(date);
        page.locator("#rate-from input").fill(from);
        page.locator("#rate-to input").fill(to);
        page.locator("#rate-value input").fill(rate);
    }

    @Test
    void aRateIsAddedListedFilteredAndDeleted() {
        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/exchange-rates"));
        assertThat(page.locator("#navigation").getByText("Exchange rates")).isVisible();

        page.locator("#add-rate").click();
        fillRate("XQZ", "EUR", "1.1623", "2031-03-01");
        page.locator("#save-rate").click();
        assertThat(page.locator("#rate-from")).hasAttribute("invalid", "");
        assertThat(page.locator("#rate-from")).containsText("From must be an ISO 4217 currency code like GBP, not 'XQZ'");
        assertThat(page.locator("#rate-from")).containsText("must be an ISO 4217 currency code");
        page.locator("#rate-from input").fill("CHF");
        page.locator("#rate-source input").fill("ECB reference rate");
        screenshot("1-add");
        page.locator("#save-rate").click();
        assertThat(page.getByText("Rate CHF → EUR from 2031-03-01 added")).isVisible();
        assertThat(rowWith("1.1623")).hasCount(1);
        assertThat(rowWith("ECB reference rate")).hasCount(1);

        page.locator("#add-rate").click();
        fillRate("CHF", "EUR", "1.2", "2031-03-01");
        page.locator("#save-rate").click();
        assertThat(page.locator("#rate-effective-from")).hasAttribute("invalid", "");
        assertThat(page.locator("#rate-effective-from")).containsText("in effect from 2031-03-01 already");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();

        page.locator("#rate-filter input").fill("GBP");
        assertThat(rowWith("1.1623")).hasCount(0);
        page.locator("#rate-filter input").fill("chf");
        assertThat(rowWith("1.1623")).hasCount(1);
        screenshot("2-listed");

        waitUntilIdle();
        page.locator(".delete-rate:visible").first().click();
        assertThat(page.getByText("Delete the rate CHF → EUR from 2031-03-01?")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete").setExact(true)).click();
        assertThat(page.getByText("Rate CHF → EUR deleted")).isVisible();
        assertThat(rowWith("1.1623")).hasCount(0);
    }
}
