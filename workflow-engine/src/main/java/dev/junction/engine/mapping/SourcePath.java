package dev.junction.engine.mapping;

import dev.junction.engine.json.FieldNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A source path resolved once: {@code OrderTotal.Amount}, {@code OrderItems[0].SellerSKU}, {@code $index},
 * {@code $root.AmazonOrderId}, {@code $parent.SellerSKU}, {@code $} (the element itself).
 */
final class SourcePath {

    private enum Start { ELEMENT, ROOT, PARENT, INDEX }

    /** What a slot holds for a path read once and found empty (an unread slot holds null). */
    private static final Object NOTHING = new Object();

    private final String text;
    private final Start start;
    private final Object[] steps;
    /** Where a run keeps this path's value once read, or -1 (see {@link Slots}). */
    private final int slot;
    /** The path one step shorter, itself slotted (null when this path is one step from the record). */
    private final SourcePath parent;

    private SourcePath(String text, Start start, Object[] steps) {
        this(text, start, steps, -1, null);
    }

    private SourcePath(String text, Start start, Object[] steps, int slot, SourcePath parent) {
        this.text = text;
        this.start = start;
        this.steps = steps;
        this.slot = slot;
        this.parent = parent;
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
                    steps.add(FieldNames.of(name));
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

    /**
     * The value at this path; a slotted path is read once per record ({@code slots} is the run's), and through its
     * parent's slot, so the rules reading {@code ShippingAddress.City} and {@code ShippingAddress.PostalCode} look
     * {@code ShippingAddress} up once.
     */
    Object read(Frame frame, Object[] slots) {
        if (slot < 0) {
            return read(frame);
        }
        Object value = slots[slot];
        if (value == null) {
            Object base = parent == null ? frame.root() : parent.read(frame, slots);
            value = base == null ? null : step(base, steps[steps.length - 1]);
            slots[slot] = value == null ? NOTHING : value;
            return value;
        }
        return value == NOTHING ? null : value;
    }

    private static Object step(Object value, Object step) {
        if (step instanceof String name) {
            return value instanceof Map<?, ?> map ? map.get(name) : null;
        }
        int index = (Integer) step;
        return value instanceof List<?> list && index >= 0 && index < list.size() ? list.get(index) : null;
    }

    Object read(Frame frame) {
        Object value = switch (start) {
            case ELEMENT -> frame.element();
            case ROOT -> frame.root();
            case PARENT -> frame.parent() == null ? null : frame.parent().element();
            case INDEX -> frame.index() == null ? null : (Object) frame.index().longValue();
        };
        for (Object step : steps) {
            value = step(value, step);
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

    /** Whether it reads the enclosing element ({@code $parent.…}). */
    boolean relativeToParent() {
        return start == Start.PARENT;
    }

    /** Whether it is {@code $index}. */
    boolean isIndex() {
        return start == Start.INDEX;
    }

    /** Its steps after the start: field names (text) and list indexes (Integer). Not to be changed. */
    Object[] steps() {
        return steps;
    }

    boolean relativeToElement() {
        return start == Start.ELEMENT;
    }

    boolean relativeToRoot() {
        return start == Start.ROOT;
    }

    /**
     * The slots of the paths a mapping reads from the whole record: each distinct path and each of its prefixes gets
     * one, so a run reads every map on the way once, however many rules read through it.
     */
    static final class Slots {

        private final Map<List<Object>, SourcePath> slotted = new java.util.HashMap<>();

        /** {@code path} (which must read from the record itself: from the root, or a top-level rule's element) slotted. */
        SourcePath slotted(SourcePath path) {
            if (path.start == Start.INDEX || path.start == Start.PARENT || path.steps.length == 0) {
                return path;
            }
            SourcePath shared = slotted(java.util.Arrays.asList(path.steps));
            return new SourcePath(path.text, path.start, shared.steps, shared.slot, shared.parent);
        }

        private SourcePath slotted(List<Object> steps) {
            SourcePath known = slotted.get(steps);
            if (known != null) {
                return known;
            }
            SourcePath parent = steps.size() == 1 ? null : slotted(steps.subList(0, steps.size() - 1));
            SourcePath path = new SourcePath(String.valueOf(steps), Start.ROOT, steps.toArray(), slotted.size(),
                    parent);
            slotted.put(List.copyOf(steps), path);
            return path;
        }

        int count() {
            return slotted.size();
        }
    }

    String text() {
        return text;
    }

    /** Where a rule reads: the record (or array element), the whole input, the enclosing element, its index. */
    record Frame(Object element, Object root, Frame parent, Integer index) {
    }
}
