package dev.junction.e2e;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * WD-12: the versions panel lists every version, publishes one, compares two on the canvas (the changed node marked,
 * the changed field listed with before and after) and restores an old version as a new one.
 */
class DesignerHistoryTest extends DesignerVersionsBrowserTest {

    @Test
    void comparesTwoVersionsAndRestoresTheOlderAsANewVersion() {
        String id = workflowWithDefinition("History " + UUID.randomUUID().toString().substring(0, 8), DEFINITION);
        createdThroughApi("/api/v1/workflows/" + id + "/versions", "{\"baseVersion\": 2, \"comment\": \"louder\","
                + " \"definition\": " + DEFINITION.replace("\"order sent\"", "\"ORDER SENT\"") + "}");

        signIn("admin", ADMIN_PASSWORD);
        openDesigner(page, id);
        page.locator("[data-testid=versions-toggle]").click();
        assertThat(page.locator("[data-testid=versions-panel] [data-testid=version]")).hasCount(3);
        assertThat(page.locator("[data-testid=version][data-version='3']")).containsText("louder");

        page.locator("[data-testid=publish-version][data-version='2']").click();
        page.locator("[data-testid=versions-confirm-ok]").click();
        assertThat(page.locator("[data-testid=version][data-version='2']")).hasAttribute("data-published", "true");
        assertThat(page.locator("[data-testid=version][data-version='3']")).hasAttribute("data-published", "false");

        page.locator("[data-testid=compare-from][data-version='2']").check();
        page.locator("[data-testid=compare-to][data-version='3']").check();
        assertThat(node(page, "tellOps")).hasAttribute("data-diff", "changed");
        assertThat(node(page, "toOrder")).hasAttribute("data-diff", "unchanged");
        assertThat(page.locator("[data-testid=diff-field]")).hasCount(1);
        assertThat(page.locator("[data-testid=diff-field][data-node=tellOps][data-path='config.message']"))
                .containsText("\"order sent\"");
        assertThat(page.locator("[data-testid=diff-field][data-node=tellOps][data-path='config.message']"))
                .containsText("\"ORDER SENT\"");
        screenshot("1-compare-v2-v3");

        page.locator("[data-testid=diff-field][data-node=tellOps][data-path='config.message']").click();
        assertThat(page.locator("[data-testid=inspector]")).hasAttribute("data-node", "tellOps");
        assertThat(node(page, "tellOps")).hasAttribute("data-selected", "true");
        assertThat(node(page, "tellOps")).hasAttribute("data-diff", "changed");
        page.locator("[data-testid=versions-toggle]").click();
        assertThat(page.locator("[data-testid=compare-to][data-version='3']")).isChecked();
        page.locator("[data-testid=diff-exit]").click();
        assertThat(page.locator("[data-testid=diff-panel]")).hasCount(0);
        assertThat(node(page, "tellOps")).not().hasAttribute("data-diff", "changed");

        page.locator("[data-testid=restore][data-version='2']").click();
        page.locator("[data-testid=versions-confirm-ok]").click();
        assertThat(page.locator("[data-testid=version][data-version='4']")).hasCount(1);
        assertThat(page.locator("[data-testid=designer]")).hasAttribute("data-dirty", "false");
        screenshot("2-restored-as-v4");

        JsonNode restored = version(id, 4);
        JsonNode original = version(id, 2);
        assertThat(nodeOf(restored, "tellOps").get("config").get("message").asString()).isEqualTo("order sent");
        assertThat(restored.get("definition")).isEqualTo(original.get("definition"));
    }
}
