package dev.junction.backend.alerts.channels;

import dev.junction.engine.schema.Schemas;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of alert channel, each with the JSON Schema of its settings: plain properties are stored in
 * {@code alert_channels.settings}, properties marked {@code x-secret} are sealed in the vault and never answered.
 */
public enum ChannelKind {

    EMAIL("email", "E-mail", Schemas.object()
            .required("recipients", Schemas.titled("Recipients", Schemas.string("E-mail addresses separated by"
                    + " commas; sent through Junction's SMTP server (JUNCTION_SMTP_HOST)", 2_000)))
            .optional("subjectPrefix", Schemas.titled("Subject prefix", Schemas.defaulting("[Junction]",
                    Schemas.string("Put before each subject", 60))))
            .closed().build()),
    SLACK("slack", "Slack", Schemas.object()
            .required("webhookUrl", Schemas.titled("Incoming webhook URL", Schemas.secret(Schemas.with(
                    Schemas.string("The incoming webhook URL of a Slack app (https://hooks.slack.com/…)", 2_000),
                    "format", "uri"))))
            .closed().build()),
    TEAMS("teams", "Microsoft Teams", Schemas.object()
            .required("webhookUrl", Schemas.titled("Incoming webhook URL", Schemas.secret(Schemas.with(
                    Schemas.string("The Teams channel's incoming webhook (or Workflows) URL", 2_000), "format",
                    "uri"))))
            .optional("cardFormat", Schemas.titled("Card format", Schemas.defaulting("adaptive", Schemas.named(
                    List.of("Adaptive Card: Teams Workflows webhooks", "MessageCard: legacy Office 365 connectors"),
                    Schemas.oneOf("An Adaptive Card for a Teams Workflows webhook; a legacy MessageCard for an"
                            + " Office 365 connector", "adaptive", "messageCard")))))
            .closed().build()),
    WEBHOOK("webhook", "Webhook (signed JSON)", Schemas.object()
            .required("url", Schemas.titled("URL", Schemas.with(Schemas.string("Where the JSON is POSTed (http or"
                    + " https)", 2_000), "format", "uri")))
            .required("signingSecret", Schemas.titled("Signing secret", Schemas.secret(Schemas.string(
                    "Key of the HMAC-SHA256 signature in X-Junction-Signature (16 characters or more)", 500))))
            .closed().build()),
    PAGERDUTY("pagerduty", "PagerDuty", Schemas.object()
            .required("routingKey", Schemas.titled("Routing key", Schemas.secret(Schemas.string(
                    "The integration key of a PagerDuty service's Events API v2 integration", 200))))
            .optional("eventsUrl", Schemas.titled("Events API URL", Schemas.defaulting(
                    PagerDutySender.DEFAULT_EVENTS_URL, Schemas.with(Schemas.string("PagerDuty's Events API v2"
                            + " endpoint", 2_000), "format", "uri"))))
            .closed().build());

    private final String jsonName;
    private final String title;
    private final Map<String, Object> settingsSchema;

    ChannelKind(String jsonName, String title, Map<String, Object> settingsSchema) {
        this.jsonName = jsonName;
        this.title = title;
        this.settingsSchema = settingsSchema;
    }

    /** The kind's name in the API and the database: {@code email}, {@code slack}, … */
    public String jsonName() {
        return jsonName;
    }

    public String title() {
        return title;
    }

    /** The JSON Schema of the kind's settings, secrets ({@code x-secret}) included. */
    public Map<String, Object> settingsSchema() {
        return settingsSchema;
    }

    /** The properties of the schema by name. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> properties() {
        return (Map<String, Map<String, Object>>) settingsSchema.get("properties");
    }

    List<String> required() {
        return settingsSchema.get("required") instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    /** The names of the secret properties. */
    List<String> secretFields() {
        return properties().entrySet().stream().filter(entry -> Boolean.TRUE.equals(entry.getValue()
                .get(Schemas.SECRET))).map(Map.Entry::getKey).toList();
    }

    /** The schema of the plain settings alone (secrets left out), closed. */
    Map<String, Object> plainSchema() {
        Map<String, Object> schema = new LinkedHashMap<>(settingsSchema);
        Map<String, Object> properties = new LinkedHashMap<>(properties());
        secretFields().forEach(properties::remove);
        schema.put("properties", properties);
        schema.put("required", required().stream().filter(properties::containsKey).toList());
        return schema;
    }

    public static Optional<ChannelKind> of(String jsonName) {
        return Arrays.stream(values()).filter(kind -> kind.jsonName.equals(jsonName)).findFirst();
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(ChannelKind::jsonName).toList());
    }
}
