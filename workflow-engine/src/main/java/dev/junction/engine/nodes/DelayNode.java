package dev.junction.engine.nodes;

import dev.junction.engine.runs.StepResult;
import dev.junction.engine.runs.TaskKind;
import dev.junction.engine.schema.Schemas;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Waits for a while ({@code duration}) or until a time ({@code until}, an expression), durably: the run sleeps in
 * the store and goes on after a restart. Its output is {@code {resumedAt}}.
 */
public final class DelayNode implements NodeKind {

    public static final String TYPE = "delay";
    public static final Duration MAX = Duration.ofDays(30);

    /** The config of a delay node: exactly one of a duration and an until expression. */
    public record Config(Duration duration, String until) {

        static Config of(Map<String, Object> config) {
            return new Config(config.get("duration") instanceof String text ? Duration.parse(text) : null,
                    (String) config.get("until"));
        }
    }

    DelayNode() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Delay";
    }

    @Override
    public String description() {
        return "Waits for a duration or until a time, durably (the wait survives a restart).";
    }

    @Override
    public Map<String, Object> configSchema() {
        return ConfigSchemas.config(this, Schemas.object()
                .optional("duration", ConfigSchemas.duration("Duration", "How long to wait, an ISO 8601 duration"
                        + " of more than zero and at most P30D, such as PT15M. Give this or until."))
                .optional("until", ConfigSchemas.expression("Until", "An expression giving the time to wait for:"
                        + " an ISO 8601 instant or epoch milliseconds. Give this or duration.")),
                List.of(Map.of("duration", "PT15M"), Map.of("until", "trigger.shipAfter")));
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
        boolean hasDuration = config.containsKey("duration");
        boolean hasUntil = config.containsKey("until");
        if (hasDuration == hasUntil) {
            check.problem("", "needs exactly one of 'duration' (ISO 8601, e.g. PT15M) or 'until' (an expression"
                    + " giving a time), not " + (hasDuration ? "both" : "neither"));
            return;
        }
        if (hasUntil) {
            check.expression(config, "until");
            return;
        }
        Object value = config.get("duration");
        Duration duration = value instanceof String text ? duration(text) : null;
        if (duration == null) {
            check.problem("duration", "must be an ISO 8601 duration such as PT15M or P1D, was " + value);
        } else if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX) > 0) {
            check.problem("duration", "must be more than zero and at most 30 days (P30D), was " + value);
        }
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public List<ConfigCode> code(Map<String, Object> config, String configPath) {
        List<ConfigCode> found = new ArrayList<>();
        ConfigCode.expression(config.get("until"), configPath + ".until", found);
        return found;
    }

    @Override
    public StepResult run(StepContext step) {
        Instant now = step.services().clock().instant();
        if (step.task().kind() == TaskKind.RESUME) {
            return new StepResult.Done(null, Map.of("resumedAt", now.toString()), Set.of(OUT));
        }
        Config config = Config.of(step.node().config());
        Instant until;
        if (config.duration() != null) {
            until = now.plus(config.duration());
        } else {
            Object value = step.evaluate(config.until());
            until = StepValues.instant(value);
            if (until == null) {
                return StepResult.failed(null, "InvalidTime", "until must give a time: an ISO 8601 instant such as"
                        + " 2026-11-23T10:15:30Z or epoch milliseconds, was " + StepValues.describe(value));
            }
        }
        Map<String, Object> input = Map.of("until", until.toString());
        Instant current = step.services().clock().instant();
        if (!until.isAfter(current)) {
            return new StepResult.Done(input, Map.of("resumedAt", current.toString()), Set.of(OUT));
        }
        return new StepResult.Sleep(input, until);
    }
}
