package dev.junction.engine.definition;

import java.util.Arrays;
import java.util.Optional;

/** The ways a run can start. */
public enum TriggerKind {
    MANUAL("manual", "Manual trigger", "Manual",
            "Started by hand in the designer or through the API, with the payload given there."),
    WEBHOOK("webhook", "Webhook", "Webhook",
            "An HTTP call to the workflow's webhook URL starts a run with the call's body as its payload."),
    SCHEDULE("schedule", "Schedule", "Schedule",
            "Starts a run at the times a Quartz cron expression names, in a time zone."),
    POLLING("polling", "Polling", "Polling",
            "Asks a connection for new records on a cron schedule; each new record starts a run.");

    private final String jsonName;
    private final String label;
    private final String title;
    private final String description;

    TriggerKind(String jsonName, String label, String title, String description) {
        this.jsonName = jsonName;
        this.label = label;
        this.title = title;
        this.description = description;
    }

    /** The name the designer's kind picker shows. */
    public String title() {
        return title;
    }

    /** One line on how a run starts. */
    public String description() {
        return description;
    }

    /**
     * The JSON Schema of this kind's config (properties in order, with {@code x-expression}, {@code x-dependsOn}
     * and {@code x-connector}), describing what {@link DefinitionValidator} accepts; its {@code examples} pass it.
     */
    public java.util.Map<String, Object> configSchema() {
        return TriggerSchemas.of(this);
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
