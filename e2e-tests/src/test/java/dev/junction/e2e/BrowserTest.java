package dev.junction.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.junction.ui.JunctionApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Base of the browser tests: one running Junction (Spring's test context cache shares it between all test
 * classes, since they all use this configuration), and a fresh browser context per test. The browser is Debian's
 * chromium when installed, else Playwright's own.
 */
@SpringBootTest(classes = JunctionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"junction.db.embedded.fresh=true", "junction.admin.password=" + BrowserTest.ADMIN_PASSWORD,
                "junction.vault.master-key=ZTJlLW1hc3Rlci1rZXktb2YtanVuY3Rpb24tdGVzdHM=",
                // the sandbox's Opayo simulator posts its signed notifications to this app's webhook on loopback
                "junction.outbound.allow=127.0.0.1,::1"})
abstract class BrowserTest {

    static final String ADMIN_PASSWORD = "e2e-admin-password";
    /**
     * An SMTP server on loopback (GreenMail) that the running Junction sends its e-mails to
     * ({@code junction.smtp.*}); tests read what arrived. Shared like the app: started once, never stopped.
     */
    static final GreenMail SMTP = startSmtp();
    private static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    private static Playwright playwright;
    private static Browser browser;

    /** Keeps a screenshot of the page as it was when a test failed (taken before the page is closed). */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = extension -> {
        if (extension.getExecutionException().isPresent() && this.page != null) {
            screenshot("FAILED");
        }
    };

    @LocalServerPort
    int port;
    BrowserContext context;
    Page page;
    private String testName;

    private static GreenMail startSmtp() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        return smtp;
    }

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry properties) {
        properties.add("junction.smtp.host", () -> "127.0.0.1");
        properties.add("junction.smtp.port", () -> SMTP.getSmtp().getPort());
        properties.add("junction.smtp.from", () -> "junction@e2e.test");
        properties.add("junction.smtp.starttls", () -> "false");
    }

    @BeforeAll
    static void launchBrowser() {
        boolean systemChromium = Files.isExecutable(SYSTEM_CHROMIUM);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(
                systemChromium ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1") : Map.of()));
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        // a page the machine thinks hidden gets no animation frames: Vaadin's notifications open
                        // on one, and were never shown while a test only waited for them (CI, loaded machine)
                        "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
                        "--disable-backgrounding-occluded-windows"));
        if (systemChromium) {
            options.setExecutablePath(SYSTEM_CHROMIUM);
        }
        browser = playwright.chromium().launch(options);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
        playwright.close();
    }

    @BeforeEach
    void openPage(TestInfo test) {
        testName = test.getTestClass().orElseThrow().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-GB"));
        context.setDefaultTimeout(20_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn(String user, String password) {
        page.navigate(url("/login"));
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        waitUntilIdle();
    }

    /** Waits until Vaadin has no request in flight, so that what the page shows is settled. */
    void waitUntilIdle() {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    /** Saves a screenshot of the settled page under e2e-tests/target/screenshots. */
    void screenshot(String step) {
        if (!"FAILED".equals(step)) {
            waitUntilIdle();
        }
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(testName + "-" + step + ".png"))
                .setFullPage(true));
    }

    /** Calls the REST API as admin over real HTTP and answers the body of a 201 Created. */
    String createdThroughApi(String path, String json) {
        return postThroughApi(path, json, 201);
    }

    /** POSTs {@code json} to the REST API as admin over real HTTP, expects {@code status} and answers the body. */
    String postThroughApi(String path, String json, int status) {
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a workflow through the REST API, with {@code definition} as its version 2, and answers its id. */
    String workflowWithDefinition(String name, String definition) {
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"")
                .matcher(createdThroughApi("/api/v1/workflows", "{\"name\": \"" + name + "\"}"));
        org.assertj.core.api.Assertions.assertThat(id.find()).isTrue();
        createdThroughApi("/api/v1/workflows/" + id.group(1) + "/versions",
                "{\"baseVersion\": 1, \"comment\": \"from a test\", \"definition\": " + definition + "}");
        return id.group(1);
    }

    void assertSignedInAs(String user) {
        assertThat(page.locator(".current-user")).hasText(user);
    }
}
