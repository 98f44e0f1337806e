package dev.junction.engine.definition;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wait-until node's config: the call it polls ({@code connection}, {@code operation}, {@code input}), the
 * {@code condition} over the call's {@code output} that ends the wait, how long to wait between polls
 * ({@code interval}) and in all ({@code timeout}, counted from the first poll). Its ports: {@code out} when the
 * condition held, {@code timeout} when the timeout passed first.
 */
public record WaitUntilConfig(String connection, String operation, Object input, String condition,
                              Duration interval, Duration timeout) {

    /** The port taken when the timeout passes before the condition held. */
    public static final String TIMEOUT_PORT = "timeout";
    /** The shortest interval between polls. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    /** The longest interval between polls. */
    public static final Duration MAX_INTERVAL = Duration.ofDays(1);
    /** The longest a node waits in all. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(30);

    private static final Pattern WHOLE_TEMPLATE = Pattern.compile("^\\s*\\{\\{(.+?)}}\\s*$", Pattern.DOTALL);

    /** The config of a node the validator passed. */
    public static WaitUntilConfig of(Map<String, Object> config) {
        return new WaitUntilConfig((String) config.get("connection"), (String) config.get("operation"),
                config.getOrDefault("input", Map.of()), conditionExpression((String) config.get("condition")),
                Duration.parse((String) config.get("interval")), Duration.parse((String) config.get("timeout")));
    }

    /** The condition's expression: written plain ({@code output.status == 'COMPLETE'}) or as {@code {{ … }}}. */
    public static String conditionExpression(String condition) {
        Matcher whole = WHOLE_TEMPLATE.matcher(condition);
        return whole.matches() && !whole.group(1).contains("{{") ? whole.group(1).strip() : condition;
    }

    /**
     * What is wrong with the condition's presence, the interval and the timeout (the call's fields and the
     * condition's syntax are checked as every node's are), as {path suffix, message} pairs.
     */
    static List<String[]> problems(Map<String, Object> config) {
        List<String[]> problems = new ArrayList<>();
        if (!(config.get("condition") instanceof String condition) || condition.isBlank()) {
            problems.add(new String[] {"condition", "is required: an expression over the poll's output, such as"
                    + " output.status == 'COMPLETE'"});
        }
        Duration interval = duration(config, "interval", MIN_INTERVAL, MAX_INTERVAL, "from PT1S to P1D", "PT30S",
                problems);
        Duration timeout = duration(config, "timeout", MIN_INTERVAL, MAX_TIMEOUT, "from PT1S to P30D", "PT2H",
                problems);
        if (interval != null && timeout != null && timeout.compareTo(interval) < 0) {
            problems.add(new String[] {"timeout", "must be at least the interval (" + config.get("interval")
                    + "), was " + config.get("timeout")});
        }
        return problems;
    }

    private static Duration duration(Map<String, Object> config, String field, Duration min, Duration max,
                                     String bounds, String example, List<String[]> problems) {
        Object value = config.get(field);
        if (value == null) {
            problems.add(new String[] {field, "is required: an ISO 8601 duration such as " + example});
            return null;
        }
        Duration duration = null;
        if (value instanceof String text) {
            try {
                duration = Duration.parse(text);
            } catch (DateTimeParseException e) {
                duration = null;
            }
        }
        if (duration == null) {
            problems.add(new String[] {field, "must be an ISO 8601 duration such as " + example + ", was " + value});
            return null;
        }
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            problems.add(new String[] {field, "must be " + bounds + ", was " + value});
            return null;
        }
        return duration;
    }
}
