package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The setup wizard's "New connection…" at the connections step: the form says plainly which environment it creates
 * the connection in, starts on sandbox (the wizard's next steps test-run the workflow on it; the Connections view
 * starts there too), says what production would mean when chosen, and the connection it creates is of the
 * environment it said — and becomes the requirement's choice.
 */
class TemplateNewConnectionTest extends TemplateBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aConnectionMadeInTheWizardIsASandboxOneUnlessProductionIsChosenAndTheFormSaysWhich() {
        signIn("admin", ADMIN_PASSWORD);
        page.navigate(url("/templates/fba-opayo/setup"));
        Locator wizard = page.locator("[data-testid=template-wizard]");
        assertThat(wizard).hasAttribute("data-step", "connections");

        page.locator("[data-testid=requirement-new-connection][data-key=shop]").click();
        Locator mode = page.locator("[data-testid=new-connection-mode]");
        assertThat(mode).hasAttribute("data-environment", "sandbox");
        assertThat(mode).containsText("Creates a sandbox connection");
        Locator use = page.locator("#new-connection-use");
        assertThat(use).hasText("Use this sandbox connection");
        screenshot("new-connection-sandbox");

        // choosing production says what that means, on the form and the button
        page.locator("#new-connection-environment vaadin-radio-button").filter(new Locator.FilterOptions()
                .setHasText("Production")).locator("label").click();
        assertThat(mode).hasAttribute("data-environment", "production");
        assertThat(mode).containsText("Creates a production connection");
        assertThat(mode).containsText("live account");
        assertThat(use).hasText("Use this production connection");
        screenshot("new-connection-production");

        // back to sandbox, and create it
        page.locator("#new-connection-environment vaadin-radio-button").filter(new Locator.FilterOptions()
                .setHasText("Sandbox")).locator("label").click();
        assertThat(mode).hasAttribute("data-environment", "sandbox");
        String name = "Shop test " + UUID.randomUUID().toString().substring(0, 8);
        page.locator("#new-connection-name input").fill(name);
        page.locator("#new-connection-baseUrl input").fill("http://127.0.0.1:" + port + "/sandbox/shop");
        use.click();
        assertThat(page.locator("#new-connection-dialog")).hasCount(0);

        String id = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        JsonNode created = JSON.readTree(AdminReads.get(port, "/api/v1/connections/" + id));
        assertThat(created.get("environment").asString()).isEqualTo("sandbox");
        Locator shop = page.locator("[data-testid=requirement-connection][data-key=shop]");
        assertThat(shop).containsText(name + " (sandbox)");
        screenshot("new-connection-chosen");

        // the wizard keeps the choice in the admin's draft of this template, which the next visit resumes: the
        // draft is discarded, so that later journeys on the shared app start from the sandbox connections again
        String draftId = page.url().replaceAll(".*[?&]draft=([0-9a-f-]{36}).*", "$1");
        assertThat(draftId).as("the wizard's address names its draft: %s", page.url()).hasSize(36);
        assertThat(discard(draftId)).isEqualTo(204);
    }

    /** Deletes the admin's wizard draft through the REST API; answers the status. */
    private int discard(String draftId) {
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/templates/drafts/" + draftId))
                    .header("Authorization", "Basic " + basic).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
