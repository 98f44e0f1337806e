package dev.junction.backend.alerts.channels;

import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.json.PayloadJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Microsoft Teams incoming webhooks: an Adaptive Card in a {@code message} (Teams Workflows webhooks; the default)
 * or a legacy MessageCard (Office 365 connectors) — title, text, facts (severity, state, occurrences) and an
 * "Open in Junction" action with the deep link.
 */
final class TeamsSender implements ChannelSender {

    private final JsonPost post;

    TeamsSender(JsonPost post) {
        this.post = post;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.TEAMS;
    }

    @Override
    public String send(Delivery delivery) throws ConnectorException {
        Map<String, Object> body = "messageCard".equals(delivery.setting("cardFormat")) ? messageCard(delivery)
                : adaptiveCard(delivery);
        return post.post("teams", delivery.secret("webhookUrl"), PayloadJson.write(body), Map.of());
    }

    static Map<String, Object> adaptiveCard(Delivery delivery) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", List.of(
                Map.of("type", "TextBlock", "size", "Medium", "weight", "Bolder", "wrap", true, "text",
                        delivery.title()),
                Map.of("type", "TextBlock", "wrap", true, "text", delivery.text()),
                Map.of("type", "FactSet", "facts", facts(delivery, "title"))));
        card.put("actions", List.of(Map.of("type", "Action.OpenUrl", "title", "Open in Junction", "url",
                delivery.link())));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("content", card);
        return Map.of("type", "message", "attachments", List.of(attachment));
    }

    static Map<String, Object> messageCard(Delivery delivery) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("@type", "MessageCard");
        card.put("@context", "https://schema.org/extensions");
        card.put("summary", delivery.title());
        card.put("themeColor", switch (String.valueOf(delivery.message().severity())) {
            case "critical" -> "D13438";
            case "warning" -> "FFB900";
            default -> "0078D7";
        });
        card.put("title", delivery.title());
        card.put("text", delivery.text());
        card.put("sections", List.of(Map.of("facts", facts(delivery, "name"))));
        card.put("potentialAction", List.of(Map.of("@type", "OpenUri", "name", "Open in Junction", "targets",
                List.of(Map.of("os", "default", "uri", delivery.link())))));
        return card;
    }

    private static List<Map<String, Object>> facts(Delivery delivery, String nameKey) {
        AlertMessage message = delivery.message();
        return List.of(Map.of(nameKey, "Severity", "value", String.valueOf(message.severity())),
                Map.of(nameKey, "State", "value", String.valueOf(message.state())),
                Map.of(nameKey, "Occurrences", "value", String.valueOf(message.occurrences())));
    }
}
