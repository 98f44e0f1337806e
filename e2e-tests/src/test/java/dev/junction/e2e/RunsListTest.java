package dev.junction.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The runs list at scale, in the browser: its filters go into the URL and a reload (or the back button) restores
 * them; a saved view comes back after a reload; the CSV export holds exactly the runs the list counts. The filters
 * are one bar of removable chips (the full form opens on demand, so the grid has the screen), statuses read as
 * people say them, and times in the browser's language and time zone.
 */
class RunsListTest extends BrowserTest {

    /** This machine is shared and often loaded: a page may take longer than the default 5 s to settle. */
    @org.junit.jupiter.api.BeforeEach
    void patientAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @org.junit.jupiter.api.AfterEach
    void defaultAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
    }

    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;

    private String workflowId;
    private String key;
    private String succeeded;
    private String failedFirst;
    private String failedSecond;

    /** One workflow of this test's own, with one succeeded and two dead-lettered runs. */
    private void threeRuns() {
        key = "UK-" + UUID.randomUUID().toString().substring(0, 8);
        workflowId = workflowWithDefinition("UK orders " + key, RunsViewTest.DEFINITION);
        postThroughApi("/api/v1/workflows/" + workflowId + "/versions/2/publish", "", 200);
        succeeded = started("{\"n\": 1}", key + "-ok");
        failedFirst = started("{\"n\": 2, \"fail\": true}", key + "-f1");
        failedSecond = started("{\"n\": 3, \"fail\": true}", key + "-f2");
        for (String run : List.of(succeeded, failedFirst, failedSecond)) {
            ended(run);
        }
    }

    @Test
    void filtersGoIntoTheUrlAndAReloadOrTheBackButtonRestoresThem() {
        threeRuns();
        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/runs?workflow=" + workflowId));
        assertThat(rows()).hasCount(3);
        assertThat(page.locator("#runs-count")).hasAttribute("data-count", "3");
        // one filter bar: the workflow is a chip, the full form is closed, the grid has most of the screen
        assertThat(chip("Workflow: UK orders " + key)).isVisible();
        assertThat(page.locator("#filter-chips")).hasAttribute("data-count", "1");
        assertThat(page.locator("#toggle-filters")).hasAttribute("aria-expanded", "false");
        assertThat(page.locator("#runs-filters")).isHidden();
        BoundingBox grid = page.locator("#runs").boundingBox();
        org.assertj.core.api.Assertions.assertThat(grid.height).as("the grid's height at 800 px").isGreaterThan(500);

        page.locator("[data-testid=filter-business-key] input").fill(key + "-f1");
        assertThat(page).hasURL(Pattern.compile(".*/runs\\?workflow=" + workflowId + "&businessKey=" + key
                + "-f1$"));
        assertThat(rows()).hasCount(1);
        assertThat(rows().first()).hasAttribute("data-status", "DEAD_LETTERED");
        assertThat(rows().first()).hasText("Dead-lettered");
        screenshot("1-business-key");

        page.reload();
        assertThat(page.locator("[data-testid=filter-business-key] input")).hasValue(key + "-f1");
        assertThat(page.locator("#runs-workflow input")).hasValue("UK orders " + key);
        assertThat(rows()).hasCount(1);

        page.navigate(url("/runs?workflow=" + workflowId + "&status=DEAD_LETTERED&category=VALIDATION"
                + "&trigger=manual&version=2"));
        assertThat(rows()).hasCount(2);
        page.reload();
        // the form opens on demand (a multi-select draws its chips only while shown)
        assertThat(page.locator("#runs-filters")).isHidden();
        page.locator("#toggle-filters").click();
        assertThat(page.locator("#toggle-filters")).hasAttribute("aria-expanded", "true");
        assertThat(page.locator("#runs-filters")).isVisible();
        // the status reads as people say it (the URL keeps the API's name)
        assertThat(page.locator("#runs-status")).containsText("Dead-lettered");
        assertThat(page.locator("#runs-category input")).hasValue("Validation");
        assertThat(page.locator("#runs-trigger input")).hasValue("manual");
        assertThat(page.locator("#runs-version input")).hasValue("2");
        assertThat(rows()).hasCount(2);
        assertThat(chip("Status: Dead-lettered")).hasAttribute("data-value", "dead_lettered");
        assertThat(chip("Error kind: Validation")).hasAttribute("data-value", "validation");
        assertThat(chip("Trigger: manual")).isVisible();
        assertThat(chip("Version: 2")).isVisible();
        assertThat(page.locator("#filter-chips")).hasAttribute("data-count", "5");
        screenshot("2-restored");
        page.locator("#toggle-filters").click();
        assertThat(page.locator("#runs-filters")).isHidden();
        screenshot("3-filter-form-closed");

        chip("Status: Dead-lettered").click();
        assertThat(page).hasURL(Pattern.compile("^(?!.*status=).*/runs\\?.*category=validation.*$"));
        assertThat(page.locator("[data-testid=filter-chip][data-filter=status]")).hasCount(0);
        assertThat(page.locator("#filter-chips")).hasAttribute("data-count", "4");
        page.goBack();
        assertThat(chip("Status: Dead-lettered")).isVisible();

        page.goBack();
        assertThat(page).hasURL(Pattern.compile(".*businessKey=" + key + "-f1$"));
        assertThat(page.locator("[data-testid=filter-business-key] input")).hasValue(key + "-f1");
        assertThat(rows()).hasCount(1);
    }

    @Test
    void aSavedViewIsRestoredAfterAReloadAndTheExportHoldsTheRunsCounted() throws IOException {
        threeRuns();
        // views and columns are per user: an operator of this test's own keeps admin's list as it was
        String operator = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        users.insert(operator, "Olivia Operator", passwords.encode("ops-e2e-password"), Set.of(Role.OPERATOR));
        signIn(operator, "ops-e2e-password");
        page.navigate(url("/runs?workflow=" + workflowId + "&status=dead_lettered"));
        assertThat(rows()).hasCount(2);

        page.locator("#save-view").click();
        page.locator("#view-name input").fill("UK orders failing");
        page.locator("#confirm-save-view").click();
        assertThat(page).hasURL(Pattern.compile(".*[?&]view=[0-9a-f-]{36}.*"));
        page.reload();
        assertThat(page.locator("#runs-saved-view input")).hasValue("UK orders failing");
        assertThat(page.locator("#runs-workflow input")).hasValue("UK orders " + key);
        assertThat(chip("Status: Dead-lettered")).isVisible();
        page.locator("#toggle-filters").click();
        assertThat(page.locator("#runs-status")).containsText("Dead-lettered");
        assertThat(rows()).hasCount(2);
        screenshot("1-saved-view");

        Matcher view = Pattern.compile("view=([0-9a-f-]{36})").matcher(page.url());
        org.assertj.core.api.Assertions.assertThat(view.find()).isTrue();
        page.navigate(url("/runs?view=" + view.group(1)));
        assertThat(page.locator("#runs-saved-view input")).hasValue("UK orders failing");
        assertThat(rows()).hasCount(2);

        assertThat(page.locator("#runs-count")).hasAttribute("data-count", "2");
        Download csv = page.waitForDownload(() -> page.locator("[data-testid=export-csv]").click());
        List<String> lines = Files.readString(csv.path()).lines().toList();
        org.assertj.core.api.Assertions.assertThat(lines.getFirst()).startsWith("id,workflow,workflowId,version");
        org.assertj.core.api.Assertions.assertThat(lines).hasSize(1 + 2);
        org.assertj.core.api.Assertions.assertThat(String.join("\n", lines)).contains(failedFirst, failedSecond)
                .doesNotContain(succeeded);

        page.locator("#choose-columns").click();
        page.locator("vaadin-context-menu-item").filter(new Locator.FilterOptions().setHasText("Trigger")).click();
        assertThat(page.locator("#runs")).hasAttribute("data-columns", Pattern.compile("^(?!.*trigger).*$"));
        // the choice is the user's: a list without a saved view (which brings its own columns) shows it after a reload
        page.navigate(url("/runs?workflow=" + workflowId));
        page.reload();
        assertThat(page.locator("#runs")).hasAttribute("data-columns", Pattern.compile("^(?!.*trigger).*$"));
        assertThat(page.locator("#runs vaadin-grid-cell-content:visible").filter(new Locator.FilterOptions()
                .setHasText("manual"))).hasCount(0);
        screenshot("2-columns");
    }

    @Test
    void timesReadInTheBrowsersLanguageAndTimeZone() {
        threeRuns();
        // a browser in Tokyo (UTC+9) reading British English
        Browser browser = context.browser();
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-GB")
                .setTimezoneId("Asia/Tokyo"));
        context.setDefaultTimeout(20_000);
        page = context.newPage();
        signIn("admin", ADMIN_PASSWORD);

        page.navigate(url("/runs?workflow=" + workflowId + "&from=2026-12-07T14:00:00Z"));
        assertThat(chip("Created from: 7 Dec 2026, 23:00:00")).hasAttribute("data-value", "2026-12-07T14:00:00Z");
        page.locator("#toggle-filters").click();
        // the pickers read day/month/year and a 24-hour clock (a US locale would read 12/7/2026 and 11:00 PM)
        assertThat(page.locator("#runs-from [slot=date-picker] input, #runs-from vaadin-date-picker input").first())
                .hasValue(Pattern.compile("^0?7/12/2026$"));
        assertThat(page.locator("#runs-from [slot=time-picker] input, #runs-from vaadin-time-picker input").first())
                .hasValue("23:00");
        screenshot("1-tokyo-en-gb");

        page.navigate(url("/runs?workflow=" + workflowId));
        assertThat(rows()).hasCount(3);
        Locator created = page.locator("#runs vaadin-grid-cell-content:visible").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^\\d{1,2} [A-Z][a-z]{2,3} \\d{4}, \\d{2}:\\d{2}:\\d{2}$")));
        assertThat(created).hasCount(3);
    }

    /** The chip of an active filter, found by its accessible name ("Status: Failed, remove"). */
    private Locator chip(String filterAndValue) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(filterAndValue + ", remove")
                .setExact(true));
    }

    private Locator rows() {
        return page.locator("#runs [data-testid=run-status]:visible");
    }

    private String started(String input, String businessKey) {
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(postThroughApi(
                "/api/v1/workflows/" + workflowId + "/runs", "{\"input\": " + input + ", \"businessKey\": \""
                        + businessKey + "\"}", 202));
        org.assertj.core.api.Assertions.assertThat(id.find()).isTrue();
        return id.group(1);
    }

    /** Waits (polling the API) until the run has ended. */
    private void ended(String runId) {
        Polling.until("run " + runId + " ended", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> AdminReads.get(port, "/api/v1/runs/" + runId), body -> body.matches(
                        "(?s).*\"run\"\\s*:\\s*\\{[^}]*\"status\"\\s*:\\s*\"(succeeded|dead_lettered|failed|cancelled)\".*"));
    }
}
