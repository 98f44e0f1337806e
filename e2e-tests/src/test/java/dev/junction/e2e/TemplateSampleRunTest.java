package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * TPL-1's sample run in the browser: a template's preview says it has not run yet; "Run on the sandbox sample" runs it
 * on the sandbox and shows each step that ran with its status and output (the Dynamics sales order the sample Amazon
 * order became); the workflow it ran in is not in the workflow list.
 */
class TemplateSampleRunTest extends TemplateBrowserTest {

    private static final LocatorAssertions.HasAttributeOptions RUN_ENDED = new LocatorAssertions.HasAttributeOptions()
            .setTimeout(120_000);

    @Test
    void thePreviewShowsEachStepsOutputOfASandboxSampleRun() {
        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/templates/" + TemplateGalleryTest.TEMPLATE));
        Locator sample = page.locator("[data-testid=sample-run]");
        assertThat(sample).hasAttribute("data-status", "none");
        page.locator("#run-sample").click();
        assertThat(sample).hasAttribute("data-status", "succeeded", RUN_ENDED);
        Locator order = sample.locator("[data-testid=sample-step][data-node=order]");
        assertThat(order).hasAttribute("data-status", "succeeded");
        assertThat(sample.locator("[data-testid=sample-step][data-node=contact]")).hasAttribute("data-status",
                "succeeded");
        order.locator("vaadin-details-summary").click();
        assertThat(order.locator("pre")).containsText("salesorderid");
        page.locator("[data-testid=sample-run]").scrollIntoViewIfNeeded();
        screenshot("sample-run");

        // the workflow the sample ran in is not in the list
        page.navigate(url("/workflows"));
        page.locator("#workflow-search input").fill("Template sample");
        assertThat(page.getByText("No workflow matches the search.")).isVisible();
        org.assertj.core.api.Assertions.assertThat(tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(AdminReads.get(port, "/api/v1/workflows?search=Template%20sample")).get("items")).isEmpty();
    }
}
