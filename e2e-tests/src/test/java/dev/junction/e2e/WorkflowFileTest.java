package dev.junction.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.FileChooser;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A workflow exported from its page as a file, and imported from that file as a new workflow. */
class WorkflowFileTest extends BrowserTest {

    private static final String DEFINITION = """
            {"schemaVersion": 1,
             "trigger": {"kind": "webhook", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "toOrder", "type": "script", "name": "Payment to FBA order", "config": {"code": "return trigger;"},
                "position": {"x": 0, "y": 120}},
               {"id": "tellOps", "type": "notify", "name": "Tell ops",
                "config": {"channel": "log", "message": "order sent"}, "position": {"x": 0, "y": 240}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "toOrder"},
                       {"from": "toOrder", "fromPort": "out", "to": "tellOps"}]}""";

    @Test
    void anExportedWorkflowImportsAsANewWorkflow() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String id = workflowWithDefinition("Export me " + suffix, DEFINITION);
        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/workflows/" + id));

        Download download = page.waitForDownload(() -> page.locator("#export-workflow").click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("Export-me-" + suffix + ".workflow.json");
        String exported = Files.readString(download.path());
        org.assertj.core.api.Assertions.assertThat(exported).contains("\"format\" : \"junction.workflow\"")
                .contains("\"Payment to FBA order\"");

        Path copy = Files.writeString(Files.createTempFile("imported-", ".workflow.json"),
                exported.replace("Export me " + suffix, "Imported " + suffix));
        page.navigate(url("/workflows"));
        FileChooser chooser = page.waitForFileChooser(() -> page.locator("#import-workflow vaadin-button").click());
        chooser.setFiles(copy);

        assertThat(page.getByText("Workflow 'Imported " + suffix + "' imported")).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/workflows/[0-9a-f-]{36}$"));
        assertThat(page.locator("#workflow-title")).hasText("Imported " + suffix);
        assertThat(page.locator("#workflow-version")).hasText("Version 1 · not published");
        assertThat(page.locator("[data-testid=canvas-node]")).hasCount(3);
        screenshot("imported");
    }

    @Test
    void aFileThatIsNotAWorkflowIsRefusedWithTheReason() throws Exception {
        Path notOurs = Files.writeString(Files.createTempFile("other-", ".json"), "{\"format\": \"something-else\"}");
        signIn("admin", ADMIN_PASSWORD);

        FileChooser chooser = page.waitForFileChooser(() -> page.locator("#import-workflow vaadin-button").click());
        chooser.setFiles(notOurs);

        assertThat(page.getByText("Not imported: format: must be \"junction.workflow\"")).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/workflows$|.*/$"));
        assertThat(page.locator("#import-workflow vaadin-upload-file")).hasCount(0);
        assertThat(page.locator("#import-workflow vaadin-button")).isEnabled();
        screenshot("refused");
    }
}
