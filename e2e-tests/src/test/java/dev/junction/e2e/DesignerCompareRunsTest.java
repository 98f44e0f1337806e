package dev.junction.e2e;

import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * WD-11, two runs side by side: the run on the canvas compared with another run of the workflow picked from a list;
 * each node shows the other run's status and duration beside its own, marked same, different (status and/or
 * output) or only in one run.
 */
class DesignerCompareRunsTest extends DesignerVersionsBrowserTest {

    /** A script whose output is the input's n, and which fails when the input says so; then one that says "sent". */
    private static final String DEFINITION = """
            {"schemaVersion": 1,
             "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "toOrder", "type": "script", "name": "To order",
                "config": {"code": "if (trigger.fail) { throw new Error('refused'); } return {n: trigger.n};"},
                "position": {"x": 0, "y": 140}},
               {"id": "tellOps", "type": "script", "name": "Tell ops",
                "config": {"code": "return {sent: true};"}, "position": {"x": 0, "y": 280}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "toOrder"},
                       {"from": "toOrder", "fromPort": "out", "to": "tellOps"}]}""";

    private static final Pattern ENDED = Pattern.compile("succeeded|failed|dead");

    @Test
    void twoRunsAreComparedNodeByNodeOnTheCanvas() {
        String id = workflowWithDefinition("Compare " + UUID.randomUUID().toString().substring(0, 8), DEFINITION);
        postThroughApi("/api/v1/workflows/" + id + "/versions/2/publish", "", 200);
        String first = start(id, "{\"n\": 1}");
        String second = start(id, "{\"n\": 2}");
        String failed = start(id, "{\"fail\": true}");
        signIn("admin", ADMIN_PASSWORD);
        page.setViewportSize(1600, 1000);
        for (String run : new String[] {failed, second, first}) { // each ended before it is compared
            page.navigate(url("/workflows/" + id + "?run=" + run));
            assertThat(page.locator("[data-testid=run-overlay]")).hasAttribute("data-status", ENDED,
                    new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        }
        assertThat(page.locator("[data-testid=run-overlay]")).hasAttribute("data-run-id", first);

        // against a run that went the same way with another input: the first script's output differs, the second's not
        page.locator("[data-testid=compare-open]").click();
        page.locator("[data-testid=compare-run]").selectOption(second);
        assertThat(page.locator("[data-testid=comparison]")).hasAttribute("data-other-run-id", second);
        assertThat(page.locator("[data-testid=comparison]")).hasAttribute("data-differences", "1");
        assertThat(node(page, "toOrder")).hasAttribute("data-compare", "different");
        assertThat(page.locator("[data-testid=node-compare][data-node=toOrder]")).containsText("output differs");
        assertThat(page.locator("[data-testid=node-compare][data-node=toOrder]")).containsText("succeeded");
        assertThat(node(page, "tellOps")).hasAttribute("data-compare", "same");
        screenshot("1-compared-with-another-input");

        // against the failed run: the first script's status differs, and the second ran only in the run on the canvas
        page.locator("[data-testid=compare-exit]").click();
        assertThat(node(page, "toOrder")).not().hasAttribute("data-compare", Pattern.compile(".*"));
        page.locator("[data-testid=compare-open]").click();
        page.locator("[data-testid=compare-run]").selectOption(failed);
        assertThat(node(page, "toOrder")).hasAttribute("data-compare", "different");
        assertThat(page.locator("[data-testid=node-compare][data-node=toOrder]")).containsText("status");
        assertThat(page.locator("[data-testid=node-compare][data-node=toOrder]")).containsText(Pattern.compile("failed|dead"));
        assertThat(node(page, "tellOps")).hasAttribute("data-compare", "only-shown");
        assertThat(page.locator("[data-testid=comparison]")).hasAttribute("data-differences", "2");
        screenshot("2-compared-with-a-failed-run");

        // another run on the canvas ends the comparison
        page.locator("[data-testid=overlay-exit]").click();
        assertThat(page.locator("[data-testid=comparison]")).hasCount(0);
        assertThat(node(page, "toOrder")).not().hasAttribute("data-compare", Pattern.compile(".*"));
    }

    private String start(String workflowId, String input) {
        Matcher started = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"")
                .matcher(postThroughApi("/api/v1/workflows/" + workflowId + "/runs", "{\"input\": " + input + "}", 202));
        org.assertj.core.api.Assertions.assertThat(started.find()).isTrue();
        return started.group(1);
    }
}
