package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * TPL-1 in the browser: the gallery filtered by the Opayo connector shows the FBA + Opayo template and no template
 * without Opayo; its preview draws the template's workflow on the read-only canvas (every step of it, nothing to
 * drag) and lists both connectors it requires.
 */
class TemplateGalleryTest extends TemplateBrowserTest {

    static final String FBA_OPAYO = "fba-opayo";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void filterByOpayoAndPreviewTheTemplate() {
        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/templates"));
        assertThat(page.locator("[data-testid=template-card]").first()).isVisible();
        int all = page.locator("[data-testid=template-card]").count();
        screenshot("gallery");

        page.locator("#template-connector").click();
        page.getByRole(AriaRole.OPTION, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Opayo Pi"))
                .click();
        waitUntilIdle();
        Locator card = page.locator("[data-testid=template-card][data-id=" + FBA_OPAYO + "]");
        assertThat(card).isVisible();
        Locator cards = page.locator("[data-testid=template-card]");
        for (int i = 0; i < cards.count(); i++) {
            assertThat(cards.nth(i).locator("[data-connector=opayo-pi]")).hasCount(1);
        }
        org.assertj.core.api.Assertions.assertThat(cards.count()).isLessThan(all);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/templates\\?connector=opayo-pi$"));
        screenshot("filtered");

        page.locator("#template-search").fill("no template is called this");
        assertThat(page.locator("[data-testid=no-templates]")).isVisible();
        page.locator("#template-search").fill("");
        assertThat(card).isVisible();

        card.locator(".template-preview").click();
        JsonNode detail = JSON.readTree(AdminReads.get(port, "/api/v1/templates/" + FBA_OPAYO));
        int steps = detail.get("previewDefinition").get("nodes").size() + 1; // and the trigger
        Locator canvas = page.locator("[data-testid=template-canvas]");
        assertThat(canvas).hasAttribute("data-read-only", "true");
        assertThat(canvas.locator("[data-testid=canvas-node]")).hasCount(steps);
        assertThat(canvas.locator("[data-testid=handle-add]")).hasCount(0);
        Locator requirements = page.locator("[data-testid=requirements]");
        assertThat(requirements).containsText("Amazon");
        assertThat(requirements).containsText("Opayo");
        assertThat(requirements.locator("[data-connector=amazon-sp-api]")).hasCount(1);
        assertThat(requirements.locator("[data-connector=opayo-pi]")).hasCount(1);
        screenshot("preview");
    }
}
