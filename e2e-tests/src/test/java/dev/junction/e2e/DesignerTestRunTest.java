package dev.junction.e2e;

import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * WD-11: a test run of the saved version with a JSON input typed in the designer, or a past run opened from its page
 * (workflows/{id}?run=…): the canvas shows the run's overlay (every node succeeded) with a summary linking to the run's
 * page, and leaves it again.
 */
class DesignerTestRunTest extends DesignerVersionsBrowserTest {

    @Test
    void aTestRunWithTypedInputIsDrawnOverTheCanvas() {
        String id = workflowWithDefinition("Test run " + UUID.randomUUID().toString().substring(0, 8), DEFINITION);
        signIn("admin", ADMIN_PASSWORD);
        openDesigner(page, id);

        page.locator("[data-testid=test-run]").click();
        assertThat(page.locator("[data-testid=test-run-dialog]")).isVisible();
        page.locator("[data-testid=test-run-input]").fill("{\"orderId\": ");
        page.locator("[data-testid=test-run-start]").click();
        assertThat(page.locator("[data-testid=test-run-error]")).containsText("not valid JSON");
        assertThat(page.locator("[data-testid=test-run-dialog]")).isVisible();

        page.locator("[data-testid=test-run-input]").fill("{\"orderId\": \"206-1234567\", \"amount\": 12.5}");
        page.locator("[data-testid=test-run-start]").click();
        assertThat(page.locator("[data-testid=test-run-dialog]")).hasCount(0);
        assertThat(page.locator("[data-testid=run-overlay]")).hasAttribute("data-status", "succeeded");
        assertThat(node(page, "toOrder")).hasAttribute("data-status", "succeeded");
        assertThat(node(page, "tellOps")).hasAttribute("data-status", "succeeded");
        assertThat(page.locator("[data-testid=run-count][data-status=succeeded]")).containsText("succeeded");
        String runId = page.locator("[data-testid=run-overlay]").getAttribute("data-run-id");
        assertThat(page.locator("[data-testid=run-overlay] a")).hasAttribute("href", "runs/" + runId);
        screenshot("1-overlay");

        page.locator("[data-testid=overlay-exit]").click();
        assertThat(page.locator("[data-testid=run-overlay]")).hasCount(0);
        assertThat(node(page, "toOrder")).not().hasAttribute("data-status", "succeeded");
    }

    /**
     * A run still going, opened on the canvas from its page: the canvas follows it to its end. The run page polls
     * while its run is active and stops polling when it is left, which happens after the designer (opened with
     * ?run=) has started polling during the same navigation: the canvas stayed on the run as it was when the page
     * was left (issue 16's seed journey: a wait-until step "queued · 2 attempts" for good).
     */
    @Test
    void aRunStillGoingOpenedFromItsPageIsFollowedOnTheCanvasToItsEnd() {
        String id = workflowWithDefinition("Live run " + UUID.randomUUID().toString().substring(0, 8), """
                {"schemaVersion": 1,
                 "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [
                   {"id": "pause", "type": "delay", "name": "Pause", "config": {"duration": "PT20S"},
                    "position": {"x": 0, "y": 140}},
                   {"id": "tellOps", "type": "notify", "name": "Tell ops",
                    "config": {"channel": "log", "message": "done"}, "position": {"x": 0, "y": 280}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "pause"},
                           {"from": "pause", "fromPort": "out", "to": "tellOps"}]}""");
        postThroughApi("/api/v1/workflows/" + id + "/versions/2/publish", "", 200);
        signIn("admin", ADMIN_PASSWORD);
        Matcher started = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"")
                .matcher(postThroughApi("/api/v1/workflows/" + id + "/runs", "{\"input\": {\"n\": 1}}", 202));
        org.assertj.core.api.Assertions.assertThat(started.find()).isTrue();
        String runId = started.group(1);

        page.navigate(url("/runs/" + runId));
        assertThat(page.locator("#run-status")).hasAttribute("data-status", "waiting",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
        page.locator("#run-on-canvas").click();
        assertThat(page.locator("[data-testid=designer]")).hasAttribute("data-ready", "true",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
        assertThat(page.locator("[data-testid=run-overlay]")).hasAttribute("data-run-id", runId);
        assertThat(node(page, "pause")).hasAttribute("data-status", "waiting");
        assertThat(page.locator("[data-testid=run-overlay]")).hasAttribute("data-status", "succeeded",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        assertThat(node(page, "pause")).hasAttribute("data-status", "succeeded");
        assertThat(node(page, "tellOps")).hasAttribute("data-status", "succeeded");
        screenshot("live-run-followed");
    }

    @Test
    void aPastRunOpensOverTheCanvasWithItsSummary() {
        String id = workflowWithDefinition("Past run " + UUID.randomUUID().toString().substring(0, 8), DEFINITION);
        postThroughApi("/api/v1/workflows/" + id + "/versions/2/publish", "", 200);
        Matcher started = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"")
                .matcher(postThroughApi("/api/v1/workflows/" + id + "/runs", "{\"input\": {\"n\": 1}}", 202));
        org.assertj.core.api.Assertions.assertThat(started.find()).isTrue();
        String runId = started.group(1);

        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/workflows/" + id + "?run=" + runId));
        assertThat(page.locator("[data-testid=designer]")).hasAttribute("data-ready", "true");
        assertThat(page.locator("[data-testid=run-overlay]")).hasAttribute("data-run-id", runId);
        assertThat(page.locator("[data-testid=run-overlay]")).hasAttribute("data-status", "succeeded");
        assertThat(node(page, "toOrder")).hasAttribute("data-status", "succeeded");
        assertThat(node(page, "tellOps")).hasAttribute("data-status", "succeeded");
        assertThat(page.locator("[data-testid=run-count][data-status=succeeded]")).hasText("2 succeeded");
        assertThat(page.locator("[data-testid=run-overlay] a")).hasAttribute("href", "runs/" + runId);
        screenshot("past-run-overlay");

        page.locator("[data-testid=overlay-exit]").click();
        assertThat(page.locator("[data-testid=run-overlay]")).hasCount(0);
        assertThat(node(page, "toOrder")).not().hasAttribute("data-status", "succeeded");
    }
}
