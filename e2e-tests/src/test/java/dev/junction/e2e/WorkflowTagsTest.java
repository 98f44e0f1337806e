package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Workflow tags: an admin tags a workflow on the Workflows list, then filters the runs list by that tag. */
class WorkflowTagsTest extends BrowserTest {

    @Test
    void anAdminTagsAWorkflowAndFiltersTheRunsByIt() {
        String key = UUID.randomUUID().toString().substring(0, 8);
        String tagged = workflowWithDefinition("Nightly export " + key, RunsViewTest.DEFINITION);
        String other = workflowWithDefinition("Other export " + key, RunsViewTest.DEFINITION);
        for (String workflow : new String[] {tagged, other}) {
            postThroughApi("/api/v1/workflows/" + workflow + "/versions/2/publish", "", 200);
        }
        String taggedRun = started(tagged);
        String otherRun = started(other);
        for (String run : new String[] {taggedRun, otherRun}) {
            Polling.until("run " + run + " ended", Duration.ofSeconds(30), Duration.ofMillis(200),
                    () -> Pattern.compile("\"run\"\\s*:\\s*\\{[^}]*\"status\"\\s*:\\s*\"succeeded\"")
                            .matcher(AdminReads.get(port, "/api/v1/runs/" + run)).find());
        }
        signIn("admin", ADMIN_PASSWORD);

        page.navigate(url("/workflows"));
        page.locator("#workflow-search input").fill("Nightly export " + key);
        Locator edit = page.locator(".edit-workflow:visible");
        assertThat(edit).hasCount(1);
        waitUntilIdle();
        edit.click();
        // a bad tag is refused on the field, naming what a tag may be
        page.locator("#workflow-tags input").fill("nightly " + key);
        page.locator("#save-workflow").click();
        assertThat(page.locator("#workflow-tags")).hasAttribute("invalid", "");
        assertThat(page.locator("#workflow-tags")).containsText("letters, digits, '-' or '_'");
        screenshot("1-bad-tag");
        page.locator("#workflow-tags input").fill("Nightly-" + key + ", EU");
        page.locator("#save-workflow").click();
        assertThat(page.locator("[data-testid=workflow-tag][data-tag=nightly-" + key + "]")).isVisible();
        assertThat(page.locator("[data-testid=workflow-tag][data-tag=eu]")).isVisible();
        assertThat(page.locator("#workflow-name")).isHidden();
        screenshot("2-tagged");

        page.navigate(url("/runs?workflow=" + other));
        assertThat(page.locator("#runs [data-testid=run-status]:visible")).hasCount(1);
        page.navigate(url("/runs"));
        page.locator("#toggle-filters").click();
        page.locator("#runs-tag input").fill("nightly-" + key);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("nightly-" + key)).click();
        assertThat(page).hasURL(Pattern.compile(".*[?&]tag=nightly-" + key + ".*"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Tag: nightly-" + key + ", remove").setExact(true))).isVisible();
        Locator rows = page.locator("#runs [data-testid=run-status]:visible");
        assertThat(rows).hasCount(1);
        assertThat(page.locator("#runs-count")).hasAttribute("data-count", "1");
        screenshot("3-runs-by-tag");

        // the URL carries the filter: a reload shows the same list
        page.reload();
        assertThat(page.locator("#runs [data-testid=run-status]:visible")).hasCount(1);
    }

    private String started(String workflowId) {
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(postThroughApi(
                "/api/v1/workflows/" + workflowId + "/runs", "{\"input\": {\"n\": 1}}", 202));
        org.assertj.core.api.Assertions.assertThat(id.find()).isTrue();
        return id.group(1);
    }
}
