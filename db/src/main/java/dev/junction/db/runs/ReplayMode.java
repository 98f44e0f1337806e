package dev.junction.db.runs;

import java.util.Arrays;
import java.util.Optional;

/** Where a replay of a dead-lettered or failed run starts. */
public enum ReplayMode {
    /**
     * Again from the step that failed, reusing every earlier step's output (a failure inside a forEach body replays
     * the whole forEach).
     */
    FAILED_STEP,
    /** Again from the trigger, on the run's own version, with its input; earlier outputs are set aside. */
    START,
    /** Again from the trigger, on the workflow's latest published version. */
    LATEST_VERSION;

    public String jsonName() {
        return switch (this) {
            case FAILED_STEP -> "failedStep";
            case START -> "start";
            case LATEST_VERSION -> "latestVersion";
        };
    }

    public static Optional<ReplayMode> fromJson(String name) {
        return Arrays.stream(values()).filter(mode -> mode.jsonName().equals(name)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(ReplayMode::jsonName).toList());
    }

}
