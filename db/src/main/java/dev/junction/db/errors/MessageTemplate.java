package dev.junction.db.errors;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error message with its variable parts replaced by placeholders, so that failures of the same kind share one
 * template: {@code vendorTxCode JUN-8812 was sent before} and {@code vendorTxCode JUN-8813 was sent before} both read
 * {@code vendorTxCode <id> was sent before}. Replaced, in this order: quoted values ({@code '<value>'}), UUIDs
 * ({@code <uuid>}), dates and times ({@code <time>}), Amazon order ids ({@code <order-id>}), e-mail addresses
 * ({@code <email>}), words with a digit in them such as ids and codes ({@code <id>}) and numbers ({@code <n>}).
 * Templates are cut at {@value #MAX_LENGTH} characters.
 */
public final class MessageTemplate {

    public static final int MAX_LENGTH = 500;

    private record Rule(Pattern pattern, String placeholder) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("'[^'\\n]*'"), "'<value>'"),
            new Rule(Pattern.compile("\"[^\"\\n]*\""), "\"<value>\""),
            new Rule(Pattern.compile("`[^`\\n]*`"), "`<value>`"),
            new Rule(Pattern.compile("(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b"),
                    "<uuid>"),
            new Rule(Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?"
                    + "(?:Z|[+-]\\d{2}:?\\d{2})?)?\\b"), "<time>"),
            new Rule(Pattern.compile("\\b\\d{3}-\\d{7}-\\d{7}\\b"), "<order-id>"),
            new Rule(Pattern.compile("\\b[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+\\b"), "<email>"),
            new Rule(Pattern.compile("\\b(?=[\\w-]*[A-Za-z_])(?=[\\w-]*\\d)[\\w]+(?:-[\\w]+)*\\b"), "<id>"),
            new Rule(Pattern.compile("[-+]?\\b\\d+(?:[.,]\\d+)*\\b"), "<n>"));

    private MessageTemplate() {
    }

    /** The template of {@code message} ("" for none). */
    public static String of(String message) {
        if (message == null) {
            return "";
        }
        String template = message.strip();
        for (Rule rule : RULES) {
            template = rule.pattern().matcher(template).replaceAll(Matcher.quoteReplacement(rule.placeholder()));
        }
        template = template.replaceAll("\\s+", " ");
        return template.length() <= MAX_LENGTH ? template : template.substring(0, MAX_LENGTH);
    }
}
