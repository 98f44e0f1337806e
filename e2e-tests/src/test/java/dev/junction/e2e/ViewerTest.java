package dev.junction.e2e;

import dev.junction.db.users.Role;
import dev.junction.db.users.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Set;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A VIEWER sees the workflows but none of the buttons that would change them. */
class ViewerTest extends BrowserTest {

    private static final String PASSWORD = "viewer-e2e-password";

    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void aViewerSeesTheListWithoutCreateEditOrDeleteButtons() {
        users.insert("victor", "Victor Viewer", passwords.encode(PASSWORD), Set.of(Role.VIEWER));

        signIn("victor", PASSWORD);

        assertSignedInAs("victor");
        assertThat(page.locator("#workflows")).isVisible();
        assertThat(page.locator("#new-workflow")).hasCount(0);
        assertThat(page.locator("#import-workflow")).hasCount(0);
        assertThat(page.locator(".edit-workflow")).hasCount(0);
        assertThat(page.locator(".delete-workflow")).hasCount(0);
        screenshot("viewer-list");
    }

    @Test
    void aViewerIsToldThatUsersIsNotForTheirRole() {
        users.insert("vic", "Vic Viewer", passwords.encode(PASSWORD), Set.of(Role.VIEWER));
        signIn("vic", PASSWORD);

        page.navigate(url("/users"));
        waitUntilIdle();
        assertThat(page.locator("[data-error=not-allowed]")).isVisible();
        assertThat(page.getByText("Signed in as vic (VIEWER), you may not open 'users'")).isVisible();
        assertThat(page.locator("#navigation")).containsText("Workflows");
        assertThat(page.locator("#users")).hasCount(0);
        screenshot("viewer-not-allowed");

        page.locator("#error-back").click();
        assertThat(page.locator("#workflows")).isVisible();
    }
}
