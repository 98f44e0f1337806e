package dev.junction.ui.templates;

import java.util.Arrays;

/** The setup wizard's steps, in order; {@code key} is what the resumable draft stores as its step. */
enum WizardStep {
    CONNECTIONS("connections", "Connections"),
    PARAMETERS("parameters", "Parameters"),
    REVIEW("review", "Review mappings"),
    TEST("test", "Test run"),
    PUBLISH("publish", "Go live");

    final String key;
    final String title;

    WizardStep(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** The step a draft stored ({@code connections} when it names none this wizard knows). */
    static WizardStep of(String key) {
        return Arrays.stream(values()).filter(step -> step.key.equals(key)).findFirst().orElse(CONNECTIONS);
    }

    WizardStep next() {
        return values()[Math.min(ordinal() + 1, values().length - 1)];
    }

    WizardStep previous() {
        return values()[Math.max(ordinal() - 1, 0)];
    }
}
