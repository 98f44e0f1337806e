package dev.junction.e2e;

import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Set;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.junction.e2e.MapperSamples.pasteSample;
import static dev.junction.e2e.MapperSamples.previewOutput;

/** The toolbar: an edit marks the mapping dirty and blocks publishing; Ctrl+S saves it with a comment; the saved
 * version publishes; undo and redo (buttons and keys) move through the history; a viewer sees no edit control. */
class MapperSaveTest extends MapperBrowserTest {

    /** The SP-API order's fields the rules read, and one more, as a pasted JSON Schema. */
    private static final String SOURCE_SCHEMA = """
            {"title": "Order (pasted)", "type": "object", "properties": {
              "AmazonOrderId": {"type": "string"},
              "OrderTotal": {"type": "object", "properties": {"CurrencyCode": {"type": "string"}, "Amount": {"type": "string"}}},
              "ShippingAddress": {"type": "object", "properties": {"Phone": {"type": "string"}}},
              "Channel": {"type": "string"}}}""";

    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void anEditIsSavedWithACommentPublishedAndUndoneAndRedone() {
        openMapper(newMapping("Save", MapperSamples.COMPLETE_ORDER_TO_OPAYO));
        pasteSample(page, MapperSamples.order("111-1111111-1111111", "19.99"));
        assertThat(previewOutput(page)).hasAttribute("data-state", "ok");
        assertThat(editor()).hasAttribute("data-dirty", "false");
        assertThat(page.locator("[data-testid=undo]")).isDisabled();
        screenshot("1-opened");

        Locator source = page.locator("[data-testid=schema-picker][data-side=source]");
        source.locator("[data-testid=schema-change]").click();
        page.locator("[data-testid=schema-way-paste]").click();
        page.locator("[data-testid=schema-paste]").fill(SOURCE_SCHEMA);
        page.locator("[data-testid=schema-paste-use]").click();
        assertThat(page.locator("[data-testid=schema-diff]")).hasAttribute("data-added", "1");
        assertThat(page.locator("[data-testid=schema-field-change][data-kind=added][data-path=Channel]")).hasCount(1);
        assertThat(page.locator("[data-testid=schema-field-change][data-kind=removed][data-path=BuyerInfo]")).hasCount(1);
        assertThat(page.locator("[data-testid=orphaned-rule]")).hasCount(0);
        screenshot("2-schema-diff");
        page.locator("[data-testid=schema-apply]").click();

        assertThat(source).hasAttribute("data-schema", "inline");
        assertThat(editor()).hasAttribute("data-dirty", "true");
        assertThat(page.locator("[data-testid=dirty-marker]")).containsText("Unsaved changes");
        assertThat(page.locator("[data-testid=publish]")).isDisabled();
        assertThat(page.locator("[data-testid=publish]")).hasAttribute("data-blocked", "unsaved changes");

        page.locator("[data-testid=mapping-name]").click();
        page.keyboard().press("Control+s");
        page.locator("[data-testid=save-comment]").fill("inline source schema");
        page.locator("[data-testid=save-confirm]").click();
        assertThat(page.locator("[data-testid=toolbar-message]")).containsText("Saved as version 2");
        assertThat(editor()).hasAttribute("data-dirty", "false");
        assertThat(page.locator("[data-testid=mapper-toolbar]")).hasAttribute("data-version", "2");
        screenshot("3-saved");

        page.locator("[data-testid=publish]").click();
        page.locator("[data-testid=publish-confirm]").click();
        assertThat(page.locator("[data-testid=toolbar-message]")).containsText("Version 2 is published");
        assertThat(page.locator("[data-testid=mapper-toolbar]")).hasAttribute("data-published-version", "2");
        assertThat(page.locator("[data-testid=dirty-marker]")).containsText("published");

        page.locator("[data-testid=undo]").click();
        assertThat(source).hasAttribute("data-schema", "sp-api/Order");
        assertThat(editor()).hasAttribute("data-dirty", "true");
        page.locator("[data-testid=mapping-name]").click();
        page.keyboard().press("Control+Shift+z");
        assertThat(source).hasAttribute("data-schema", "inline");
        assertThat(editor()).hasAttribute("data-dirty", "false");
        page.keyboard().press("Control+z");
        assertThat(source).hasAttribute("data-schema", "sp-api/Order");
        page.keyboard().press("Control+y");
        assertThat(source).hasAttribute("data-schema", "inline");
        screenshot("4-published-undo-redo");

        // in the sample editor Ctrl+Z is the editor's own undo, not the mapping's
        page.locator("[data-testid=sample-editor] .cm-content").click();
        page.keyboard().press("Control+z");
        assertThat(source).hasAttribute("data-schema", "inline");

        // the comment is kept with the version
        page.locator("[data-testid=bottom-tab-output]").click();
        page.locator("[data-testid=output-compare-tab]").click();
        assertThat(page.locator("[data-testid=compare-version] option[value='2']")).containsText("inline source schema");

        // the saved version is what a reload opens
        navigateToMapper(page.url().replaceAll("^.*/mappings/", "").replaceAll("[?#].*$", ""));
        assertThat(page.locator("[data-testid=schema-picker][data-side=source]")).hasAttribute("data-schema", "inline");
        assertThat(editor()).hasAttribute("data-dirty", "false");
    }

    @Test
    void publishingIsBlockedWhileRequiredTargetsAreUnmapped() {
        openMapper(newMapping("Save blocked", ORDER_TO_OPAYO)); // amount, currency and description unmapped
        assertThat(page.locator("[data-testid=publish]")).isDisabled();
        assertThat(page.locator("[data-testid=publish]")).hasAttribute("data-blocked", "3 errors");
        assertThat(page.locator("[data-testid=publish]")).containsText("3 errors");
        page.locator("[data-testid=bottom-tab-issues]").click();
        page.locator("[data-testid=issues-required-only]").check();
        assertThat(page.locator("[data-testid=issue][data-kind=unmapped-required]")).hasCount(3);
        assertThat(page.locator("[data-testid=issue]")).hasCount(3);
        screenshot("blocked");
    }

    @Test
    void aViewerPreviewsWithTheirOwnSampleButSeesNoEditControl() {
        String id = newMapping("Viewer", MapperSamples.COMPLETE_ORDER_TO_OPAYO);
        String name = "vera" + UUID.randomUUID().toString().substring(0, 6);
        users.insert(name, "Vera Viewer", passwords.encode("viewer-e2e-password"), Set.of(Role.VIEWER));
        page.setViewportSize(1600, 1000);
        signIn(name, "viewer-e2e-password");
        navigateToMapper(id);

        assertThat(editor()).hasAttribute("data-readonly", "true");
        assertThat(page.locator("[data-testid=read-only]")).isVisible();
        assertThat(page.locator("[data-testid=save]")).hasCount(0);
        assertThat(page.locator("[data-testid=publish]")).hasCount(0);
        assertThat(page.locator("[data-testid=undo]")).hasCount(0);
        assertThat(page.locator("[data-testid=schema-change]")).hasCount(0);

        pasteSample(page, MapperSamples.order("666-6666666-6666666", "3.00"));
        assertThat(page.locator("[data-testid=output-node][data-path=vendorTxCode]")).containsText("666-6666666-6666666");
        page.locator("[data-testid=mapping-name]").click();
        page.keyboard().press("Control+s");
        assertThat(page.locator("[data-testid=save-dialog]")).hasCount(0);
        screenshot("viewer");
    }
}
