package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The admin's first journey: sign in, create a workflow, find it, open its canvas, log out. */
class WorkflowJourneyTest extends BrowserTest {

    @Test
    void anAdminCreatesAWorkflowOpensItsCanvasAndLogsOut() {
        signIn("admin", ADMIN_PASSWORD);
        assertSignedInAs("admin");
        assertThat(page.locator("#navigation").getByText("Workflows")).isVisible();
        screenshot("1-workflows");

        page.locator("#new-workflow").click();
        page.locator("#workflow-name input").fill("Opayo capture to FBA");
        page.locator("#workflow-description textarea").fill("Paid Opayo orders become Amazon FBA orders");
        screenshot("2-new-workflow-dialog");
        page.locator("#save-workflow").click();

        assertThat(page.getByText("Workflow 'Opayo capture to FBA' created")).isVisible();
        // the shared app holds many workflows (other journeys', generated histories): the new one is found by name
        // rather than expected among the rows the list has drawn
        page.locator("#workflow-search input").fill("Opayo capture to FBA");
        Locator row = page.locator("vaadin-grid-cell-content").filter(
                new Locator.FilterOptions().setHasText("Opayo capture to FBA"));
        assertThat(row.first()).isVisible();
        screenshot("3-workflow-listed");

        row.first().click();
        assertThat(page).hasURL(Pattern.compile(".*/workflows/[0-9a-f-]{36}$"));
        assertThat(page.locator("#workflow-title")).hasText("Opayo capture to FBA");
        assertThat(page.locator("#workflow-version")).hasText("Version 1 · not published");
        Locator trigger = page.locator("[data-testid=canvas-node][data-node-id=trigger]");
        assertThat(trigger).isVisible();
        screenshot("4-canvas");

        page.locator("#logout").click();
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))).isVisible();
        screenshot("5-logged-out");
    }

    @Test
    void aBlankOrDuplicateNameIsRefusedOnTheField() {
        signIn("admin", ADMIN_PASSWORD);
        page.locator("#new-workflow").click();
        page.locator("#workflow-name input").fill("Settlement reconciliation");
        page.locator("#save-workflow").click();
        assertThat(page.getByText("Workflow 'Settlement reconciliation' created")).isVisible();

        page.locator("#new-workflow").click();
        page.locator("#workflow-name input").fill("SETTLEMENT reconciliation");
        page.locator("#save-workflow").click();
        assertThat(page.locator("#workflow-name")).hasAttribute("invalid", "");
        // the field's own message: Vaadin also announces it through an aria-live region with the same text
        assertThat(page.locator("#workflow-name")).containsText("A workflow named 'SETTLEMENT reconciliation' already exists");
        screenshot("duplicate-name");

        page.locator("#workflow-name input").fill("   ");
        page.locator("#save-workflow").click();
        assertThat(page.locator("#workflow-name")).hasAttribute("invalid", "");
        assertThat(page.locator("#workflow-name")).containsText("Name is required and must not be blank");
    }

    @Test
    void anAdminRenamesAWorkflowAndDeletesItAfterConfirming() {
        signIn("admin", ADMIN_PASSWORD);
        createWorkflow("Tracking back to CRM");
        createWorkflow("Refund sync");

        // at least two rows before the search, exactly one after: seeing one means the search has been applied
        page.locator("#workflow-search input").fill("Tracking back");
        Locator edit = page.locator(".edit-workflow:visible");
        assertThat(edit).hasCount(1);
        waitUntilIdle();
        edit.click();
        page.locator("#workflow-name input").fill("Tracking back to Dynamics");
        page.locator("#workflow-description textarea").fill("FBA shipment tracking onto the CRM order");
        page.locator("#save-workflow").click();
        assertThat(page.getByText("Workflow 'Tracking back to Dynamics' saved")).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content").filter(
                new Locator.FilterOptions().setHasText("FBA shipment tracking onto the CRM order"))).hasCount(1);
        waitUntilIdle();

        Locator delete = page.locator(".delete-workflow:visible");
        delete.click();
        assertThat(page.getByText("Delete workflow 'Tracking back to Dynamics'?")).isVisible();
        // it never ran: deleted, not archived, and the dialog says so
        assertThat(page.getByText("It has no runs: it will be deleted for everyone.")).isVisible();
        assertThat(page.locator("#confirm-delete-workflow[data-removal='delete'][data-runs='0']")).hasCount(1);
        screenshot("confirm-delete");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();
        assertThat(delete).hasCount(1);
        waitUntilIdle();

        delete.click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete").setExact(true)).click();
        assertThat(page.getByText("Workflow 'Tracking back to Dynamics' deleted")).isVisible();
        assertThat(delete).hasCount(0);
    }

    @Test
    void deletingAWorkflowThatHasRunsArchivesItAndTheDialogSaysSo() {
        String name = "Archived " + UUID.randomUUID().toString().substring(0, 8);
        String id = workflowWithDefinition(name, RunsViewTest.DEFINITION);
        postThroughApi("/api/v1/workflows/" + id + "/versions/2/publish", "", 200);
        postThroughApi("/api/v1/workflows/" + id + "/runs", "{\"input\": {\"n\": 1}}", 202);
        workflowWithDefinition("Not archived " + UUID.randomUUID().toString().substring(0, 8), RunsViewTest.DEFINITION);
        signIn("admin", ADMIN_PASSWORD);

        // at least two rows before the search, exactly one after: seeing one means the search has been applied
        page.locator("#workflow-search input").fill(name);
        Locator delete = page.locator(".delete-workflow:visible");
        assertThat(delete).hasCount(1);
        waitUntilIdle();
        delete.click();
        assertThat(page.getByText("Archive workflow '" + name + "'?")).isVisible();
        assertThat(page.getByText("This workflow has 1 run: it will be archived — its runs stay readable in Runs."))
                .isVisible();
        assertThat(page.locator("#confirm-delete-workflow[data-removal='archive'][data-runs='1']")).hasCount(1);
        screenshot("confirm-archive");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Archive").setExact(true)).click();
        assertThat(page.getByText("Workflow '" + name + "' archived: 1 run kept, readable in Runs")).isVisible();
        assertThat(delete).hasCount(0);

        page.navigate(url("/runs"));
        assertThat(page.locator("#runs vaadin-grid-cell-content:visible").filter(
                new Locator.FilterOptions().setHasText(name)).first()).isVisible();
    }

    private void createWorkflow(String name) {
        page.locator("#new-workflow").click();
        page.locator("#workflow-name input").fill(name);
        page.locator("#save-workflow").click();
        assertThat(page.getByText("Workflow '" + name + "' created")).isVisible();
        waitUntilIdle();
    }
}
