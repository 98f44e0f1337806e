package dev.junction.engine.definition;

/** The ways a run can start. */
public enum TriggerKind {
    MANUAL("Manual trigger"),
    WEBHOOK("Webhook"),
    SCHEDULE("Schedule"),
    POLLING("Polling");

    private final String label;

    TriggerKind(String label) {
        this.label = label;
    }

    /** How the designer names this trigger to a person. */
    public String label() {
        return label;
    }
}
