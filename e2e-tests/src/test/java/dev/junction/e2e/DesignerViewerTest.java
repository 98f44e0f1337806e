package dev.junction.e2e;

import dev.junction.db.audit.AuditEntry;
import dev.junction.db.audit.AuditLogRepository;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A VIEWER sees the designer read-only: no palette, no save, no restore or publish, but may compare versions. A save
 * forged through the page's server channel is refused by the server and written to the audit log.
 */
class DesignerViewerTest extends DesignerVersionsBrowserTest {

    private static final String PASSWORD = "viewer-designer-password";

    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    AuditLogRepository audit;

    @Test
    void aViewerSeesTheDesignerReadOnlyAndAForgedSaveIsRefusedAndAudited() {
        String viewer = "vera" + UUID.randomUUID().toString().substring(0, 6);
        users.insert(viewer, "Vera Viewer", passwords.encode(PASSWORD), Set.of(Role.VIEWER));
        String id = workflowWithDefinition("Read only " + UUID.randomUUID().toString().substring(0, 8), DEFINITION);

        signIn(viewer, PASSWORD);
        openDesigner(page, id);
        assertThat(page.locator("[data-testid=designer]")).hasAttribute("data-read-only", "true");
        assertThat(page.locator("[data-testid=palette]")).hasCount(0);
        assertThat(page.locator("[data-testid=save]")).hasCount(0);
        assertThat(page.locator("[data-testid=test-run]")).hasCount(0);

        page.locator("[data-testid=versions-toggle]").click();
        assertThat(page.locator("[data-testid=version]")).hasCount(2);
        assertThat(page.locator("[data-testid=restore]")).hasCount(0);
        assertThat(page.locator("[data-testid=publish-version]")).hasCount(0);
        page.locator("[data-testid=compare-from][data-version='1']").check();
        page.locator("[data-testid=compare-to][data-version='2']").check();
        assertThat(page.locator("[data-testid=diff-panel]")).isVisible();
        screenshot("read-only");

        Object answer = page.evaluate("""
                async (definition) => {
                  const element = document.querySelector('workflow-designer');
                  const forged = JSON.parse(definition);
                  forged.nodes[0].name = 'Forged by a viewer';
                  try {
                    return String(await element.$server.save(JSON.stringify(forged), JSON.stringify(2), JSON.stringify('forged')));
                  } catch (error) {
                    return 'error: ' + error;
                  }
                }""", DEFINITION);
        assertThat(String.valueOf(answer)).doesNotContain("\"outcome\":\"saved\"");
        assertThat(statusOf("/api/v1/workflows/" + id + "/versions/3")).isEqualTo(404);

        List<AuditEntry> entries = audit.forEntity("workflow", id, 50);
        assertThat(entries).as("the refused save in the audit log").anySatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo(viewer);
            assertThat(entry.action()).containsAnyOf("refused", "denied");
        });
    }
}
