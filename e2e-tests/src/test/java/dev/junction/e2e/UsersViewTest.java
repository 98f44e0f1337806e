package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An admin creates a designer in the Users view (the password policy's and the e-mail address's field errors shown
 * first); the designer has no Users menu, and sees their e-mail address under My account.
 */
class UsersViewTest extends BrowserTest {

    @Test
    void anAdminCreatesADesignerWhoSignsInWithoutTheUsersMenu() {
        String name = "desi-" + UUID.randomUUID().toString().substring(0, 8);
        signIn("admin", ADMIN_PASSWORD);
        page.locator("#navigation").getByText("Users").click();
        assertThat(page).hasURL(Pattern.compile(".*/users$"));

        page.locator("#new-user").click();
        page.locator("#user-username input").fill(name);
        page.locator("#user-display-name input").fill("Desi Designer");
        page.locator("#user-roles").getByText("DESIGNER").click();
        page.locator("#user-email input").fill("desi at shop");
        page.locator("#user-password input").fill("too-short");
        page.locator("#save-user").click();
        assertThat(page.locator("#user-password")).hasAttribute("invalid", "");
        assertThat(page.locator("#user-password")).containsText("at least 12 characters");
        assertThat(page.locator("#user-email")).hasAttribute("invalid", "");
        assertThat(page.locator("#user-email")).containsText("name@example.com");
        screenshot("1-policy");
        page.locator("#user-email input").fill(name + "@shop.test");
        page.locator("#user-password input").fill("designer e2e password");
        page.locator("#save-user").click();

        Locator row = page.locator("#users vaadin-grid-cell-content:visible").filter(
                new Locator.FilterOptions().setHasText(Pattern.compile("^" + name + "$")));
        assertThat(row).hasCount(1);
        assertThat(page.locator("#users vaadin-grid-cell-content:visible").filter(
                new Locator.FilterOptions().setHasText("Desi Designer"))).hasCount(1);
        assertThat(page.locator("#users vaadin-grid-cell-content:visible").filter(
                new Locator.FilterOptions().setHasText(name + "@shop.test"))).hasCount(1);
        assertThat(page.locator("vaadin-dialog-overlay[closing], vaadin-dialog[closing]")).hasCount(0); // faded out
        screenshot("2-created");

        page.locator("#logout").click();
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        signIn(name, "designer e2e password");
        assertSignedInAs(name);
        assertThat(page.locator("#navigation").getByText("Workflows")).isVisible();
        assertThat(page.locator("#navigation").getByText("Users")).hasCount(0);
        page.navigate(url("/users"));
        assertThat(page.locator("#users")).hasCount(0);
        screenshot("3-designer");
        // the designer sees their own address under My account
        page.navigate(url("/account"));
        assertThat(page.locator("#account-email")).hasAttribute("data-email", name + "@shop.test");
        screenshot("4-own-address");
    }
}
