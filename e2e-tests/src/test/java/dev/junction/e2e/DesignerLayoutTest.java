package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tidy up lays overlapping nodes out left to right without overlaps, in one undoable step; a workflow opens at a
 * readable zoom, however large.
 */
class DesignerLayoutTest extends DesignerBrowserTest {

    /** Five nodes piled on one spot: trigger -> a -> {b, c} -> d. */
    static final String PILED = """
            {"schemaVersion": 1,
             "trigger": {"kind": "manual", "config": {}, "position": {"x": 40, "y": 40}},
             "nodes": [
               {"id": "a", "type": "script", "name": "Read order", "config": {"code": "return trigger;"}, "position": {"x": 50, "y": 50}},
               {"id": "b", "type": "script", "name": "Price lines", "config": {"code": "return nodes.a;"}, "position": {"x": 60, "y": 60}},
               {"id": "c", "type": "script", "name": "Check stock", "config": {"code": "return nodes.a;"}, "position": {"x": 70, "y": 55}},
               {"id": "d", "type": "notify", "name": "Tell ops", "config": {"channel": "log", "message": "done"}, "position": {"x": 45, "y": 65}}],
             "edges": [{"from": "trigger", "to": "a"}, {"from": "a", "to": "b"}, {"from": "a", "to": "c"},
                       {"from": "b", "to": "d"}, {"from": "c", "to": "d"}]}""";

    @Test
    void tidyUpRemovesOverlapsLeftToRightAndUndoRestoresThePositionsExactly() {
        openDesigner(newWorkflow("Tidy", PILED));
        String before = documentHash();
        screenshot("1-piled");

        page.locator("[data-testid=tidy]").click();
        page.waitForFunction("h => document.querySelector('[data-testid=designer]').dataset.document !== h", before);
        page.locator("[data-testid=zoom-fit]").click();
        page.waitForTimeout(400); // the fit animation (200 ms) ends before the boxes are read
        screenshot("2-tidied");

        Map<String, BoundingBox> boxes = new HashMap<>();
        for (Locator node : nodes().all()) {
            boxes.put(node.getAttribute("data-node-id"), node.boundingBox());
        }
        assertThat(boxes).hasSize(5);
        List<String> ids = List.copyOf(boxes.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                BoundingBox p = boxes.get(ids.get(i));
                BoundingBox q = boxes.get(ids.get(j));
                boolean overlap = p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
                assertThat(overlap).as("%s overlaps %s", ids.get(i), ids.get(j)).isFalse();
            }
        }
        for (Locator edge : edges().all()) {
            BoundingBox source = boxes.get(edge.getAttribute("data-source"));
            BoundingBox target = boxes.get(edge.getAttribute("data-target"));
            assertThat(source.x + source.width).as(edge.getAttribute("data-edge")).isLessThan(target.x);
        }

        focusCanvas();
        page.keyboard().press("Control+z");
        assertThat(designer()).hasAttribute("data-document", before);
        assertThat(designer()).hasAttribute("data-dirty", "false");
    }

    @Test
    void aLargeWorkflowOpensAtAReadableZoomWithItsTriggerInViewAndFitStillShowsItAll() {
        // 120 steps in rows of 25: fitted whole, the steps would be a few pixels wide
        openDesigner(newWorkflow("Large", DesignerLargeGraphBenchmark.generated(120)));
        Locator canvas = page.locator("[data-testid=canvas]");
        screenshot("1-large-opened");
        assertThat(zoom(canvas)).as("the zoom it opens at").isGreaterThanOrEqualTo(0.6);
        BoundingBox view = canvas.boundingBox();
        BoundingBox trigger = node("trigger").boundingBox();
        assertThat(trigger.x).as("the trigger at the left").isBetween(view.x, view.x + view.width / 4);
        assertThat(trigger.y + trigger.height / 2).as("the trigger vertically centred")
                .isCloseTo(view.y + view.height / 2, within(view.height / 10));

        page.locator("[data-testid=zoom-fit]").click();
        page.waitForFunction("() => Number(document.querySelector('[data-testid=canvas]').dataset.zoom) < 0.6");
        screenshot("2-large-fitted");

        // a small workflow still opens fitted whole
        navigateToDesigner(newWorkflow("Small", FIXTURE));
        assertThat(zoom(canvas)).isGreaterThanOrEqualTo(0.6);
        for (Locator node : nodes().all()) {
            BoundingBox box = node.boundingBox();
            assertThat(box.x).as(node.getAttribute("data-node-id")).isGreaterThanOrEqualTo(view.x);
            assertThat(box.x + box.width).as(node.getAttribute("data-node-id")).isLessThanOrEqualTo(view.x + view.width);
        }
        assertThat(nodes()).hasCount(3);
    }

    private static double zoom(Locator canvas) {
        return Double.parseDouble(canvas.getAttribute("data-zoom"));
    }
}
