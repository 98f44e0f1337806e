package dev.junction.engine.definition;

import java.util.Arrays;
import java.util.Optional;

/** The ways a run can start. */
public enum TriggerKind {
    MANUAL("manual", "Manual trigger"),
    WEBHOOK("webhook", "Webhook"),
    SCHEDULE("schedule", "Schedule"),
    POLLING("polling", "Polling");

    private final String jsonName;
    private final String label;

    TriggerKind(String jsonName, String label) {
        this.jsonName = jsonName;
        this.label = label;
    }

    /** The name in the definition's JSON form. */
    public String jsonName() {
        return jsonName;
    }

    /** How the designer names this trigger to a person. */
    public String label() {
        return label;
    }

    public static Optional<TriggerKind> fromJson(String name) {
        return Arrays.stream(values()).filter(kind -> kind.jsonName.equals(name)).findFirst();
    }
}
