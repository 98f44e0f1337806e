package dev.junction.e2e;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the template browser tests: their pages (the designer, the wizard's test run on the simulators) take
 * longer than Playwright's default five seconds on a loaded machine, so their assertions wait up to 30 s (put back
 * for the next test class).
 */
abstract class TemplateBrowserTest extends BrowserTest {

    private static final double PATIENT_MILLIS = 30_000;
    private static final double DEFAULT_MILLIS = 5_000;

    @BeforeEach
    void bePatient() {
        PlaywrightAssertions.setDefaultAssertionTimeout(PATIENT_MILLIS);
    }

    @AfterEach
    void beDefault() {
        PlaywrightAssertions.setDefaultAssertionTimeout(DEFAULT_MILLIS);
    }
}
