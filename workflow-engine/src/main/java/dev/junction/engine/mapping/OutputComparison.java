package dev.junction.engine.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a mapping's actual output differs from the expected one (a saved test case): one {@link Difference} per
 * place, named by its path ({@code items[1].sku}; the whole output is {@code ""}). {@code added}: in the actual
 * output only; {@code removed}: in the expected output only; {@code changed}: in both, with other values. Objects
 * are compared field by field, arrays element by element (a longer or shorter array adds or removes elements at its
 * end), numbers by value ({@code 5} equals {@code 5.0}).
 */
public final class OutputComparison {

    private OutputComparison() {
    }

    /** One difference; kind is {@code added}, {@code removed} or {@code changed}. */
    public record Difference(String path, String kind, Object expected, Object actual) {
    }

    /** The differences, in the expected output's order (then the fields only the actual output has). */
    public static List<Difference> between(Object expected, Object actual) {
        List<Difference> differences = new ArrayList<>();
        compare("", expected, actual, differences);
        return differences;
    }

    private static void compare(String path, Object expected, Object actual, List<Difference> differences) {
        if (expected instanceof Map<?, ?> before && actual instanceof Map<?, ?> after) {
            Set<Object> keys = new LinkedHashSet<>(before.keySet());
            keys.addAll(after.keySet());
            for (Object key : keys) {
                String child = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                if (!after.containsKey(key)) {
                    differences.add(new Difference(child, "removed", before.get(key), null));
                } else if (!before.containsKey(key)) {
                    differences.add(new Difference(child, "added", null, after.get(key)));
                } else {
                    compare(child, before.get(key), after.get(key), differences);
                }
            }
        } else if (expected instanceof List<?> before && actual instanceof List<?> after) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                String child = path + "[" + i + "]";
                if (i >= after.size()) {
                    differences.add(new Difference(child, "removed", before.get(i), null));
                } else if (i >= before.size()) {
                    differences.add(new Difference(child, "added", null, after.get(i)));
                } else {
                    compare(child, before.get(i), after.get(i), differences);
                }
            }
        } else if (!same(expected, actual)) {
            differences.add(new Difference(path, "changed", expected, actual));
        }
    }

    private static boolean same(Object expected, Object actual) {
        if (expected instanceof Number a && actual instanceof Number b) {
            try {
                return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
            } catch (NumberFormatException e) {
                return a.doubleValue() == b.doubleValue();
            }
        }
        return Objects.equals(expected, actual);
    }
}
