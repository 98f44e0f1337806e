package dev.junction.engine.nodes;

import dev.junction.engine.connectors.ConnectorCall;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.runs.StepError;
import dev.junction.engine.runs.StepResult;
import dev.junction.engine.runs.TaskKind;
import dev.junction.engine.runs.TransitionPlanner;
import dev.junction.engine.schema.Schemas;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polls an operation until a condition over its output holds. Each poll calls the operation; when the condition
 * holds, the node is done with that output (port {@code out}); otherwise it sleeps until the next poll as a RESUME
 * task of the run store (as a delay does), the deadline and the number of polls stored with the task, so that the
 * wait survives a restart. The deadline is the first poll's time plus the timeout; once it has passed (the last
 * poll is made at the deadline), the node leaves by its {@code timeout} port, or fails with {@code WaitTimedOut}
 * when nothing is connected there. A transient failure of a poll (429, 5xx, a timeout) counts as "not yet" and is
 * polled again after the interval (or the remote's {@code Retry-After}, if longer) within the deadline; a permanent
 * one fails the node as a connector call's would.
 */
public final class WaitUntilNode implements NodeKind {

    public static final String TYPE = "waitUntil";
    /** The port taken when the timeout passes before the condition held. */
    public static final String TIMEOUT = "timeout";
    /** The shortest interval between polls. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    /** The longest interval between polls. */
    public static final Duration MAX_INTERVAL = Duration.ofDays(1);
    /** The longest a node waits in all. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(30);

    private static final Pattern WHOLE_TEMPLATE = Pattern.compile("^\\s*\\{\\{(.+?)}}\\s*$", Pattern.DOTALL);

    /**
     * A wait-until node's config: the call it polls ({@code connection}, {@code operation}, {@code input}), the
     * {@code condition} over the call's {@code output} that ends the wait, how long to wait between polls
     * ({@code interval}) and in all ({@code timeout}, counted from the first poll).
     */
    public record Config(String connection, String operation, Object input, String condition, Duration interval,
                         Duration timeout) {

        static Config of(Map<String, Object> config) {
            return new Config((String) config.get("connection"), (String) config.get("operation"),
                    config.getOrDefault("input", Map.of()), conditionExpression((String) config.get("condition")),
                    Duration.parse((String) config.get("interval")), Duration.parse((String) config.get("timeout")));
        }
    }

    WaitUntilNode() {
    }

    /** The condition's expression: written plain ({@code output.status == 'COMPLETE'}) or as {@code {{ … }}}. */
    public static String conditionExpression(String condition) {
        Matcher whole = WHOLE_TEMPLATE.matcher(condition);
        return whole.matches() && !whole.group(1).contains("{{") ? whole.group(1).strip() : condition;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Wait until";
    }

    @Override
    public String description() {
        return "Polls an operation every interval until a condition over its output holds, or a timeout passes.";
    }

    @Override
    public Map<String, Object> configSchema() {
        return ConfigSchemas.config(this, Schemas.object()
                .required("connection", ConfigSchemas.connection())
                .required("operation", ConfigSchemas.text("Operation", "The operation to poll."))
                .optional("input", ConfigSchemas.input())
                .required("condition", ConfigSchemas.expression("Condition", "An expression over the poll's output,"
                        + " e.g. output.status == 'COMPLETE' (may be written as {{ … }})."))
                .required("interval", ConfigSchemas.duration("Interval", "ISO 8601 duration between polls, from"
                        + " PT1S to P1D, e.g. PT30S."))
                .required("timeout", ConfigSchemas.duration("Timeout", "ISO 8601 duration from the first poll after"
                        + " which the node leaves by 'timeout', at least the interval and at most P30D, e.g. PT2H.")),
                List.of(Map.of("connection", "amazon-eu", "operation", "getFulfillmentOrder",
                        "input", Map.of("sellerFulfillmentOrderId", "{{ trigger.orderId }}"),
                        "condition", "output.status == 'COMPLETE'", "interval", "PT30S", "timeout", "PT2H")));
    }

    @Override
    public List<Port> ports() {
        return List.of(new Port(OUT, "Taken when the condition held; the output is that poll's output."),
                new Port(TIMEOUT, "Taken when the timeout passed first; without an edge here the run fails"
                        + " (WaitTimedOut)."));
    }

    @Override
    public boolean sideEffects() {
        return true;
    }

    @Override
    public void validate(Map<String, Object> config, NodeCheck check) {
        check.connection(config, "operation");
        check.input(config);
        if (!(config.get("condition") instanceof String condition) || condition.isBlank()) {
            check.problem("condition", "is required: an expression over the poll's output, such as"
                    + " output.status == 'COMPLETE'");
        }
        Duration interval = duration(config, "interval", MIN_INTERVAL, MAX_INTERVAL, "from PT1S to P1D", "PT30S",
                check);
        Duration timeout = duration(config, "timeout", MIN_INTERVAL, MAX_TIMEOUT, "from PT1S to P30D", "PT2H",
                check);
        if (interval != null && timeout != null && timeout.compareTo(interval) < 0) {
            check.problem("timeout", "must be at least the interval (" + config.get("interval") + "), was "
                    + config.get("timeout"));
        }
        if (config.get("condition") instanceof String condition && !condition.isBlank()) {
            check.parses("condition", conditionExpression(condition));
        }
    }

    private static Duration duration(Map<String, Object> config, String field, Duration min, Duration max,
                                     String bounds, String example, NodeCheck check) {
        Object value = config.get(field);
        if (value == null) {
            check.problem(field, "is required: an ISO 8601 duration such as " + example);
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
            check.problem(field, "must be an ISO 8601 duration such as " + example + ", was " + value);
            return null;
        }
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            check.problem(field, "must be " + bounds + ", was " + value);
            return null;
        }
        return duration;
    }

    @Override
    public List<ConfigCode> code(Map<String, Object> config, String configPath) {
        List<ConfigCode> found = new ArrayList<>();
        ConfigCode.templates(config.get("input"), configPath + ".input", found);
        if (config.get("condition") instanceof String condition) {
            ConfigCode.expression(conditionExpression(condition), configPath + ".condition", found);
        }
        return found;
    }

    @Override
    public StepResult run(StepContext step) {
        Config config = Config.of(step.node().config());
        Instant now = step.services().clock().instant();
        Map<?, ?> waited = step.task().kind() == TaskKind.RESUME && step.task().resumeValue() instanceof Map<?, ?> map
                ? map : null;
        Instant deadline = waited != null ? Instant.parse((String) waited.get("deadline"))
                : now.plus(config.timeout());
        long poll = (waited != null ? ((Number) waited.get("polls")).longValue() : 0) + 1;
        Object input = step.resolve(config.input());
        if (WholeInput.isWhole(config.input())) {
            var refused = WholeInput.refusal(config.input(), input, step.services().connectors(), config.connection(),
                    config.operation());
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) input;
        Object output = null;
        StepError notYet = null;
        Duration wait = config.interval();
        try {
            output = step.services().connectors().invoke(new ConnectorCall(config.connection(), config.operation(),
                    fields, step.task().idempotencyKey()));
        } catch (ConnectorException e) {
            if (!e.retryable()) {
                return StepResult.failed(input, e);
            }
            notYet = new StepError(e.errorClass(), e.getMessage() == null ? e.errorClass() : e.getMessage(),
                    e.remoteStatus(), e.remoteBody());
            wait = e.retryAfter().filter(after -> after.compareTo(config.interval()) > 0).orElse(wait);
        }
        if (notYet == null && step.session().test(config.condition(), step.scope().withOutput(output))) {
            return new StepResult.Done(input, output, Set.of(OUT));
        }
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("input", input);
        seen.put("polls", poll);
        seen.put("deadline", deadline.toString());
        seen.put(notYet == null ? "lastOutput" : "lastError", notYet == null ? output
                : TransitionPlanner.errorValue(notYet));
        if (!now.isBefore(deadline)) {
            if (!step.definition().targets(step.node().id(), TIMEOUT).isEmpty()) {
                return new StepResult.Done(input, seen, Set.of(TIMEOUT));
            }
            return new StepResult.Failed(seen, new StepError("WaitTimedOut", "the condition '" + config.condition()
                    + "' did not hold within " + config.timeout() + " (" + poll + " poll" + (poll == 1 ? "" : "s")
                    + " of " + config.operation() + "); connect the node's 'timeout' port to go on instead"),
                    false, null);
        }
        Instant next = now.plus(wait);
        return new StepResult.Sleep(seen, next.isBefore(deadline) ? next : deadline,
                Map.of("deadline", deadline.toString(), "polls", poll));
    }
}
