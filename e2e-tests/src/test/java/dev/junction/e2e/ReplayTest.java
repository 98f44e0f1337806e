package dev.junction.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * OPS-5 in the browser: ten dead-lettered runs of one workflow replayed on its latest published version (which no
 * longer fails); the confirmation says "10 runs" first, and each replayed run's page shows where it came from
 * ({@code replay-of}: a replay re-uses its run, in a new round).
 */
class ReplayTest extends BrowserTest {

    private static final String FAILING = """
            {"schemaVersion": 1,
             "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [{"id": "guard", "type": "script", "name": "Guard", "position": {"x": 0, "y": 120},
                        "config": {"code": "throw new Error('refused ' + trigger.n);"}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "guard"}]}""";
    private static final String FIXED = FAILING.replace("throw new Error('refused ' + trigger.n);",
            "return {accepted: trigger.n};");
    private static final LocatorAssertions.HasAttributeOptions SETTLED_STATUS =
            new LocatorAssertions.HasAttributeOptions().setTimeout(20_000);

    @Test
    void tenFailedRunsAreReplayedOnTheLatestVersionAndEachShowsItsOriginal() {
        String workflowId = workflowWithDefinition("Replays " + UUID.randomUUID().toString().substring(0, 8),
                FAILING);
        postThroughApi("/api/v1/workflows/" + workflowId + "/versions/2/publish", "", 200);
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            runs.add(ErrorInboxTest.id(postThroughApi("/api/v1/workflows/" + workflowId + "/runs",
                    "{\"input\": {\"n\": " + i + "}}", 202)));
        }
        signIn("admin", ADMIN_PASSWORD);
        for (String run : runs) {
            page.navigate(url("/runs/" + run));
            assertThat(page.locator("#run-status")).hasAttribute("data-status", "dead_lettered", SETTLED_STATUS);
        }
        createdThroughApi("/api/v1/workflows/" + workflowId + "/versions",
                "{\"baseVersion\": 2, \"comment\": \"fixed\", \"definition\": " + FIXED + "}");
        postThroughApi("/api/v1/workflows/" + workflowId + "/versions/3/publish", "", 200);

        page.navigate(url("/runs?workflow=" + workflowId + "&status=dead_lettered"));
        page.locator("#replay-all").click();
        assertThat(page.locator("#bulk-replay-count")).hasText("10 runs will be replayed.");
        page.getByText("On the latest published version").click();
        screenshot("1-confirm-10-runs");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Replay").setExact(true)).click();
        assertThat(page.getByText("10 of 10 dead-lettered runs replayed on the latest published version."))
                .isVisible();

        for (String run : runs) {
            page.navigate(url("/runs/" + run));
            assertThat(page.locator("#run-status")).hasAttribute("data-status", "succeeded", SETTLED_STATUS);
            assertThat(page.locator("[data-testid=replay-of]")).hasAttribute("data-run", run);
            assertThat(page.locator("[data-testid=replay-of]")).hasAttribute("href", "runs/" + run);
            assertThat(page.locator("[data-testid=replay-of]")).hasAttribute("data-generation", "1");
        }
        screenshot("2-replay-of");
    }
}
