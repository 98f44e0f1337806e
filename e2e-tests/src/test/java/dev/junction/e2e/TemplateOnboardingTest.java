package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TPL-7 in the browser: a new user on an installation without workflows sees the empty state offering "Start from a
 * template" and "Import", follows it, and has the Amazon-orders-to-Dynamics template running live on the sandbox — installed,
 * test run succeeded, published with its alert rule — in fewer than 10 clicks (counted).
 */
class TemplateOnboardingTest extends TemplateBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;

    private int clicks;

    private void click(Locator target) {
        clicks++;
        target.click();
    }

    @Test
    void fromTheEmptyWorkflowListToALiveWorkflowInFewerThanTenClicks() {
        removeEveryWorkflow();
        String user = "olga-" + UUID.randomUUID().toString().substring(0, 6);
        users.insert(user, "Olga Onboarding", passwords.encode("olga-e2e-password"), Set.of(Role.ADMIN));
        signIn(user, "olga-e2e-password");
        // the dashboard of an installation without workflows says where to start
        page.navigate(url("/dashboard"));
        assertThat(page.locator("[data-testid=empty-state-templates]")).isVisible();
        assertThat(page.locator("[data-testid=empty-state-templates] [data-testid=start-from-template]"))
                .hasAttribute("href", "templates");
        screenshot("empty-dashboard");
        page.navigate(url("/workflows"));
        Locator empty = page.locator("[data-testid=empty-state-templates]");
        assertThat(empty).isVisible();
        assertThat(empty.getByText("Start from a template")).isVisible();
        assertThat(empty.getByText("Import…")).isVisible();
        screenshot("empty");

        click(page.locator("[data-testid=start-from-template]"));
        click(page.locator("[data-testid=template-card][data-id=" + TemplateGalleryTest.TEMPLATE + "] .template-use"));
        assertThat(page.locator("[data-testid=template-wizard]")).hasAttribute("data-step", "connections");
        click(page.locator("#wizard-next"));
        assertThat(page.locator("[data-testid=template-wizard]")).hasAttribute("data-step", "parameters");
        click(page.locator("#wizard-next"));
        assertThat(page.locator("[data-testid=template-wizard]")).hasAttribute("data-step", "review");
        click(page.locator("#wizard-next"));
        assertThat(page.locator("[data-testid=template-wizard]")).hasAttribute("data-step", "test");
        click(page.locator("#wizard-run-test"));
        assertThat(page.locator("[data-testid=wizard-test-run]")).hasAttribute("data-status", "succeeded",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        click(page.locator("#wizard-next"));
        assertThat(page.locator("[data-testid=template-wizard]")).hasAttribute("data-step", "publish");
        click(page.locator("#wizard-publish"));

        Locator status = page.locator("[data-testid=workflow-status]").first();
        assertThat(status).hasAttribute("data-status", "active");
        assertThat(status).hasAttribute("data-alert-rule", "true");
        screenshot("live");
        assertThat(clicks).as("clicks from the empty state to a live workflow").isLessThan(10);
    }

    /** Deletes (or archives, when it has runs) every workflow, so that the list starts empty. */
    private void removeEveryWorkflow() {
        for (int round = 0; round < 50; round++) {
            JsonNode items = JSON.readTree(AdminReads.get(port, "/api/v1/workflows?limit=200")).get("items");
            if (items.isEmpty()) {
                return;
            }
            items.forEach(workflow -> delete(workflow.get("id").asString()));
        }
        assertThat(JSON.readTree(AdminReads.get(port, "/api/v1/workflows?limit=200")).get("items")).isEmpty();
    }

    private void delete(String workflowId) {
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(url("/api/v1/workflows/" + workflowId)))
                    .header("Authorization", "Basic " + basic).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isIn(200, 204);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
