package dev.junction.ui.runs;

import java.util.Locale;
import java.util.Map;

/**
 * A run's (or a step's) status as people read it — "Dead-lettered", not {@code dead_lettered} — and the tone it is
 * coloured with everywhere (the runs list's badges, the dashboard's charts): succeeded green, failed and
 * dead-lettered red, waiting amber, cancelled grey. URLs, the API and {@code data-status} keep the json names.
 */
public final class RunStatusNames {

    private static final Map<String, String> LABELS = Map.of("queued", "Queued", "running", "Running",
            "waiting", "Waiting", "succeeded", "Succeeded", "failed", "Failed", "dead_lettered", "Dead-lettered",
            "cancelled", "Cancelled", "skipped", "Skipped", "retrying", "Retrying");
    private static final Map<String, String> TONES = Map.of("succeeded", "success", "failed", "error",
            "dead_lettered", "error", "waiting", "warning", "retrying", "warning", "cancelled", "contrast");

    private RunStatusNames() {
    }

    /** "Dead-lettered" for {@code dead_lettered} (any case); an unknown status capitalised, underscores as spaces. */
    public static String label(String status) {
        if (status == null || status.isBlank()) {
            return "";
        }
        String json = status.strip().toLowerCase(Locale.ROOT);
        String known = LABELS.get(json);
        if (known != null) {
            return known;
        }
        String words = json.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** {@code success}, {@code error}, {@code warning}, {@code contrast} or {@code neutral} (queued, running, unknown). */
    public static String tone(String status) {
        return status == null ? "neutral" : TONES.getOrDefault(status.strip().toLowerCase(Locale.ROOT), "neutral");
    }
}
