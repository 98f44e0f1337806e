package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** What the designer's browser tests share: a small fixture, opening the designer, and reading its state attributes. */
abstract class DesignerBrowserTest extends BrowserTest {

    /** trigger -> toOrder -> tellOps; the notify node carries a secret-looking key a copy must leave out. */
    static final String FIXTURE = """
            {"schemaVersion": 1,
             "trigger": {"kind": "webhook", "config": {}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "toOrder", "type": "script", "name": "Payment to FBA order", "config": {"code": "return trigger;"},
                "position": {"x": 300, "y": 0}},
               {"id": "tellOps", "type": "notify", "name": "Tell ops",
                "config": {"channel": "log", "message": "order sent", "apiToken": "not-for-the-clipboard"},
                "position": {"x": 600, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "toOrder"},
                       {"from": "toOrder", "fromPort": "out", "to": "tellOps"}]}""";

    String newWorkflow(String name, String definition) {
        return workflowWithDefinition(name + " " + UUID.randomUUID().toString().substring(0, 8), definition);
    }

    /** Signs in as admin and opens the designer of workflow {@code id}, waiting until its graph is drawn. */
    void openDesigner(String id) {
        page.setViewportSize(1600, 1000);
        signIn("admin", ADMIN_PASSWORD);
        navigateToDesigner(id);
    }

    void navigateToDesigner(String id) {
        page.navigate(url("/workflows/" + id));
        // the page's first load builds the designer's states on the server: on a loaded machine, more than 5 s
        assertThat(page.locator("[data-testid=designer][data-ready=true]")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        assertThat(page.locator("[data-testid=canvas-ready]")).hasCount(1);
        if ("false".equals(designer().getAttribute("data-read-only"))) {
            page.locator("[data-testid=palette-item]").first().waitFor(); // the catalog is there: the layout is final
        }
        // the view fits the canvas while the panels arrive: wait until two animation frames show the same view
        page.waitForFunction("() => { const view = document.querySelector('[data-testid=designer] .react-flow__viewport');"
                + " const t = view && view.style.transform; const same = !!t && t === window.__wdView; window.__wdView = t; return same; }");
    }

    Locator designer() {
        return page.locator("[data-testid=designer]");
    }

    Locator node(String id) {
        return page.locator("[data-testid=canvas-node][data-node-id='" + id + "']");
    }

    Locator nodes() {
        return page.locator("[data-testid=canvas-node]");
    }

    Locator edge(String key) {
        return page.locator("[data-testid=edge][data-edge='" + key + "']");
    }

    Locator edges() {
        return page.locator("[data-testid=edge]");
    }

    /** The hash of the working copy's JSON (data-document), to compare documents without reading pixels. */
    String documentHash() {
        return designer().getAttribute("data-document");
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

    /** Moves the keyboard focus out of any field onto the canvas's background, so that canvas shortcuts apply. */
    void focusCanvas() {
        page.locator("[data-testid=designer] .react-flow__pane").click(new Locator.ClickOptions().setPosition(5, 5));
    }
}
