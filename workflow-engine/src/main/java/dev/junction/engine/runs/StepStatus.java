package dev.junction.engine.runs;

import java.util.Locale;

/** How one attempt of a step ended (in-flight and due steps are tasks, shown as {@code running} / {@code queued}). */
public enum StepStatus {
    SUCCEEDED,
    /** Failed; {@link StepRecord#retryAt()} says whether and when it is tried again. */
    FAILED,
    /** Waits for a timer (delay), a subflow's run, or the items of a forEach. */
    WAITING;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StepStatus fromJson(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
