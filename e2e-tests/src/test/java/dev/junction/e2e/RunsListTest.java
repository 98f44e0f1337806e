package dev.junction.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
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
 * them; a saved view comes back after a reload; the CSV export holds exactly the runs the list counts.
 */
class RunsListTest extends BrowserTest {

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

        page.locator("[data-testid=filter-business-key] input").fill(key + "-f1");
        assertThat(page).hasURL(Pattern.compile(".*/runs\\?workflow=" + workflowId + "&businessKey=" + key
                + "-f1$"));
        assertThat(rows()).hasCount(1);
        assertThat(rows().first()).hasAttribute("data-status", "DEAD_LETTERED");
        screenshot("1-business-key");

        page.reload();
        assertThat(page.locator("[data-testid=filter-business-key] input")).hasValue(key + "-f1");
        assertThat(page.locator("#runs-workflow input")).hasValue("UK orders " + key);
        assertThat(rows()).hasCount(1);

        page.navigate(url("/runs?workflow=" + workflowId + "&status=DEAD_LETTERED&category=VALIDATION"
                + "&trigger=manual&version=2"));
        assertThat(rows()).hasCount(2);
        page.reload();
        assertThat(page.locator("#runs-status")).containsText("dead_lettered");
        assertThat(page.locator("#runs-category input")).hasValue("Validation");
        assertThat(page.locator("#runs-trigger input")).hasValue("manual");
        assertThat(page.locator("#runs-version input")).hasValue("2");
        assertThat(rows()).hasCount(2);
        screenshot("2-restored");

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
        assertThat(page.locator("#runs-status")).containsText("dead_lettered");
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
