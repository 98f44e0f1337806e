package dev.junction.engine.nodes;

import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.runs.StepResult;
import dev.junction.engine.schema.Schemas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends a message on a channel: {@code email} (to, subject), {@code webhook} (an http or https url) or {@code log}.
 * The message (and an e-mail's to and subject) may compute values with {{ expression }}.
 */
public final class NotifyNode implements NodeKind {

    public static final String TYPE = "notify";
    public static final List<String> CHANNELS = List.of("email", "webhook", "log");
    /** The fields computed with {{ expression }} before sending, besides the message. */
    private static final List<String> COMPUTED = List.of("to", "subject");

    /** The config of a notify node; {@code fields} is the whole config, what the channel reads its settings from. */
    public record Config(String channel, String message, Map<String, Object> fields) {

        static Config of(Map<String, Object> config) {
            return new Config((String) config.get("channel"), String.valueOf(config.get("message")), config);
        }
    }

    NotifyNode() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Notify";
    }

    @Override
    public String description() {
        return "Sends a message by e-mail, to a webhook, or to the log.";
    }

    @Override
    public Map<String, Object> configSchema() {
        return ConfigSchemas.config(this, Schemas.object()
                .required("channel", Schemas.titled("Channel", Schemas.oneOf("Where the message goes.", CHANNELS)))
                .required("message", ConfigSchemas.expression("Message", "The text to send; may compute values with"
                        + " {{ expression }}."))
                .optional("to", Schemas.dependsOn("channel", List.of("email"), ConfigSchemas.expression("To",
                        "The e-mail address(es) to send to, separated by commas (email only).")))
                .optional("subject", Schemas.dependsOn("channel", List.of("email"), ConfigSchemas.expression(
                        "Subject", "The e-mail's subject (email only).")))
                .optional("url", Schemas.dependsOn("channel", List.of("webhook"), Schemas.titled("URL",
                        Schemas.pattern("The http or https address the message is posted to (webhook only).",
                                "^https?://")))),
                List.of(Map.of("channel", "log", "message", "Order {{ trigger.orderId }} shipped"),
                        Map.of("channel", "email", "message", "Order {{ trigger.orderId }} failed",
                                "to", "ops@example.com", "subject", "Order failed"),
                        Map.of("channel", "webhook", "message", "Order {{ trigger.orderId }} shipped",
                                "url", "https://hooks.example.com/orders")));
    }

    @Override
    public List<Port> ports() {
        return List.of(OUT_PORT);
    }

    @Override
    public boolean sideEffects() {
        return true;
    }

    @Override
    public void validate(Map<String, Object> config, NodeCheck check) {
        if (!(config.get("channel") instanceof String channel) || !CHANNELS.contains(channel)) {
            check.problem("channel", "must be one of " + String.join(", ", CHANNELS)
                    + (config.containsKey("channel") ? ", was " + config.get("channel") : ""));
        } else if (check.channels().unavailable().containsKey(channel)) {
            check.problem("channel", "'" + channel + "' cannot send on this installation: "
                    + check.channels().unavailable().get(channel));
        }
        check.text(config, "message", "the message to send");
        if ("email".equals(config.get("channel"))) {
            check.text(config, "to", "the e-mail address(es) to send to, separated by commas");
            if (config.containsKey("subject")) {
                check.text(config, "subject", "the e-mail's subject");
            }
        }
        if ("webhook".equals(config.get("channel")) && !(config.get("url") instanceof String url
                && (url.startsWith("http://") || url.startsWith("https://")))) {
            check.problem("url", "is required for the webhook channel: an http or https address"
                    + (config.containsKey("url") ? ", was " + config.get("url") : ""));
        }
    }

    @Override
    public List<ConfigCode> code(Map<String, Object> config, String configPath) {
        List<ConfigCode> found = new ArrayList<>();
        ConfigCode.templates(config.get("message"), configPath + ".message", found);
        return found;
    }

    @Override
    public StepResult run(StepContext step) {
        Config config = Config.of(step.node().config());
        String message = String.valueOf(step.resolve(config.message()));
        Map<String, Object> input = new LinkedHashMap<>(Map.of("channel", config.channel(), "message", message));
        Map<String, Object> sendConfig = new LinkedHashMap<>(config.fields());
        for (String computed : COMPUTED) {
            if (config.fields().get(computed) instanceof String text) {
                String value = String.valueOf(step.resolve(text));
                sendConfig.put(computed, value);
                input.put(computed, value);
            }
        }
        try {
            return new StepResult.Done(input, step.services().notifier().send(config.channel(), message, sendConfig,
                    step.task().idempotencyKey()), Set.of(OUT));
        } catch (ConnectorException e) {
            return StepResult.failed(input, e);
        }
    }
}
