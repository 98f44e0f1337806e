package dev.junction.db.runs;

/**
 * A payload as people see it: whole when it is small; otherwise the start of its JSON text, with its full size
 * ({@code truncated}).
 */
public record ShownPayload(Object value, boolean truncated, int sizeBytes) {

    /** How much of a large payload's JSON text is shown. */
    public static final int PREVIEW_CHARACTERS = 4_000;
}
