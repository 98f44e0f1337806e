package dev.junction.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Arrays;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The JSON view round-trips with the canvas; a broken edit keeps the last valid model; the graph exports as PNG and SVG. */
class DesignerJsonExportTest extends DesignerBrowserTest {

    @Test
    void aJsonEditRenamesTheNodeAndABrokenOneKeepsTheCanvas() {
        openDesigner(newWorkflow("Json view", FIXTURE));
        page.locator("[data-testid=json-toggle]").click();
        assertThat(page.locator("[data-testid=json-view] .cm-content")).containsText("Payment to FBA order");

        // put the cursor inside the node's name (the line reads  "name": "Payment to FBA order",) and type there
        page.locator("[data-testid=json-view] .cm-line").filter(new Locator.FilterOptions().setHasText("\"Payment to FBA order\"")).click();
        page.keyboard().press("End");
        page.keyboard().press("ArrowLeft");
        page.keyboard().press("ArrowLeft");
        page.keyboard().type(" by Opayo");

        assertThat(node("toOrder")).containsText("by Opayo");
        assertThat(designer()).hasAttribute("data-dirty", "true");
        String valid = documentHash();
        screenshot("1-renamed-from-json");

        page.keyboard().type("\"");
        assertThat(page.locator("[data-testid=code-error]")).isVisible();
        assertThat(node("toOrder")).containsText("by Opayo");
        assertThat(nodes()).hasCount(3);
        assertThat(designer()).hasAttribute("data-document", valid);
        screenshot("2-code-error");

        // the JSON edit was an entry of the one history: the toolbar's undo takes it back, and the editor follows
        page.locator("[data-testid=undo]").click();
        assertThat(node("toOrder")).not().containsText("Opayo");
        assertThat(page.locator("[data-testid=code-error]")).isHidden();
        assertThat(page.locator("[data-testid=json-view] .cm-content")).not().containsText("Opayo");
    }

    @Test
    void theGraphExportsAsPngAndSvg() throws Exception {
        openDesigner(newWorkflow("Export", FIXTURE));

        Download png = page.waitForDownload(() -> page.locator("[data-testid=export-png]").click());
        byte[] bytes = Files.readAllBytes(png.path());
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        assertThat(png.suggestedFilename()).endsWith(".png");

        Download svg = page.waitForDownload(() -> page.locator("[data-testid=export-svg]").click());
        String text = Files.readString(svg.path());
        assertThat(text).startsWith("<svg").contains("Payment to FBA order");
    }
}
