package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** MP-10: auto-map proposes rules with a confidence and reasons; accept, reject and accept-above are undoable edits. */
class MapperAutoMapTest extends MapperBrowserTest {

    static final String NO_RULES = """
            {"schemaVersion": 1,
             "source": {"schema": "sp-api/Order"},
             "target": {"schema": "opayo/TransactionRequest"},
             "rules": []}""";

    Locator suggestions() {
        return page.locator("[data-testid=suggestion]");
    }

    Locator suggestion(String target) {
        return page.locator("[data-testid=suggestion][data-target='" + target + "']");
    }

    Locator text() {
        return page.locator("[data-testid=text-view] .cm-content");
    }

    @Test
    void suggestionsAreAcceptedRejectedAndBroughtBackByUndo() {
        openMapper(newMapping("Auto-map", NO_RULES));
        page.locator("[data-testid=auto-map]").click();
        assertThat(suggestions().first()).isVisible();
        int offered = suggestions().count();
        assertThat(offered).as("suggestions for an Amazon order → Opayo transaction").isGreaterThanOrEqualTo(5);
        Locator first = suggestions().first();
        assertThat(first.getAttribute("data-confidence")).matches("0\\.\\d\\d|1\\.00");
        assertThat(first.locator("[data-testid=suggestion-reasons] li").first()).isVisible();
        page.waitForFunction("() => document.querySelectorAll('[data-testid=map-line][data-suggested=true]').length >= 5");
        screenshot("1-suggestions");

        // accept the best one: it becomes a rule and leaves the pending list
        String accepted = first.getAttribute("data-target");
        first.locator("[data-testid=accept-suggestion]").click();
        assertThat(suggestion(accepted)).hasCount(0);
        assertThat(suggestions()).hasCount(offered - 1);
        assertThat(line(accepted)).hasAttribute("data-suggested", "false");
        assertThat(editor()).hasAttribute("data-dirty", "true");

        // reject the next one: gone; Ctrl+Z brings it back (and nothing else changes)
        String rejected = suggestions().first().getAttribute("data-target");
        suggestions().first().locator("[data-testid=reject-suggestion]").click();
        assertThat(suggestion(rejected)).hasCount(0);
        assertThat(suggestions()).hasCount(offered - 2);
        assertThat(line(rejected)).hasCount(0);
        screenshot("2-accepted-and-rejected");
        page.keyboard().press("Control+z");
        assertThat(suggestion(rejected)).hasCount(1);
        assertThat(line(rejected)).hasAttribute("data-suggested", "true");
        assertThat(suggestions()).hasCount(offered - 1);
        assertThat(suggestion(accepted)).hasCount(0);
        screenshot("3-rejection-undone");

        // the accepted suggestion is a rule of the working copy; the pending ones are not
        page.keyboard().press("Escape");
        assertThat(page.locator("[data-testid=suggestions]")).hasCount(0);
        page.locator("[data-testid=bottom-tab-text]").click();
        assertThat(text()).containsText("\"target\": \"" + accepted + "\"");
        assertThat(text()).not().containsText("\"target\": \"" + rejected + "\"");

        // accept all at or above 0 %: every pending suggestion becomes a rule in one step, and one undo takes them back
        page.locator("[data-testid=show-suggestions]").click();
        page.locator("[data-testid=accept-threshold]").fill("0");
        page.locator("[data-testid=accept-above]").click();
        assertThat(suggestions()).hasCount(0);
        assertThat(text()).containsText("\"target\": \"" + rejected + "\"");
        screenshot("4-all-accepted");
        page.locator("[data-testid=undo]").click();
        assertThat(suggestions()).hasCount(offered - 1);
        assertThat(text()).not().containsText("\"target\": \"" + rejected + "\"");
        assertThat(text()).containsText("\"target\": \"" + accepted + "\"");
    }
}
