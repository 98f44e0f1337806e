package dev.junction.e2e;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * WD-14: on a workflow's address the designer's scripts (its route chunk) are asked for while the server builds the
 * view, not after the view's answer names them; other pages do not load them.
 */
class DesignerScriptsEarlyTest extends DesignerBrowserTest {

    /**
     * The script that defines the {@code workflow-designer} element, when (in the page's Resource Timing) it was
     * asked for, and when the view's first UIDL request was sent and answered.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> designerScriptAndView() {
        return (Map<String, Object>) page.evaluate("""
                async () => {
                  const resources = performance.getEntriesByType('resource');
                  const uidl = resources.filter((r) => r.name.includes('v-r=uidl'))
                      .reduce((first, r) => (first && first.startTime <= r.startTime ? first : r), null);
                  let designer = null;
                  for (const r of resources.filter((r) => r.name.endsWith('.js'))) {
                    const text = await (await fetch(r.name)).text();
                    if (/customElements\\.define\\(\\s*[`'"]workflow-designer[`'"]/.test(text)) {
                      if (!designer || r.startTime < designer.startTime) designer = r;
                    }
                  }
                  return { script: designer ? designer.name.split('/').pop() : '',
                           scriptStart: designer ? designer.startTime : -1,
                           viewRequest: uidl ? uidl.startTime : -1, viewAnswer: uidl ? uidl.responseEnd : -1 };
                }""");
    }

    @Test
    void theDesignersScriptsAreAskedForBeforeTheViewIsAnswered() {
        openDesigner(newWorkflow("Early", FIXTURE));
        assertThat(page.locator("meta[name=junction-early-chunk]")).hasCount(1);
        screenshot("opened");

        Map<String, Object> timing = designerScriptAndView();
        assertThat((String) timing.get("script")).as("the designer's script was loaded").isNotEmpty();
        assertThat(((Number) timing.get("viewRequest")).doubleValue()).isPositive();
        // asked for once the client has sent the view's request (not before: that would hold up the client's start)
        assertThat(((Number) timing.get("scriptStart")).doubleValue()).as(timing.toString())
                .isLessThan(((Number) timing.get("viewAnswer")).doubleValue());
    }

    @Test
    void otherPagesNeitherNameNorLoadTheDesigner() {
        page.setViewportSize(1600, 1000);
        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/"));
        waitUntilIdle();
        assertThat(page.locator("meta[name=junction-early-chunk]")).hasCount(0);
        assertThat((String) designerScriptAndView().get("script")).isEmpty();
        screenshot("dashboard");
    }

    @Test
    void signedOutTheWorkflowsAddressNamesNothing() {
        page.navigate(url("/workflows/00000000-0000-0000-0000-000000000000"));
        page.locator("input[name=username]").waitFor();
        assertThat(page.locator("meta[name=junction-early-chunk]")).hasCount(0);
        screenshot("sign-in");
    }
}
