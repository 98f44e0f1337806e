package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The Mappings view: create a mapping with the shipped schemas of both sides and land in its editor; rename it;
 * deleting one a published workflow uses is refused with the workflow named; a viewer sees the list read-only.
 */
class MappingsViewTest extends MapperBrowserTest {

    /** A mapping without schemas that compiles: publishable. */
    static final String PLAIN = """
            {"schemaVersion": 1, "rules": [{"target": "id", "from": "orderId"}]}""";

    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;

    private Locator rowWith(String text) {
        return page.locator("#mappings vaadin-grid-cell-content:visible").filter(new Locator.FilterOptions().setHasText(text));
    }

    @Test
    void aNewMappingWithSchemasOpensInTheEditor() {
        String name = "Amazon order to Opayo " + UUID.randomUUID().toString().substring(0, 8);
        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/mappings"));
        assertThat(page.locator("#navigation").getByText("Mappings")).isVisible();
        assertThat(page.locator("#mappings")).isVisible();
        screenshot("1-list");

        page.locator("#new-mapping").click();
        page.locator("#mapping-name input").fill(name);
        page.locator("#mapping-description textarea").fill("Orders paid by card");
        page.locator("#mapping-source-schema input").fill("sp-api/Order");
        page.locator("#mapping-source-schema input").press("Enter");
        page.locator("#mapping-target-schema input").fill("opayo/TransactionRequest");
        page.locator("#mapping-target-schema input").press("Enter");
        assertThat(page.locator("#mapping-source-schema")).hasAttribute("has-value", "");
        screenshot("2-create-dialog");
        page.locator("#save-mapping").click();

        assertThat(page).hasURL(Pattern.compile(".*/mappings/[0-9a-f-]{36}$"));
        assertThat(page.locator("#mapping-title")).hasText(name);
        assertThat(page.locator("#mapping-version")).hasText("Version 1 · not published");
        assertThat(page.locator("[data-testid=mapping-editor][data-ready=true]")).isVisible();
        screenshot("3-editor");
        // version 1 names the schemas chosen, and has no rules yet
        String id = page.url().replaceAll(".*/mappings/", "");
        String stored = AdminReads.get(port, "/api/v1/mappings/" + id).replaceAll("\\s", "");
        org.assertj.core.api.Assertions.assertThat(stored)
                .contains("\"source\":{\"schema\":\"sp-api/Order\"}")
                .contains("\"target\":{\"schema\":\"opayo/TransactionRequest\"}")
                .contains("\"rules\":[]").contains("\"description\":\"Orderspaidbycard\"");

        page.navigate(url("/mappings"));
        page.locator("#mapping-search input").fill(name);
        assertThat(rowWith("Orders paid by card")).hasCount(1);
        assertThat(rowWith("not published").first()).isVisible();
        // a duplicate name (any case) is refused on the name field, and the dialog stays open
        page.locator("#new-mapping").click();
        page.locator("#mapping-name input").fill(name.toUpperCase());
        page.locator("#save-mapping").click();
        assertThat(page.locator("#mapping-name")).hasAttribute("invalid", "");
        assertThat(page.locator("#mapping-name")).containsText("already exists");
        screenshot("4-duplicate-refused");
    }

    @Test
    void aMappingIsRenamedAndOneInUseIsNotDeleted() {
        String used = newMapping("Used by a workflow", PLAIN);
        postThroughApi("/api/v1/mappings/" + used + "/versions/1/publish", "", 200);
        String workflowName = "Shapes orders " + UUID.randomUUID().toString().substring(0, 8);
        String workflow = workflowWithDefinition(workflowName, """
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                 "nodes": [{"id": "shape", "type": "map", "name": "Shape", "config": {"mapping": "%s"},
                            "position": {"x": 200, "y": 0}}],
                 "edges": [{"from": "trigger", "fromPort": "out", "to": "shape"}]}""".formatted(used));
        postThroughApi("/api/v1/workflows/" + workflow + "/versions/2/publish", "", 200);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // at least two rows before the search, exactly one after: seeing one means the search has been applied
        newMapping("Another mapping", PLAIN);
        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/mappings"));

        page.locator("#mapping-search input").fill("Used by a workflow");
        Locator rename = page.locator(".rename-mapping:visible");
        assertThat(rename).hasCount(1);
        waitUntilIdle();
        rename.click();
        page.locator("#mapping-name input").fill("Order shape " + suffix);
        page.locator("#mapping-description textarea").fill("Renamed in the view");
        page.locator("#save-mapping").click();
        assertThat(page.getByText("Mapping 'Order shape " + suffix + "' saved")).isVisible();
        page.locator("#mapping-search input").fill("Order shape " + suffix);
        assertThat(rowWith("Renamed in the view")).hasCount(1);
        assertThat(page.locator("#mappings [data-published='1']:visible")).hasCount(1);
        screenshot("1-renamed");

        Locator delete = page.locator(".delete-mapping:visible");
        assertThat(delete).hasCount(1);
        waitUntilIdle();
        delete.click();
        assertThat(page.getByText("Delete mapping 'Order shape " + suffix + "'?")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete").setExact(true)).click();
        Locator refusal = page.locator("[data-notification=error]");
        assertThat(refusal).containsText("Not deleted: Mapping 'Order shape " + suffix + "' is used by the published"
                + " version of " + workflowName);
        assertThat(rowWith("Renamed in the view")).hasCount(1);
        screenshot("2-delete-refused");

        // one nobody uses goes
        newMapping("Unused " + suffix, PLAIN);
        page.navigate(url("/mappings"));
        page.locator("#mapping-search input").fill("Unused " + suffix);
        assertThat(page.locator(".delete-mapping:visible")).hasCount(1);
        waitUntilIdle();
        page.locator(".delete-mapping:visible").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete").setExact(true)).click();
        assertThat(page.locator("[data-notification=success]").filter(new Locator.FilterOptions()
                .setHasText("deleted"))).isVisible();
        assertThat(page.locator(".delete-mapping:visible")).hasCount(0);
    }

    @Test
    void aViewerSeesTheListReadOnlyAndOpensAMapping() {
        String id = newMapping("Seen by a viewer", PLAIN);
        users.insert("mapping-viewer", "Mia Viewer", passwords.encode("viewer-e2e-password"), Set.of(Role.VIEWER));
        signIn("mapping-viewer", "viewer-e2e-password");
        page.navigate(url("/mappings"));
        page.locator("#mapping-search input").fill("Seen by a viewer");
        // every mapping of these tests is described "from a test": one row of them left means the search is applied
        assertThat(rowWith("from a test")).hasCount(1);
        Locator row = rowWith("Seen by a viewer");
        assertThat(row).hasCount(1);
        assertThat(page.locator("#new-mapping")).hasCount(0);
        assertThat(page.locator(".rename-mapping")).hasCount(0);
        assertThat(page.locator(".delete-mapping")).hasCount(0);
        screenshot("viewer-list");
        waitUntilIdle();
        row.first().click();
        assertThat(page).hasURL(Pattern.compile(".*/mappings/" + id + "$"));
        assertThat(page.locator("[data-testid=mapping-editor][data-readonly=true]")).isVisible();
    }
}
