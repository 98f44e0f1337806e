package dev.junction.backend.alerts;

import java.util.Map;

/**
 * One thing a condition found: {@code fingerprint} identifies it across evaluations (the same fingerprint is the
 * same alert, counted again, not a new one), {@code summary} is the sentence a notification leads with, {@code link}
 * the UI path that shows it (e.g. {@code runs/<id>} or {@code runs?workflow=…&status=dead_lettered}), and
 * {@code details} what message templates may use (run id, workflow name, observed value…).
 */
public record AlertFinding(String fingerprint, String summary, String link, Map<String, Object> details) {
}
