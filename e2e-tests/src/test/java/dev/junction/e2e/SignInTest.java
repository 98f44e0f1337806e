package dev.junction.e2e;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class SignInTest extends BrowserTest {

    @Test
    void aWrongPasswordShowsAnErrorAndDoesNotSignIn() {
        signIn("admin", "not-the-password");

        assertThat(page.getByText("Wrong user name or password")).isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?error.*"));
        screenshot("wrong-password");
    }

    @Test
    void anUnknownVisitorIsSentToTheSignInPage() {
        page.navigate(url("/workflows"));

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        assertThat(page.getByText("Sign in to Junction")).isVisible();
    }
}
