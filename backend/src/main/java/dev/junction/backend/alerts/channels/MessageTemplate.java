package dev.junction.backend.alerts.channels;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alert message templates: text with placeholders {@code {{summary}}}, {@code {{link}}} (the absolute deep link),
 * {@code {{occurrences}}}, {@code {{ruleName}}}, {@code {{severity}}}, {@code {{state}}} and
 * {@code {{details.<name>}}} (a value the condition found; absent: empty). Any other placeholder is refused when a rule
 * is saved ({@link #validate}), so rendering never meets one.
 */
public final class MessageTemplate {

    /** The text of a notification whose rule has no template. */
    public static final String DEFAULT = "{{summary}}\nRule: {{ruleName}} · severity {{severity}} · {{state}}"
            + " · occurrences {{occurrences}}\n{{link}}";

    public static final List<String> PLACEHOLDERS = List.of("summary", "link", "occurrences", "ruleName", "severity",
            "state");
    private static final int MAX_LENGTH = 4_000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final Pattern DETAIL = Pattern.compile("details\\.[A-Za-z0-9_-]+");

    private MessageTemplate() {
    }

    /**
     * What is wrong with {@code template} (a rule's message template), for the rule form and the API to show on the
     * field; empty when it is fine (null or blank: the default is used).
     */
    public static Optional<String> validate(String template) {
        if (template == null || template.isBlank()) {
            return Optional.empty();
        }
        if (template.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters, was " + template.length());
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder rest = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!PLACEHOLDERS.contains(name) && !DETAIL.matcher(name).matches()) {
                return Optional.of("has an unknown placeholder {{" + name + "}}; use " + known());
            }
            matcher.appendReplacement(rest, "");
        }
        matcher.appendTail(rest);
        if (rest.indexOf("{{") >= 0 || rest.indexOf("}}") >= 0) {
            return Optional.of("has a '{{' or '}}' that is not part of a placeholder; use " + known());
        }
        return Optional.empty();
    }

    /** {@code message}'s text: its rule's template (or {@link #DEFAULT}) with {@code link} as the deep link. */
    static String render(AlertMessage message, String link) {
        String template = message.template() == null || message.template().isBlank() || validate(message.template())
                .isPresent() ? DEFAULT : message.template();
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(text, Matcher.quoteReplacement(value(matcher.group(1), message, link)));
        }
        matcher.appendTail(text);
        return text.toString().strip();
    }

    private static String value(String name, AlertMessage message, String link) {
        return switch (name) {
            case "summary" -> orEmpty(message.summary());
            case "link" -> link;
            case "occurrences" -> String.valueOf(message.occurrences());
            case "ruleName" -> orEmpty(message.ruleName());
            case "severity" -> orEmpty(message.severity());
            case "state" -> orEmpty(message.state());
            default -> {
                Object detail = message.details().get(name.substring("details.".length()));
                yield detail == null ? "" : String.valueOf(detail);
            }
        };
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String known() {
        return String.join(", ", PLACEHOLDERS.stream().map(name -> "{{" + name + "}}").toList())
                + " or {{details.<name>}}";
    }
}
