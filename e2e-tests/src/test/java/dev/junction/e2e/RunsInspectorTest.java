package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The run inspector: a failed run's timeline has one bar per step attempt, the failed one marked failed. */
class RunsInspectorTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    dev.junction.db.users.UserRepository users;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.crypto.password.PasswordEncoder passwords;

    @Test
    void aFailedRunsTimelineHasABarPerStepAttemptAndTheFailedBarIsFailed() {
        String workflowId = workflowWithDefinition("Inspected " + UUID.randomUUID().toString().substring(0, 8),
                RunsViewTest.DEFINITION);
        postThroughApi("/api/v1/workflows/" + workflowId + "/versions/2/publish", "", 200);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(postThroughApi(
                "/api/v1/workflows/" + workflowId + "/runs", "{\"input\": {\"n\": 4, \"fail\": true}}", 202));
        org.assertj.core.api.Assertions.assertThat(id.find()).isTrue();
        String runId = id.group(1);
        signIn("admin", ADMIN_PASSWORD);

        page.navigate(url("/runs/" + runId));
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "dead_lettered",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
        // the status in people's words, coloured as on the runs list (an error badge)
        assertThat(page.locator("#run-status")).hasText("Dead-lettered");
        assertThat(page.locator("#run-status")).hasAttribute("data-tone", "error");
        String detail = AdminReads.get(port, "/api/v1/runs/" + runId);
        int attempts = countMatches(detail, "\"startedAt\"\\s*:\\s*\"") - 1;   // the run's own startedAt
        org.assertj.core.api.Assertions.assertThat(attempts).isEqualTo(2);

        Locator bars = page.locator("[data-testid=gantt-bar]");
        assertThat(bars).hasCount(attempts);
        assertThat(page.locator("[data-testid=gantt-bar][data-node=guard]")).hasAttribute("data-status", "failed");
        assertThat(page.locator("[data-testid=gantt-bar][data-node=double]")).hasAttribute("data-status",
                "succeeded");
        assertThat(page.locator("[data-testid=gantt-bar][data-status=failed]")).hasCount(1);
        assertThat(page.locator("#run-on-canvas")).isVisible();
        screenshot("1-timeline");

        // "Debug in editor": the run's data pinned in the designer, on the trigger and on the step that had output
        page.locator("[data-testid=debug-in-editor]").click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/workflows/" + workflowId + "\\?.*debug=true.*"));
        assertThat(page.locator("#debug-banner")).isVisible();
        assertThat(page.locator("#debug-banner")).hasAttribute("data-run", runId);
        assertThat(page.locator("#debug-banner")).containsText("version 2");
        assertThat(page.locator("[data-testid=pinned-badge][data-node=trigger]")).isVisible();
        assertThat(page.locator("[data-testid=pinned-badge][data-node=double]")).isVisible();
        // the failed step had no output: nothing pinned there
        assertThat(page.locator("[data-testid=pinned-badge][data-node=guard]")).hasCount(0);
        screenshot("2-debug-in-editor");

        // an operator may look at the run but not pin: the button is not there
        String operator = "otto" + UUID.randomUUID().toString().substring(0, 6);
        users.insert(operator, "Otto Operator", passwords.encode("operator-inspector-pw"),
                java.util.Set.of(dev.junction.db.users.Role.OPERATOR));
        context.clearCookies();
        signIn(operator, "operator-inspector-pw");
        page.navigate(url("/runs/" + runId));
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "dead_lettered");
        assertThat(page.locator("[data-testid=debug-in-editor]")).hasCount(0);
    }

    private static int countMatches(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
