package dev.junction.backend.alerts.channels;

import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.json.PayloadJson;

import java.util.List;
import java.util.Map;

/**
 * Slack incoming webhooks: {@code text} (what notifications and old clients show) and Block Kit blocks — the title,
 * the text, and an "Open in Junction" button with the deep link.
 */
final class SlackSender implements ChannelSender {

    private final JsonPost post;

    SlackSender(JsonPost post) {
        this.post = post;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SLACK;
    }

    @Override
    public String send(Delivery delivery) throws ConnectorException {
        return post.post("slack", delivery.secret("webhookUrl"), PayloadJson.write(body(delivery)), Map.of());
    }

    static Map<String, Object> body(Delivery delivery) {
        return Map.of("text", delivery.title() + "\n" + delivery.text(), "blocks", List.of(
                Map.of("type", "header", "text", Map.of("type", "plain_text", "text", cut(delivery.title(), 150))),
                Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", cut(delivery.text(), 3_000))),
                Map.of("type", "actions", "elements", List.of(Map.of("type", "button", "text",
                        Map.of("type", "plain_text", "text", "Open in Junction"), "url", delivery.link())))));
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
