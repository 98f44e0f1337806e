package dev.junction.engine.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A source path resolved once: {@code OrderTotal.Amount}, {@code OrderItems[0].SellerSKU}, {@code $index},
 * {@code $root.AmazonOrderId}, {@code $parent.SellerSKU}, {@code $} (the element itself).
 */
final class SourcePath {

    private enum Start { ELEMENT, ROOT, PARENT, INDEX }

    private final String text;
    private final Start start;
    private final Object[] steps;

    private SourcePath(String text, Start start, Object[] steps) {
        this.text = text;
        this.start = start;
        this.steps = steps;
    }

    /** @throws IllegalArgumentException saying what is wrong with the path */
    static SourcePath parse(String text) {
        String rest = text.strip();
        Start start = Start.ELEMENT;
        if (rest.equals("$index")) {
            return new SourcePath(text, Start.INDEX, new Object[0]);
        }
        for (var prefix : Map.of("$root", Start.ROOT, "$parent", Start.PARENT).entrySet()) {
            if (rest.equals(prefix.getKey()) || rest.startsWith(prefix.getKey() + ".")) {
                start = prefix.getValue();
                rest = rest.substring(prefix.getKey().length());
                rest = rest.startsWith(".") ? rest.substring(1) : rest;
            }
        }
        if (rest.equals("$")) {
            rest = "";
        }
        List<Object> steps = new ArrayList<>();
        if (!rest.isEmpty()) {
            for (String part : rest.split("\\.", -1)) {
                int bracket = part.indexOf('[');
                String name = bracket < 0 ? part : part.substring(0, bracket);
                if (name.isEmpty() && bracket != 0) {
                    throw new IllegalArgumentException("'" + text + "' has an empty name between dots");
                }
                if (!name.isEmpty()) {
                    steps.add(name);
                }
                while (bracket >= 0) {
                    int close = part.indexOf(']', bracket);
                    if (close < 0) {
                        throw new IllegalArgumentException("'" + text + "' has a '[' without ']'");
                    }
                    try {
                        steps.add(Integer.parseInt(part.substring(bracket + 1, close)));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + text + "': an index must be a whole number, like [0]");
                    }
                    bracket = part.indexOf('[', close);
                }
            }
        }
        return new SourcePath(text, start, steps.toArray());
    }

    Object read(Frame frame) {
        Object value = switch (start) {
            case ELEMENT -> frame.element();
            case ROOT -> frame.root();
            case PARENT -> frame.parent() == null ? null : frame.parent().element();
            case INDEX -> frame.index() == null ? null : (Object) frame.index().longValue();
        };
        for (Object step : steps) {
            if (step instanceof String name) {
                value = value instanceof Map<?, ?> map ? map.get(name) : null;
            } else {
                int index = (Integer) step;
                value = value instanceof List<?> list && index >= 0 && index < list.size() ? list.get(index) : null;
            }
            if (value == null) {
                return null;
            }
        }
        return value;
    }

    /** The path as the source schema would name it ({@code OrderItems[].SellerSKU}); null for $index. */
    String schemaPath() {
        if (start == Start.INDEX) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (Object step : steps) {
            if (step instanceof String name) {
                path.append(path.isEmpty() ? "" : ".").append(name);
            } else {
                path.append("[]");
            }
        }
        return path.toString();
    }

    boolean relativeToElement() {
        return start == Start.ELEMENT;
    }

    String text() {
        return text;
    }

    /** Where a rule reads: the record (or array element), the whole input, the enclosing element, its index. */
    record Frame(Object element, Object root, Frame parent, Integer index) {
    }
}
