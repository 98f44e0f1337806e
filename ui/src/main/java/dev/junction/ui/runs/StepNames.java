package dev.junction.ui.runs;

import dev.junction.db.runs.StepView;

/** How a step is named in lists: its node, and the forEach and item it ran for. */
final class StepNames {

    private StepNames() {
    }

    static String of(StepView step) {
        if (step.forEachId() == null) {
            return step.nodeId();
        }
        return step.nodeId() + " (" + step.forEachId() + (step.itemIndex() == null ? "" : " #" + step.itemIndex())
                + ")";
    }

    /** What identifies a step across refreshes of its run (pending tasks have no id yet). */
    static String key(StepView step) {
        return step.id() != null ? "id:" + step.id()
                : step.nodeId() + "/" + step.forEachId() + "/" + step.itemIndex() + "/" + step.attempt();
    }
}
