package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TPL-4 in the browser: a workflow installed from template version 1 and changed locally (one field) is offered the
 * template's version 2 (one other field changed upstream) by a banner on its page; the dialog says
 * "1 upstream change, 1 local change, 0 conflicts"; applied, the workflow's new version has version 2's change and
 * keeps the local one.
 */
class TemplateUpdateTest extends TemplateBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String template(String id, int version, String tag) {
        return """
                {"id": "%s", "version": %d, "name": "Upgrade test %s", "description": "A template to upgrade.",
                 "connectors": [], "requirements": [],
                 "parameters": [{"key": "greeting", "label": "Greeting", "type": "string", "defaultValue": "Hello",
                                 "description": "How runs greet", "required": false}],
                 "definition": {"schemaVersion": 1,
                   "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}},
                   "nodes": [
                     {"id": "greet", "type": "script", "name": "Greet", "position": {"x": 0, "y": 120},
                      "config": {"code": "return {greeting: '${parameter.greeting}'};"}},
                     {"id": "tag", "type": "script", "name": "Tag", "position": {"x": 0, "y": 240},
                      "config": {"code": "return {tag: '%s'};"}}],
                   "edges": [{"from": "trigger", "fromPort": "out", "to": "greet"},
                             {"from": "greet", "fromPort": "out", "to": "tag"}]},
                 "sampleInput": {"n": 1}}""".formatted(id, version, id, tag);
    }

    @Test
    void aNewTemplateVersionIsMergedKeepingTheLocalChange() {
        String templateId = "e2e-upgrade-" + UUID.randomUUID().toString().substring(0, 8);
        createdThroughApi("/api/v1/templates", template(templateId, 1, "first"));
        String workflowId = JSON.readTree(createdThroughApi("/api/v1/templates/" + templateId + "/install",
                "{\"parameters\": {\"greeting\": \"Hello\"}}")).get("workflowId").asString();

        // the local change: the greeting of the installed workflow
        JsonNode installed = JSON.readTree(AdminReads.get(port, "/api/v1/workflows/" + workflowId + "/versions/1"))
                .get("definition");
        String local = installed.toString().replace("greeting: 'Hello'", "greeting: 'Good morning'");
        assertThat(local).isNotEqualTo(installed.toString());
        createdThroughApi("/api/v1/workflows/" + workflowId + "/versions",
                "{\"baseVersion\": 1, \"comment\": \"local greeting\", \"definition\": " + local + "}");
        // the upstream change: version 2 of the template tags differently
        createdThroughApi("/api/v1/templates", template(templateId, 2, "second"));

        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/workflows/" + workflowId));
        assertThat(page.locator("[data-testid=template-update]")).isVisible();
        assertThat(page.locator("[data-testid=template-update]")).hasAttribute("data-version", "2");
        screenshot("banner");
        page.locator("[data-testid=template-update-review]").click();
        assertThat(page.locator("[data-testid=template-update-summary]"))
                .hasText("1 upstream change, 1 local change, 0 conflicts");
        screenshot("dialog");
        page.locator("[data-testid=template-update-apply]").click();
        waitUntilIdle();
        assertThat(page.locator("[data-testid=template-update]")).hasCount(0);

        JsonNode merged = JSON.readTree(AdminReads.get(port, "/api/v1/workflows/" + workflowId + "/versions/3"))
                .get("definition");
        assertThat(merged.toString()).contains("tag: 'second'").contains("greeting: 'Good morning'");
        assertThat(JSON.readTree(AdminReads.get(port, "/api/v1/workflows/" + workflowId + "/template"))
                .get("templateVersion").asInt()).isEqualTo(2);
        screenshot("applied");
    }

    @Test
    void eachConflictIsChosenMineOrTheirsInTheDialog() {
        String templateId = "e2e-choose-" + UUID.randomUUID().toString().substring(0, 8);
        createdThroughApi("/api/v1/templates", template(templateId, 1, "first"));
        String workflowId = JSON.readTree(createdThroughApi("/api/v1/templates/" + templateId + "/install",
                "{\"parameters\": {\"greeting\": \"Hello\"}}")).get("workflowId").asString();
        // local changes of both steps' code, and a template version changing both: two conflicts
        JsonNode installed = JSON.readTree(AdminReads.get(port, "/api/v1/workflows/" + workflowId + "/versions/1"))
                .get("definition");
        String local = installed.toString().replace("greeting: 'Hello'", "greeting: 'Good morning'")
                .replace("tag: 'first'", "tag: 'mine'");
        createdThroughApi("/api/v1/workflows/" + workflowId + "/versions",
                "{\"baseVersion\": 1, \"comment\": \"local changes\", \"definition\": " + local + "}");
        createdThroughApi("/api/v1/templates", template(templateId, 2, "second")
                .replace("greeting: '${parameter.greeting}'", "greeting: '${parameter.greeting}, friend'"));

        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/workflows/" + workflowId));
        page.locator("[data-testid=template-update-review]").click();
        assertThat(page.locator("[data-testid=template-update-summary]"))
                .hasText("2 upstream changes, 2 local changes, 2 conflicts");
        Locator greet = page.locator("[data-testid=template-update-conflict][data-key='nodes/greet/config/code']");
        Locator tag = page.locator("[data-testid=template-update-conflict][data-key='nodes/tag/config/code']");
        assertThat(greet).hasAttribute("data-choice", "mine");
        assertThat(tag).hasAttribute("data-choice", "mine");
        // theirs for the greeting (by its accessible name), mine for the tag
        greet.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(
                java.util.regex.Pattern.compile("^Take theirs"))).check();
        assertThat(greet).hasAttribute("data-choice", "theirs");
        screenshot("choices");
        page.locator("[data-testid=template-update-apply]").click();
        waitUntilIdle();
        assertThat(page.locator("[data-testid=template-update]")).hasCount(0);

        JsonNode merged = JSON.readTree(AdminReads.get(port, "/api/v1/workflows/" + workflowId + "/versions/3"))
                .get("definition");
        assertThat(merged.toString()).contains("greeting: 'Hello, friend'").contains("tag: 'mine'");
        screenshot("chosen");
    }
}
