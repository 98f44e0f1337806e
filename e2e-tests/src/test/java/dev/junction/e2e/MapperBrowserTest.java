package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** What the mapping editor's browser tests share: a stored mapping fixture, opening the editor, its rows and lines. */
abstract class MapperBrowserTest extends BrowserTest {

    /** An Amazon order → Opayo transaction mapping with two rules (shipped schemas on both sides). */
    static final String ORDER_TO_OPAYO = """
            {"schemaVersion": 1,
             "source": {"schema": "sp-api/Order"},
             "target": {"schema": "opayo/TransactionRequest"},
             "rules": [
               {"target": "transactionType", "value": "Payment"},
               {"target": "vendorTxCode", "from": "AmazonOrderId"}]}""";

    /** Creates a stored mapping through the REST API (its version 1 is {@code definition}) and answers its id. */
    String newMapping(String name, String definition) {
        String body = createdThroughApi("/api/v1/mappings", "{\"name\": \"" + name + " "
                + UUID.randomUUID().toString().substring(0, 8) + "\", \"description\": \"from a test\","
                + " \"definition\": " + definition + "}");
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(body);
        org.assertj.core.api.Assertions.assertThat(id.find()).isTrue();
        return id.group(1);
    }

    /** Signs in as admin and opens mapping {@code id}'s editor, waiting until it is drawn. */
    void openMapper(String id) {
        page.setViewportSize(1600, 1000);
        signIn("admin", ADMIN_PASSWORD);
        navigateToMapper(id);
    }

    void navigateToMapper(String id) {
        page.navigate(url("/mappings/" + id));
        // a new browser context loads the whole bundle: on a busy machine that takes longer than the 5 s default
        assertThat(page.locator("[data-testid=mapping-editor][data-ready=true]")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
    }

    Locator editor() {
        return page.locator("[data-testid=mapping-editor]");
    }

    Locator sourceField(String path) {
        return page.locator("[data-testid=source-field][data-path='" + path + "']");
    }

    Locator targetField(String path) {
        return page.locator("[data-testid=target-field][data-path='" + path + "']");
    }

    Locator line(String target) {
        return page.locator("[data-testid=map-line][data-target='" + target + "']");
    }

    Locator lines() {
        return page.locator("[data-testid=map-line]");
    }

    /** Drags with the mouse from the centre of one element to the centre of another, in small steps. */
    void drag(Locator from, Locator to) {
        BoundingBox a = from.boundingBox();
        BoundingBox b = to.boundingBox();
        page.mouse().move(a.x + a.width / 2, a.y + a.height / 2);
        page.mouse().down();
        page.mouse().move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 5, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(3));
        page.mouse().move(b.x + b.width / 2, b.y + b.height / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(10));
        page.mouse().up();
    }

    /** Moves the keyboard's active row in a tree with the arrow keys until it is {@code path}. */
    void moveTo(String side, String path) {
        Locator active = page.locator("[data-testid=" + side + "-field][data-active=true]");
        for (int i = 0; i < 80; i++) {
            if (active.count() == 1 && path.equals(active.getAttribute("data-path"))) {
                return;
            }
            page.keyboard().press("ArrowDown");
        }
        assertThat(active).hasAttribute("data-path", path);
    }

    /**
     * Changes the text view's JSON: {@code containing} (a piece of it that occurs once) with {@code from} in it
     * replaced by {@code to}, pasted over the whole text as one line (as a person pasting an edited copy). Typing
     * with the selection keys (End, Shift+Home) raced CodeMirror's own focus handling and sometimes appended instead.
     */
    void retypeLine(String containing, String from, String to) {
        Locator content = page.locator("[data-testid=text-view] .cm-content");
        String text = String.join("\n", content.locator(".cm-line").allTextContents());
        int at = text.indexOf(containing);
        org.assertj.core.api.Assertions.assertThat(at).as("'" + containing + "' in the text view").isNotNegative();
        String changed = text.substring(0, at) + containing.replace(from, to) + text.substring(at + containing.length());
        content.fill(changed.replaceAll("\\s*\n\\s*", " "));
    }
}
