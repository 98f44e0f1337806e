package dev.junction.e2e;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * TPL-6 in the browser: importing a workflow file whose step names a connection this installation does not have
 * ("Amazon live") opens one fix-up dialog listing it; mapped to the Amazon sandbox connection and applied, the
 * workflow opens with no problem badge on its canvas.
 */
class TemplateImportFixUpTest extends TemplateBrowserTest {

    @Test
    void anUnknownConnectionIsMappedOnImportAndNothingIsFlagged() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.writeString(Files.createTempFile("fix-up-", ".workflow.json"), """
                {"format": "junction.workflow", "formatVersion": 1, "name": "Fix-up %s", "description": "",
                 "version": 1, "exportedAt": "2026-12-01T10:00:00Z",
                 "definition": {"schemaVersion": 1,
                   "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                   "nodes": [{"id": "items", "type": "connector", "name": "Read the order items",
                              "position": {"x": 250, "y": 0},
                              "config": {"connection": "Amazon live", "operation": "getOrderItems",
                                         "input": {"AmazonOrderId": "{{ trigger.AmazonOrderId }}"}}}],
                   "edges": [{"from": "trigger", "fromPort": "out", "to": "items"}]},
                 "mappings": [], "lookupTables": []}""".formatted(suffix));
        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/workflows"));
        FileChooser chooser = page.waitForFileChooser(() -> page.locator("#import-workflow vaadin-button").click());
        chooser.setFiles(file);

        Locator dialog = page.locator("[data-testid=import-fix-up]");
        Locator choice = page.locator("[data-testid=fix-up-connection][data-connection=\"Amazon live\"]");
        assertThat(choice).isVisible();
        assertThat(choice).containsText("sandbox");
        screenshot("fix-up");
        page.locator("[data-testid=fix-up-apply]").click();

        assertThat(page).hasURL(Pattern.compile(".*/workflows/[0-9a-f-]{36}$"));
        assertThat(page.locator("[data-testid=canvas-node]")).hasCount(2);
        assertThat(page.locator("[data-testid=node-problems]")).hasCount(0);
        assertThat(page.locator("#workflow-version")).containsText("Version 2");
        assertThat(dialog).hasCount(0);
        screenshot("mapped");
    }
}
