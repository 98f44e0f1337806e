package dev.junction.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyboard first: the command palette runs every action, nodes have accessible names, axe finds nothing critical or
 * serious.
 */
class DesignerAccessibilityTest extends DesignerBrowserTest {

    /** axe-core's script: -Djunction.axe=<path>, else the ui module's node_modules (DesignerComponent pins it). */
    private static final Path AXE = Path.of(System.getProperty("junction.axe", "../ui/node_modules/axe-core/axe.min.js"));

    @Test
    void theCommandPaletteOpensThePublishDialogAndAxeFindsNoCriticalOrSeriousViolation() {
        openDesigner(newWorkflow("Keyboard", FIXTURE));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Payment to FBA order").setExact(true))).hasCount(1);
        assertThat(page.locator("[data-testid=publish]")).isEnabled();

        page.keyboard().press("Control+k");
        assertThat(page.locator("[data-testid=command-palette]")).isVisible();
        page.locator("[data-testid=command-search]").fill("publish");
        assertThat(page.locator("[data-testid=command][data-command=publish]")).isVisible();
        screenshot("1-command-palette");
        page.keyboard().press("Enter");
        assertThat(page.locator("[data-testid=publish-dialog]")).isVisible();
        page.keyboard().press("Escape");
        assertThat(page.locator("[data-testid=publish-dialog]")).isHidden();

        focusCanvas();
        page.keyboard().press("?");
        assertThat(page.locator("[data-testid=shortcuts]")).containsText("Ctrl+Z");
        page.keyboard().press("Escape");

        node("toOrder").click();
        page.keyboard().press("ArrowRight");
        assertThat(node("tellOps")).hasAttribute("data-selected", "true");
        page.keyboard().press("ArrowLeft");
        assertThat(node("toOrder")).hasAttribute("data-selected", "true");

        assertThat(java.nio.file.Files.isReadable(AXE)).as("axe-core (the ui build installs it) at "
                + AXE.toAbsolutePath()).isTrue();
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate(
                "async () => (await axe.run(document.querySelector('[data-testid=designer]'))).violations"
                        + ".map(v => ({id: v.id, impact: v.impact, targets: v.nodes.map(n => n.target.join(' '))}))");
        System.out.println("axe violations in the designer: " + violations);
        assertThat(violations).as("axe's critical and serious violations")
                .noneMatch(violation -> List.of("critical", "serious").contains(violation.get("impact")));
        screenshot("2-after-axe");
    }
}
