package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The designer's canvas edits: picker and edge insert, refused connections with their reason, one undo history. */
class DesignerEditingTest extends DesignerBrowserTest {

    @Test
    void thePickerAddsAfterTheSelectedNodeAndTheEdgePlusInsertsIntoTheEdge() {
        openDesigner(newWorkflow("Picker", FIXTURE));
        assertThat(nodes()).hasCount(3);

        node("toOrder").click();
        focusCanvas();
        node("toOrder").click();
        page.keyboard().press("/");
        assertThat(page.locator("[data-testid=picker]")).isVisible();
        page.locator("[data-testid=picker-search]").fill("delay");
        screenshot("1-picker");
        page.keyboard().press("Enter");

        assertThat(nodes()).hasCount(4);
        assertThat(page.locator("[data-testid=edge][data-source=toOrder][data-target=delay]")).hasCount(1);
        assertThat(designer()).hasAttribute("data-dirty", "true");

        page.locator("[data-testid=edge-insert][data-edge='trigger:out->toOrder']").click();
        page.locator("[data-testid=picker-search]").fill("delay");
        page.keyboard().press("Enter");

        assertThat(nodes()).hasCount(5);
        assertThat(edge("trigger:out->toOrder")).hasCount(0);
        assertThat(edge("trigger:out->delay-2")).hasCount(1);
        assertThat(edge("delay-2:out->toOrder")).hasCount(1);
        screenshot("2-inserted-into-edge");
    }

    @Test
    void anIllegalConnectionIsRefusedWithItsReason() {
        openDesigner(newWorkflow("Refusals", FIXTURE));
        assertThat(edges()).hasCount(2);

        drag(page.locator("[data-testid=handle-out][data-node=tellOps][data-port=out]"), page.locator("[data-testid=handle-in][data-node=trigger]"));
        assertThat(page.locator("[data-testid=canvas-toast]")).containsText("cannot connect into a trigger");
        assertThat(edges()).hasCount(2);
        screenshot("into-the-trigger");

        drag(page.locator("[data-testid=handle-out][data-node=tellOps][data-port=out]"), page.locator("[data-testid=handle-in][data-node=toOrder]"));
        assertThat(page.locator("[data-testid=canvas-toast]")).containsText("would make a cycle outside a forEach body");

        drag(page.locator("[data-testid=handle-out][data-node=toOrder][data-port=out]"), page.locator("[data-testid=handle-in][data-node=tellOps]"));
        assertThat(page.locator("[data-testid=canvas-toast]")).containsText("already connected");
        assertThat(edges()).hasCount(2);
        assertThat(designer()).hasAttribute("data-dirty", "false");

        drag(page.locator("[data-testid=handle-out][data-node=trigger][data-port=out]"), page.locator("[data-testid=handle-in][data-node=tellOps]"));
        assertThat(edges()).hasCount(3);
        assertThat(edge("trigger:out->tellOps")).hasCount(1);

    }

    @Test
    void undoingTenMixedEditsReturnsTheSameDocumentAndRedoReturnsTheEditedOne() {
        // edits by click and key only: dragging is covered by anIllegalConnectionIsRefusedWithItsReason
        openDesigner(newWorkflow("History", FIXTURE));
        String original = documentHash();
        Locator palette = page.locator("[data-testid=palette]");

        palette.locator("[data-testid=palette-item][data-kind=delay]").click();          // 1 add
        palette.locator("[data-testid=palette-item][data-kind=script]").click();         // 2 add
        palette.locator("[data-testid=palette-item][data-kind=notify]").click();         // 3 add
        assertThat(nodes()).hasCount(6);
        page.locator("[data-testid=palette-item][data-kind=schedule]").click();          // 4 trigger kind
        page.locator("[data-testid=add-note]").click();                                  // 5 note
        page.locator("[data-testid=note-text]").fill("**VAT** is added at checkout");
        focusCanvas();                                                                   // 6 note text (on blur)
        assertThat(page.locator("[data-testid=canvas-note] strong")).hasText("VAT");
        page.locator("[data-testid=zoom-fit]").click(); // the new note was brought into view; see every step again
        node("tellOps").click();
        page.keyboard().press("Delete");                                                 // 7 delete with its edge
        assertThat(node("tellOps")).hasCount(0);
        node("toOrder").click();
        page.keyboard().press("Control+d");                                              // 8 duplicate
        assertThat(node("toOrder-2")).hasCount(1);
        String beforeTidy = documentHash();
        page.locator("[data-testid=tidy]").click();                                      // 9 tidy
        page.waitForFunction("h => document.querySelector('[data-testid=designer]').dataset.document !== h", beforeTidy);
        node("toOrder").click();
        page.keyboard().press("/");                                                      // 10 add after, connected
        page.locator("[data-testid=picker-search]").fill("delay");
        page.keyboard().press("Enter");
        assertThat(page.locator("[data-testid=edge][data-source=toOrder]")).hasCount(1);
        page.locator("[data-testid=fix-overlaps]").click();                              // (an entry only when something overlaps)
        String edited = documentHash();
        screenshot("1-edited");

        focusCanvas();
        int undone = 0;
        while (page.locator("[data-testid=undo]").isEnabled()) {
            page.keyboard().press("Control+z");
            undone++;
            assertThat(undone).isLessThan(30);
        }
        assertThat(undone).isGreaterThanOrEqualTo(10);
        assertThat(designer()).hasAttribute("data-document", original);
        assertThat(designer()).hasAttribute("data-dirty", "false");
        page.locator("[data-testid=zoom-fit]").click(); // the canvas draws only the steps in view
        assertThat(nodes()).hasCount(3);
        screenshot("2-undone");

        for (int i = 0; i < undone; i++) {
            page.keyboard().press(i % 2 == 0 ? "Control+Shift+z" : "Control+y");
        }
        assertThat(designer()).hasAttribute("data-document", edited);
        assertThat(page.locator("[data-testid=redo]")).isDisabled();
    }
}
