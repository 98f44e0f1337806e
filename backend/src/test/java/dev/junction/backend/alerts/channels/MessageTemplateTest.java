package dev.junction.backend.alerts.channels;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Templates (validation, rendering, the default), titles and the backoff between attempts. */
class MessageTemplateTest {

    private static AlertMessage message(String template) {
        return new AlertMessage("a1", "r1", "Orders failing", "critical", "firing", "firing", "Run 9 failed",
                "runs/9", 5, null, null, template, Map.of("runId", "9", "errorClass", "RateLimited"));
    }

    @Test
    void knownPlaceholdersAndDetailsPass() {
        assertThat(MessageTemplate.validate("{{ruleName}} {{ severity }} {{state}} {{summary}} {{occurrences}}"
                + " {{link}} {{details.runId}} {{details.error-class_2}}")).isEmpty();
        assertThat(MessageTemplate.validate(null)).isEmpty();
        assertThat(MessageTemplate.validate("  ")).isEmpty();
    }

    @Test
    void anUnknownPlaceholderIsNamedWithWhatToUseInstead() {
        assertThat(MessageTemplate.validate("Run {{runId}} failed")).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("has an unknown placeholder {{runId}}; use {{summary}}, {{link}}")
                .contains("{{details.<name>}}"));
        assertThat(MessageTemplate.validate("{{details.}}")).isPresent();
        assertThat(MessageTemplate.validate("{{ruleName}")).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("has a '{{' or '}}' that is not part of a placeholder"));
    }

    @Test
    void renderingFillsEveryPlaceholderAndLeavesAnAbsentDetailEmpty() {
        String text = MessageTemplate.render(message("{{severity}}: {{ruleName}} — {{summary}} x{{occurrences}}"
                + " ({{details.errorClass}}{{details.missing}}) {{link}}"), "https://j.example.test/runs/9");

        assertThat(text).isEqualTo("critical: Orders failing — Run 9 failed x5 (RateLimited)"
                + " https://j.example.test/runs/9");
    }

    @Test
    void withoutATemplateTheDefaultIsUsed() {
        assertThat(MessageTemplate.render(message(null), "https://j.example.test/runs/9")).isEqualTo(
                "Run 9 failed\nRule: Orders failing · severity critical · firing · occurrences 5\n"
                        + "https://j.example.test/runs/9");
    }

    @Test
    void titlesSayWhatHappened() {
        assertThat(NotificationDelivery.title(message(null))).isEqualTo("[CRITICAL] Orders failing: Run 9 failed");
        AlertMessage resolved = new AlertMessage("a1", "r1", "Orders failing", "critical", "resolved", "resolved",
                "Run 9 failed", null, 5, null, null, null, null);
        assertThat(NotificationDelivery.title(resolved)).isEqualTo("Resolved Orders failing: Run 9 failed");
    }

    @Test
    void backoffGrowsExponentiallyWithJitterUpToTheCapAndRetryAfterWins() {
        DispatchSettings settings = new DispatchSettings(true, null, null, null, 8, Duration.ofSeconds(10),
                Duration.ofMinutes(5));
        NotificationDelivery delivery = new NotificationDelivery(null, null, null, List.of(), null, settings, null);

        for (int i = 0; i < 50; i++) {
            assertThat(delivery.delay(1, null)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
            assertThat(delivery.delay(3, null)).isBetween(Duration.ofSeconds(32), Duration.ofSeconds(48));
            assertThat(delivery.delay(20, null)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));
        }
        assertThat(delivery.delay(1, Duration.ofSeconds(120))).isEqualTo(Duration.ofSeconds(120));
        assertThat(delivery.delay(1, Duration.ofHours(2))).isEqualTo(Duration.ofMinutes(5));
    }
}
