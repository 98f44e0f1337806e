package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * TPL-1 in the browser: the gallery filtered by one connector (Dynamics 365) shows the Amazon-orders-to-Dynamics
 * template and no template without that connector; a search that matches nothing says so; the template's preview
 * draws its workflow on the read-only canvas (every step of it, nothing to add or drag) and lists both connectors it
 * requires.
 */
class TemplateGalleryTest extends TemplateBrowserTest {

    static final String TEMPLATE = "amazon-orders-to-dynamics";
    private static final String CONNECTOR = "dataverse";
    private static final String CONNECTOR_NAME = "Dynamics 365 / Dataverse";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void filterByConnectorAndPreviewTheTemplate() {
        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/templates"));
        assertThat(page.locator("[data-testid=template-card]").first()).isVisible();
        screenshot("gallery");

        page.locator("#template-connector").click();
        page.getByRole(AriaRole.OPTION, new com.microsoft.playwright.Page.GetByRoleOptions().setName(CONNECTOR_NAME))
                .click();
        waitUntilIdle();
        Locator card = page.locator("[data-testid=template-card][data-id=" + TEMPLATE + "]");
        assertThat(card).isVisible();
        Locator cards = page.locator("[data-testid=template-card]");
        for (int i = 0; i < cards.count(); i++) {
            assertThat(cards.nth(i).locator("[data-connector=" + CONNECTOR + "]")).hasCount(1);
        }
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/templates\\?connector=" + CONNECTOR + "$"));
        screenshot("filtered");

        page.locator("#template-search input").fill("no template is called this");
        assertThat(page.locator("[data-testid=no-templates]")).isVisible();
        page.locator("#template-search input").fill("");
        assertThat(card).isVisible();

        card.locator(".template-preview").click();
        JsonNode detail = JSON.readTree(AdminReads.get(port, "/api/v1/templates/" + TEMPLATE));
        int steps = detail.get("previewDefinition").get("nodes").size() + 1; // and the trigger
        Locator canvas = page.locator("[data-testid=template-canvas]");
        assertThat(canvas).hasAttribute("data-read-only", "true");
        assertThat(canvas.locator("[data-testid=canvas-node]")).hasCount(steps);
        assertThat(canvas.locator("[data-testid=handle-add]")).hasCount(0);
        Locator requirements = page.locator("[data-testid=requirements]");
        assertThat(requirements).containsText("Amazon");
        assertThat(requirements).containsText("Dynamics 365");
        assertThat(requirements.locator("[data-connector=amazon-sp-api]")).hasCount(1);
        assertThat(requirements.locator("[data-connector=" + CONNECTOR + "]")).hasCount(1);
        screenshot("preview");
    }
}
