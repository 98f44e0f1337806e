package dev.junction.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.util.Set;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * WD-13: two people edit the same workflow in two browsers. Edits of different things merge without a question;
 * two values for the same field show one conflict row with "keep mine" and "keep theirs".
 */
class DesignerMergeTest extends DesignerVersionsBrowserTest {

    private static final String PASSWORD = "designer-e2e-password";

    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;

    private BrowserContext second;
    private Page other;
    private String designer;

    @BeforeEach
    void secondDesigner() {
        designer = "dora" + UUID.randomUUID().toString().substring(0, 6);
        users.insert(designer, "Dora Designer", passwords.encode(PASSWORD), Set.of(Role.DESIGNER));
        second = page.context().browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-GB"));
        second.setDefaultTimeout(20_000);
        other = second.newPage();
    }

    @AfterEach
    void closeSecond() {
        second.close();
    }

    private void signInOther() {
        other.navigate(url("/login"));
        other.locator("input[name=username]").fill(designer);
        other.locator("input[name=password]").fill(PASSWORD);
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        other.waitForURL(url -> !url.contains("/login"));
    }

    @Test
    void editsOfDifferentNodesMergeWithoutConflicts() {
        String id = workflowWithDefinition("Merge " + UUID.randomUUID().toString().substring(0, 8), DEFINITION);
        signIn("admin", ADMIN_PASSWORD);
        signInOther();
        openDesigner(page, id);
        openDesigner(other, id);

        rename(page, "toOrder", "Build the FBA order");
        startSave(page, "admin renames");
        assertThat(page.locator("[data-testid=designer]")).hasAttribute("data-dirty", "false");

        rename(other, "tellOps", "Tell the ops team");
        startSave(other, "dora renames");
        assertThat(other.locator("[data-testid=merge-dialog]")).hasAttribute("data-conflicts", "0");
        assertThat(other.locator("[data-testid=merge-dialog]")).containsText("admin saved version 3 since you opened this page");
        assertThat(other.locator("[data-testid=merge-conflict]")).hasCount(0);
        other.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of(
                System.getProperty("screenshots.dir", "target/screenshots"), "DesignerMergeTest-disjoint-merge-dialog.png")));
        other.locator("[data-testid=merge-accept]").click();
        assertThat(other.locator("[data-testid=merge-dialog]")).hasCount(0);
        assertThat(other.locator("[data-testid=designer]")).hasAttribute("data-dirty", "false");

        JsonNode merged = version(id, 4);
        assertThat(nodeOf(merged, "toOrder").get("name").asString()).isEqualTo("Build the FBA order");
        assertThat(nodeOf(merged, "tellOps").get("name").asString()).isEqualTo("Tell the ops team");
    }

    @Test
    void twoValuesForOneFieldAreOneConflictRowWithMineAndTheirs() {
        String id = workflowWithDefinition("Conflict " + UUID.randomUUID().toString().substring(0, 8), DEFINITION);
        signIn("admin", ADMIN_PASSWORD);
        signInOther();
        openDesigner(page, id);
        openDesigner(other, id);

        rename(page, "tellOps", "Tell finance");
        startSave(page, "admin renames");
        assertThat(page.locator("[data-testid=designer]")).hasAttribute("data-dirty", "false");

        rename(other, "tellOps", "Tell the warehouse");
        startSave(other, "dora renames");
        assertThat(other.locator("[data-testid=merge-dialog]")).hasAttribute("data-conflicts", "1");
        assertThat(other.locator("[data-testid=merge-conflict]")).hasCount(1);
        var row = other.locator("[data-testid=merge-conflict]").first();
        assertThat(row.locator("[data-testid=keep-mine]")).isChecked();
        assertThat(row.locator("[data-testid=keep-theirs]")).not().isChecked();
        assertThat(row).containsText("\"Tell the warehouse\"");
        assertThat(row).containsText("\"Tell finance\"");
        other.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of(
                System.getProperty("screenshots.dir", "target/screenshots"), "DesignerMergeTest-one-conflict.png")));

        row.locator("[data-testid=keep-theirs]").check();
        other.locator("[data-testid=merge-accept]").click();
        assertThat(other.locator("[data-testid=merge-dialog]")).hasCount(0);
        assertThat(other.locator("[data-testid=designer]")).hasAttribute("data-dirty", "false");
        assertThat(nodeOf(version(id, 4), "tellOps").get("name").asString()).isEqualTo("Tell finance");
    }
}
