package dev.junction.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The alert rule form lists a choice's words, not its stored value, and the rules list shows the rule in them. */
class AlertRuleLabelsTest extends BrowserTest {

    @Test
    void theRuleFormListsAChoiceByItsLabelAndTheListShowsIt() {
        String name = "Slow orders " + UUID.randomUUID().toString().substring(0, 8);
        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/alerts"));
        page.getByText("Rules", new Page.GetByTextOptions().setExact(true)).click();
        page.locator("#new-alert-rule").click();
        page.locator("#rule-name input").fill(name);
        page.locator("#rule-kind").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(
                "An anomaly: volume, failure rate, duration or amounts unusual for the hour of the week")).click();
        page.locator("#param-metric").click();
        assertThat(page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("95th percentile duration")
                .setExact(true))).isVisible();
        assertThat(page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("p95_duration")
                .setExact(true))).hasCount(0);
        screenshot("1-metric-choices");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("95th percentile duration")
                .setExact(true)).click();
        assertThat(page.locator("#param-metric")).containsText("95th percentile duration");
        page.locator("#rule-severity").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Critical").setExact(true)).click();
        // saved disabled: it is here for its words, not to watch the other tests' runs
        page.locator("#rule-enabled input").uncheck();
        assertThat(page.locator("#rule-enabled input")).not().isChecked();
        page.locator("#rule-save").click();

        assertThat(page.locator("#alert-rules vaadin-grid-cell-content").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText(
                        "Metric: 95th percentile duration"))).hasCount(1);
        assertThat(page.locator("[data-testid=alert-rule-row][data-rule=\"" + name + "\"]"))
                .hasAttribute("data-enabled", "false");
        assertThat(page.locator("#rule-name")).isHidden();
        screenshot("2-rules-list");
    }
}
