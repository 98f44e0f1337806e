package dev.junction.ui.runs;

import dev.junction.db.runs.ShownPayload;
import dev.junction.engine.json.PayloadJson;
import dev.junction.ui.shared.Times;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;

/** How runs and steps show durations and payloads to a person (times: {@link Times}). */
public final class RunFormat {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RunFormat() {
    }

    /** How long from {@code start} to {@code end}; "" until both are known. */
    public static String duration(OffsetDateTime start, OffsetDateTime end) {
        if (start == null || end == null) {
            return "";
        }
        return duration(Duration.between(start, end));
    }

    static String duration(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.UK, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** A payload as indented JSON; a truncated one as the start of its JSON text, as stored. */
    public static String json(ShownPayload payload) {
        if (payload == null) {
            return "";
        }
        if (payload.truncated()) {
            return payload.value() instanceof String start ? start + " …" : PayloadJson.write(payload.value());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(payload.value());
    }

    /** "truncated, N bytes" for a payload shown in part, else "". */
    public static String truncation(ShownPayload payload) {
        return payload != null && payload.truncated()
                ? "truncated, " + String.format(Locale.UK, "%,d", payload.sizeBytes()) + " bytes" : "";
    }

    /** An error class and message as one line ("" when there is no error). */
    public static String error(String errorClass, String message) {
        if (errorClass == null && message == null) {
            return "";
        }
        if (errorClass == null) {
            return message;
        }
        return message == null ? errorClass : errorClass + ": " + message;
    }
}
