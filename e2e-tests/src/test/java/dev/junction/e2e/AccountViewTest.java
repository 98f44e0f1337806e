package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A viewer in My account: creates an API token, reads it from the dialog that shows it once (and, once closed, the
 * page no longer holds it), uses it over HTTP, revokes it (the same call is then refused); changes their password
 * (a wrong current one is named on its field) and signs in with the new one.
 */
class AccountViewTest extends BrowserTest {

    private static final String OLD_PASSWORD = "first e2e secret pass";
    private static final String NEW_PASSWORD = "second e2e secret pass";

    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void aViewerCreatesUsesAndRevokesATokenAndChangesTheirPassword() throws Exception {
        String name = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        users.insert(name, "Vera Viewer", passwords.encode(OLD_PASSWORD), Set.of(Role.VIEWER));
        signIn(name, OLD_PASSWORD);
        page.locator("#navigation").getByText("My account").click();
        assertThat(page).hasURL(Pattern.compile(".*/account$"));
        assertThat(page.locator("#api-tokens")).containsText("You have no API tokens.");
        screenshot("1-account");

        page.locator("#new-token").click();
        page.locator("#token-name input").fill("nightly export");
        page.locator("#token-expiry").getByText("30 days").click();
        page.locator("#create-token").click();
        Locator shown = page.locator("#created-token input");
        assertThat(shown).hasValue(Pattern.compile("^jn_[A-Za-z0-9_-]{43}$"));
        String token = shown.inputValue();
        assertThat(page.locator("#created-token-warning")).containsText("it will not be shown again");
        assertThat(page.locator("#api-tokens")).containsText("jn_" + token.substring(3, 11) + "…");
        org.assertj.core.api.Assertions.assertThat(pageHolds(token)).as("the open dialog holds the token").isTrue();
        screenshot("2-token-shown-once");

        page.locator("#close-token").click();
        assertThat(page.locator("#close-token")).hasCount(0);
        waitUntilIdle();
        org.assertj.core.api.Assertions.assertThat(pageHolds(token)).as("the page after closing").isFalse();
        HttpResponse<String> used = workflowsWith(token);
        org.assertj.core.api.Assertions.assertThat(used.statusCode()).as(used.body()).isEqualTo(200);

        page.reload();
        Locator state = page.locator("[data-token='nightly export']");
        assertThat(state).hasAttribute("data-state", "active");
        assertThat(page.locator("#api-tokens")).not().containsText("never"); // expires in 30 days, used just now
        screenshot("3-token-used");

        page.getByLabel("Revoke token nightly export").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke").setExact(true)).click();
        assertThat(state).hasAttribute("data-state", "revoked");
        assertThat(page.getByLabel("Revoke token nightly export")).hasCount(0);
        HttpResponse<String> refused = workflowsWith(token);
        org.assertj.core.api.Assertions.assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        screenshot("4-token-revoked");

        page.locator("#account-current-password input").fill("not my password at all");
        page.locator("#account-new-password input").fill(NEW_PASSWORD);
        page.locator("#account-repeat-password input").fill(NEW_PASSWORD + "x");
        page.locator("#change-password").click();
        assertThat(page.locator("#account-repeat-password")).hasAttribute("invalid", "");
        assertThat(page.locator("#account-repeat-password")).containsText("Does not match the new password");
        page.locator("#account-repeat-password input").fill(NEW_PASSWORD);
        page.locator("#change-password").click();
        assertThat(page.locator("#account-current-password")).hasAttribute("invalid", "");
        assertThat(page.locator("#account-current-password")).containsText("is not your current password");
        assertThat(page.locator("#account-repeat-password")).not().hasAttribute("invalid", "");
        screenshot("5-wrong-current-password");

        page.locator("#account-current-password input").fill(OLD_PASSWORD);
        page.locator("#change-password").click();
        assertThat(page.getByText("Your password was changed")).isVisible();
        assertThat(page.locator("#account-current-password")).not().hasAttribute("invalid", "");
        screenshot("6-password-changed");

        page.locator("#logout").click();
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        signIn(name, NEW_PASSWORD);
        assertSignedInAs(name);
        screenshot("7-signed-in-with-new-password");
    }

    /**
     * Whether the page holds {@code token}: in its HTML, or as the value of any input (a field's value is a DOM
     * property, not an attribute, so the HTML alone would not show it).
     */
    private boolean pageHolds(String token) {
        Object inInputs = page.evaluate("t => [...document.querySelectorAll('input, textarea, vaadin-text-field')]"
                + ".some(field => field.value === t)", token);
        return page.content().contains(token) || Boolean.TRUE.equals(inInputs);
    }

    /** {@code GET /api/v1/workflows} with the token as bearer. */
    private HttpResponse<String> workflowsWith(String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/workflows")))
                        .header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
