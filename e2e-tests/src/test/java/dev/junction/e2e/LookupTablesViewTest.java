package dev.junction.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The Lookup tables view: create a table with its settings, add and change an entry, import a CSV file (merge, then
 * replace; a wrong file changes nothing and says which line), search the entries, export the table as CSV.
 */
class LookupTablesViewTest extends BrowserTest {

    private Locator entryRow(String text) {
        return page.locator("#lookup-entries vaadin-grid-cell-content:visible").filter(new Locator.FilterOptions()
                .setHasText(text));
    }

    private void importCsv(Path file, String mode) {
        page.locator("#import-mode").getByText(mode).click();
        FileChooser chooser = page.waitForFileChooser(() -> page.locator("#import-csv vaadin-button").click());
        chooser.setFiles(file);
    }

    @Test
    void aTableIsCreatedFilledImportedSearchedAndExported() throws Exception {
        String name = "sku-asin-" + UUID.randomUUID().toString().substring(0, 6);
        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/lookup-tables"));
        assertThat(page.locator("#navigation").getByText("Lookup tables")).isVisible();

        page.locator("#new-lookup-table").click();
        page.locator("#lookup-table-name input").fill("Not A Name");
        page.locator("#save-lookup-table").click();
        assertThat(page.locator("#lookup-table-name")).hasAttribute("invalid", "");
        assertThat(page.locator("#lookup-table-name")).containsText("lower-case letters");
        page.locator("#lookup-table-name input").fill(name);
        page.locator("#lookup-table-description textarea").fill("Seller SKU to Amazon ASIN");
        page.locator("#lookup-table-key-label input").fill("sku");
        page.locator("#lookup-table-value-label input").fill("asin");
        screenshot("1-new-table");
        page.locator("#save-lookup-table").click();
        assertThat(page.getByText("Lookup table '" + name + "' created")).isVisible();
        assertThat(page.locator("#lookup-table-title")).hasText(name);

        page.locator("#add-entry").click();
        page.locator("#entry-key input").fill("SKU-1");
        page.locator("#entry-value input").fill("B000000001");
        page.locator("#save-entry").click();
        assertThat(entryRow("B000000001")).hasCount(1);
        waitUntilIdle();
        page.locator(".edit-entry:visible").first().click();
        assertThat(page.locator("#entry-key input")).hasValue("SKU-1");
        page.locator("#entry-value input").fill("B00000000A");
        page.locator("#save-entry").click();
        assertThat(entryRow("B00000000A")).hasCount(1);
        assertThat(entryRow("B000000001")).hasCount(0);
        screenshot("2-entry");

        Path merge = Files.writeString(Files.createTempFile("merge-", ".csv"),
                "sku,asin\r\nSKU-2,B000000002\r\nSKU-3,B000000003\r\n");
        importCsv(merge, "Merge");
        assertThat(page.getByText("2 entries merged into '" + name + "'")).isVisible();
        assertThat(page.locator("#lookup-entries vaadin-grid-cell-content:visible").filter(new Locator.FilterOptions()
                .setHasText(java.util.regex.Pattern.compile("^B00000000[A23]$")))).hasCount(3);

        Path wrong = Files.writeString(Files.createTempFile("wrong-", ".csv"),
                "sku,asin\r\nSKU-4,B000000004\r\nSKU-5,B000000005,extra\r\n");
        importCsv(wrong, "Replace");
        assertThat(page.locator("[data-notification=error]")).containsText("Not imported: line 3: expected 2 fields");
        assertThat(entryRow("B000000004")).hasCount(0);
        assertThat(entryRow("B000000002")).hasCount(1);
        screenshot("3-refused-import");

        Path replace = Files.writeString(Files.createTempFile("replace-", ".csv"),
                "sku,asin\r\nSKU-7,B000000007\r\nSKU-8,\"B0000,0008\"\r\n");
        importCsv(replace, "Replace");
        assertThat(page.getByText("2 entries loaded into '" + name + "'")).isVisible();
        assertThat(entryRow("B000000002")).hasCount(0);
        assertThat(entryRow("B0000,0008")).hasCount(1);
        assertThat(page.locator("#lookup-tables vaadin-grid-cell-content:visible").filter(new Locator.FilterOptions()
                .setHasText(name))).hasCount(1);

        page.locator("#entry-search input").fill("SKU-7");
        assertThat(entryRow("B000000007")).hasCount(1);
        assertThat(entryRow("B0000,0008")).hasCount(0);
        screenshot("4-search");
        page.locator("#entry-search input").fill("");

        Download csv = page.waitForDownload(() -> page.locator("#export-csv").click());
        org.assertj.core.api.Assertions.assertThat(csv.suggestedFilename()).isEqualTo(name + ".csv");
        org.assertj.core.api.Assertions.assertThat(Files.readString(csv.path()))
                .isEqualTo("sku,asin\r\nSKU-7,B000000007\r\nSKU-8,\"B0000,0008\"\r\n");

        // the whole table again (two rows) before removing its first entry
        assertThat(entryRow("B0000,0008")).hasCount(1);
        waitUntilIdle();
        page.locator(".remove-entry:visible").first().click();
        assertThat(page.getByText("Entry 'SKU-7' removed")).isVisible();
        assertThat(entryRow("B000000007")).hasCount(0);
    }
}
