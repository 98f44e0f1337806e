package dev.junction.engine.nodes;

import dev.junction.engine.definition.Node;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.expressions.ExpressionSession;
import dev.junction.engine.runs.ClaimedTask;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one step of a node sees: its workflow and node, the task it runs for, the expression session and scope of
 * the step, and the services it may call.
 *
 * <p>Computed values ({@link #resolve}): a string that is exactly {@code {{ expression }}} takes the expression's
 * value (of any type); {@code {{ … }}} inside longer text is replaced by the value as text.
 */
public record StepContext(WorkflowDefinition definition, Node node, ClaimedTask task, ExpressionSession session,
                          ExpressionSession.Scope scope, StepServices services) {

    private static final Pattern WHOLE_TEMPLATE = Pattern.compile("^\\s*\\{\\{(.+?)}}\\s*$", Pattern.DOTALL);
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.+?)}}", Pattern.DOTALL);

    /** The value of an expression in the step's scope. */
    public Object evaluate(String expression) {
        return session.evaluate(expression, scope);
    }

    /** Whether an expression is truthy in the step's scope. */
    public boolean test(String expression) {
        return session.test(expression, scope);
    }

    /** A config value with its {@code {{ expression }}} parts evaluated. */
    public Object resolve(Object value) {
        return switch (value) {
            case String text -> template(text);
            case Map<?, ?> map -> {
                Map<String, Object> resolved = new LinkedHashMap<>();
                map.forEach((key, item) -> resolved.put((String) key, resolve(item)));
                yield resolved;
            }
            case java.util.List<?> list -> list.stream().map(this::resolve).toList();
            case null, default -> value;
        };
    }

    private Object template(String text) {
        Matcher whole = WHOLE_TEMPLATE.matcher(text);
        if (whole.matches() && !whole.group(1).contains("{{")) {
            return evaluate(whole.group(1).strip());
        }
        Matcher part = TEMPLATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (part.find()) {
            Object value = evaluate(part.group(1).strip());
            part.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : StepValues.asText(value)));
        }
        part.appendTail(out);
        return out.toString();
    }
}
