package dev.junction.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The audit log in the browser: an admin's change is found by its kind, and downloads as CSV; the UI's pages carry
 * the security headers, the whole journey runs under that Content-Security-Policy without a violation, and the
 * session cookie is HttpOnly, SameSite=Lax and replaced at sign-in.
 */
class AuditLogViewTest extends BrowserTest {

    @Test
    void anAdminFindsTheirChangeByKindUnderAStrictPolicy() throws IOException {
        List<String> violations = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                violations.add(message.text());
            }
        });
        Response login = page.navigate(url("/login"));
        assertSecurityHeaders(login);
        String before = sessionCookie(context).value;
        signIn("admin", ADMIN_PASSWORD);
        Cookie session = sessionCookie(context);
        org.assertj.core.api.Assertions.assertThat(session.value).as("a new session id at sign-in").isNotEqualTo(before);
        org.assertj.core.api.Assertions.assertThat(session.httpOnly).isTrue();
        org.assertj.core.api.Assertions.assertThat(session.sameSite).isEqualTo(SameSiteAttribute.LAX);

        String name = "Audited " + UUID.randomUUID().toString().substring(0, 8);
        createdThroughApi("/api/v1/workflows", "{\"name\": \"" + name + "\"}");

        Response audit = page.navigate(url("/audit"));
        assertSecurityHeaders(audit);
        waitUntilIdle();
        assertThat(visibleCell(name)).hasCount(1);
        Locator kind = page.locator("#audit-kind input");
        kind.fill("run.");
        kind.press("Enter");
        waitUntilIdle();
        assertThat(visibleCell(name)).hasCount(0);
        kind.fill("workflow.");
        kind.press("Enter");
        waitUntilIdle();
        assertThat(visibleCell(name)).hasCount(1);
        assertThat(visibleCell("workflow.created")).not().hasCount(0);
        assertThat(visibleCell("connection.created")).hasCount(0); // the sandbox connections of a fresh install
        screenshot("1-filtered-by-kind");

        Download csv = page.waitForDownload(() -> page.locator("#export-csv").click());
        String exported = Files.readString(csv.path());
        org.assertj.core.api.Assertions.assertThat(exported)
                .startsWith("id,occurred_at,actor,action,entity_type,entity_id,details\r\n")
                .contains(",admin,workflow.created,workflow,").contains(name).doesNotContain("run.started");
        org.assertj.core.api.Assertions.assertThat(csv.suggestedFilename()).matches("junction-audit-.*\\.csv");
        org.assertj.core.api.Assertions.assertThat(violations).as("CSP violations in the console").isEmpty();
    }

    /** allHeaders(): headers() leaves out security-related headers. */
    private static void assertSecurityHeaders(Response response) {
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(response.allHeaders().get("content-security-policy"))
                .contains("frame-ancestors 'none'").contains("default-src 'self'")
                .contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'").contains("object-src 'none'");
        org.assertj.core.api.Assertions.assertThat(response.allHeaders().get("x-frame-options")).isEqualTo("DENY");
        org.assertj.core.api.Assertions.assertThat(response.allHeaders().get("x-content-type-options"))
                .isEqualTo("nosniff");
        org.assertj.core.api.Assertions.assertThat(response.allHeaders().get("referrer-policy"))
                .isEqualTo("strict-origin-when-cross-origin");
    }

    /** Cells of rows the grid shows (it keeps the cells of rows it hides in the page). */
    private Locator visibleCell(String text) {
        return page.locator("#audit-entries vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(text).setVisible(true));
    }

    private static Cookie sessionCookie(BrowserContext context) {
        return context.cookies().stream().filter(cookie -> cookie.name.equals("JSESSIONID")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + context.cookies()));
    }
}
