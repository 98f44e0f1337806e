package dev.junction.ui.runs;

import dev.junction.db.runs.ReplayMode;

/** How the UI names the ways to replay a run. */
final class ReplayModes {

    private ReplayModes() {
    }

    static String label(ReplayMode mode) {
        return switch (mode) {
            case FAILED_STEP -> "From the failed step";
            case START -> "From the start";
            case LATEST_VERSION -> "On the latest published version";
        };
    }

    static String explanation(ReplayMode mode) {
        return switch (mode) {
            case FAILED_STEP -> "again from the step that failed, keeping the earlier steps' outputs";
            case START -> "again from the trigger, on the run's own version, with the same input";
            case LATEST_VERSION -> "again from the trigger, on the workflow's latest published version";
        };
    }
}
