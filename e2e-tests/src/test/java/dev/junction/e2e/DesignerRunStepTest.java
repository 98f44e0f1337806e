package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * WD-5 "Run this step": one step of the working copy (unsaved edits included) run alone from the inspector, on the
 * samples pinned upstream; its output is shown in the Output pane, the steps after it are marked stale, and the run
 * history stays empty. A step on a production connection is refused.
 */
class DesignerRunStepTest extends DesignerVersionsBrowserTest {

    /** trigger -> first -> second -> tell: the scripts show what reached them. */
    private static final String CHAIN = """
            {"schemaVersion": 1,
             "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "first", "type": "script", "name": "First",
                "config": {"code": "return {at: 'first', order: trigger.orderId};"}, "position": {"x": 0, "y": 140}},
               {"id": "second", "type": "script", "name": "Second",
                "config": {"code": "return {after: nodes.first.at, order: trigger.orderId};"},
                "position": {"x": 0, "y": 280}},
               {"id": "tell", "type": "notify", "name": "Tell ops",
                "config": {"channel": "log", "message": "done"}, "position": {"x": 0, "y": 420}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "first"},
                       {"from": "first", "fromPort": "out", "to": "second"},
                       {"from": "second", "fromPort": "out", "to": "tell"}]}""";

    @Test
    void aStepRunsAloneOnThePinnedSamplesAndTheStepsAfterItGoStale() {
        String id = workflowWithDefinition("Run step " + UUID.randomUUID().toString().substring(0, 8), CHAIN);
        page.setViewportSize(1600, 1000);
        signIn("admin", ADMIN_PASSWORD);
        openDesigner(page, id);

        pin("trigger", "{\"orderId\": \"P-77\"}");
        pin("first", "{\"at\": \"pinned first\"}");
        inspect("second");
        page.locator("[data-testid=run-step][data-node=second]").click();

        assertThat(page.locator("[data-testid=inspector-message]")).containsText("succeeded");
        Locator output = page.locator("[data-testid=pane-output][data-node=second]");
        assertThat(output).hasAttribute("data-source", "step");
        assertThat(output.locator("[data-testid=output-field][data-path=after]")).containsText("pinned first");
        assertThat(output.locator("[data-testid=output-field][data-path=order]")).containsText("P-77");
        assertThat(page.locator("[data-testid=pane-input][data-node=second]")).hasAttribute("data-source", "step");
        assertThat(node(page, "second")).hasAttribute("data-step-run", "succeeded");
        assertThat(node(page, "tell")).hasAttribute("data-stale", "true");
        assertThat(node(page, "second")).hasAttribute("data-stale", "false");
        assertThat(node(page, "first")).hasAttribute("data-stale", "false");
        screenshot("step-ran");

        // a new name is not a change of what the step does: its result stays fresh
        rename(page, "second", "Second, renamed");
        assertThat(node(page, "second")).hasAttribute("data-stale", "false");
        assertThat(node(page, "second")).hasAttribute("data-step-run", "succeeded");

        // nothing went into the run history
        org.assertj.core.api.Assertions.assertThat(getThroughApi("/api/v1/runs?workflowId=" + id, 200))
                .containsPattern("\"items\"\\s*:\\s*\\[\\s*]");
    }

    private void inspect(String nodeId) {
        page.locator("[data-testid=zoom-fit]").click();
        node(page, nodeId).click(new Locator.ClickOptions().setPosition(20, 12));
        assertThat(page.locator("[data-testid=inspector][data-node=" + nodeId + "]")).isVisible();
    }

    private void pin(String nodeId, String json) {
        inspect(nodeId);
        Locator sample = page.locator("[data-testid=sample-json][data-node=" + nodeId + "]");
        if (!sample.isVisible()) {
            page.locator("[data-testid=inspector] .pin-sample summary").click();
        }
        sample.fill(json);
        page.locator("[data-testid=pin-sample][data-node=" + nodeId + "]").click();
        assertThat(page.locator("[data-testid=pane-output][data-node=" + nodeId + "]"))
                .hasAttribute("data-source", "pinned");
    }
}
