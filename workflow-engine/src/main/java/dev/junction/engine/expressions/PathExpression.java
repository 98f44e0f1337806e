package dev.junction.engine.expressions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An expression that only reads a value, such as {@code trigger.AmazonOrderId}, {@code nodes.capture.amount} or
 * {@code vars.item.lines[0].sku}: answered in Java from the plain values, with JavaScript's result, without a
 * GraalJS context (most expressions of real workflows are of this kind; a context costs far more than the read).
 * Reading a property of a missing value fails as it does in JavaScript. {@code length} of an array or a string is
 * its length.
 */
final class PathExpression {

    private static final Pattern WHOLE = Pattern.compile(
            "\\s*(trigger|nodes|vars|output)((?:\\s*\\.\\s*[A-Za-z_$][A-Za-z0-9_$]*|\\s*\\[\\s*(?:\\d{1,9}|'[^'\\\\]*'|\"[^\"\\\\]*\")\\s*])*)\\s*");
    private static final Pattern STEP = Pattern.compile(
            "\\.\\s*([A-Za-z_$][A-Za-z0-9_$]*)|\\[\\s*(?:(\\d{1,9})|'([^'\\\\]*)'|\"([^\"\\\\]*)\")\\s*]");

    private final int root;
    private final List<Object> steps;

    private PathExpression(int root, List<Object> steps) {
        this.root = root;
        this.steps = steps;
    }

    /** The path, when the expression is nothing but one. */
    static Optional<PathExpression> parse(String expression) {
        Matcher whole = WHOLE.matcher(expression);
        if (!whole.matches()) {
            return Optional.empty();
        }
        int root = switch (whole.group(1)) {
            case "trigger" -> 0;
            case "nodes" -> 1;
            case "vars" -> 2;
            default -> 3;
        };
        List<Object> steps = new ArrayList<>();
        Matcher step = STEP.matcher(whole.group(2));
        while (step.find()) {
            if (step.group(1) != null) {
                steps.add(step.group(1));
            } else if (step.group(2) != null) {
                steps.add(Integer.parseInt(step.group(2)));
            } else {
                steps.add(step.group(3) != null ? step.group(3) : step.group(4));
            }
        }
        return Optional.of(new PathExpression(root, List.copyOf(steps)));
    }

    Object read(ExpressionSession.Scope scope) {
        Object value = switch (root) {
            case 0 -> scope.trigger();
            case 1 -> scope.nodes();
            case 2 -> scope.vars();
            default -> scope.output();
        };
        for (Object step : steps) {
            if (value == null) {
                throw new ExpressionException(ExpressionException.Kind.RUNTIME, "failed: TypeError: Cannot read"
                        + " property \"" + step + "\" from undefined");
            }
            value = switch (value) {
                case Map<?, ?> map -> map.get(step instanceof Integer index ? index.toString() : step);
                case List<?> list when step instanceof Integer index -> index < list.size() ? list.get(index) : null;
                case List<?> list when "length".equals(step) -> (long) list.size();
                case String text when step instanceof Integer index -> index < text.length()
                        ? String.valueOf(text.charAt(index)) : null;
                case String text when "length".equals(step) -> (long) text.length();
                default -> null;
            };
        }
        return value;
    }
}
