package dev.junction.e2e;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * WD-14: on a workflow's address the designer's route chunk (Vaadin loads a route's scripts through it) is asked for
 * while the server builds the view, not after the view's answer names it; other pages neither name nor load it.
 */
class DesignerScriptsEarlyTest extends DesignerBrowserTest {

    /**
     * From the page's Resource Timing: when the workflow route's chunk (Vaadin's {@code chunk-<hash>.js} that imports
     * the designer) was asked for (-1: never), when Vaadin's init request was answered (its client starts after it),
     * and when the view's first UIDL request was answered.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> routeChunkAndView() {
        return (Map<String, Object>) page.evaluate("""
                async () => {
                  const resources = performance.getEntriesByType('resource');
                  const init = resources.find((r) => r.name.includes('v-r=init'));
                  const uidl = resources.filter((r) => r.name.includes('v-r=uidl'))
                      .reduce((first, r) => (first && first.startTime <= r.startTime ? first : r), null);
                  let chunk = null;
                  for (const r of resources.filter((r) => r.name.split('/').pop().startsWith('chunk-'))) {
                    if ((await (await fetch(r.name)).text()).includes('workflow-designer')) chunk = r;
                  }
                  return { chunk: chunk ? chunk.name.split('/').pop() : '', chunkStart: chunk ? chunk.startTime : -1,
                           initAnswer: init ? init.responseEnd : -1, viewAnswer: uidl ? uidl.responseEnd : -1,
                           designerDefined: customElements.get('workflow-designer') !== undefined };
                }""");
    }

    @Test
    void theDesignersChunkIsAskedForBeforeTheViewIsAnswered() {
        openDesigner(newWorkflow("Early", FIXTURE));
        assertThat(page.locator("meta[name=junction-early-chunk]")).hasCount(1);
        screenshot("opened");

        Map<String, Object> timing = routeChunkAndView();
        assertThat((String) timing.get("chunk")).as("the route chunk was loaded").isNotEmpty();
        assertThat(timing.get("designerDefined")).isEqualTo(true);
        double chunkStart = ((Number) timing.get("chunkStart")).doubleValue();
        // asked for once Vaadin's client has started (not before: that would hold up its start and the view's
        // request), and before the view's answer came (without the early load, that answer is what names it)
        assertThat(((Number) timing.get("initAnswer")).doubleValue()).as(timing.toString()).isPositive();
        assertThat(chunkStart).as(timing.toString()).isGreaterThan(((Number) timing.get("initAnswer")).doubleValue())
                .isLessThan(((Number) timing.get("viewAnswer")).doubleValue());
    }

    @Test
    void otherPagesNeitherNameNorLoadTheDesigner() {
        page.setViewportSize(1600, 1000);
        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/"));
        waitUntilIdle();
        assertThat(page.locator("meta[name=junction-early-chunk]")).hasCount(0);
        Map<String, Object> timing = routeChunkAndView();
        assertThat((String) timing.get("chunk")).as(timing.toString()).isEmpty();
        assertThat(timing.get("designerDefined")).isEqualTo(false);
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
