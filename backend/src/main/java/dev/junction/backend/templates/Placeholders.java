package dev.junction.backend.templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of a template's definition: {@code ${requirement.<key>}}, {@code ${parameter.<key>}},
 * {@code ${mapping.<key>}}. A string that is exactly one placeholder becomes the value itself (a number stays a
 * number, an inline mapping an object); inside a longer string the value is written as text.
 */
final class Placeholders {

    static final String REQUIREMENT = "requirement";
    static final String PARAMETER = "parameter";
    static final String MAPPING = "mapping";
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(requirement|parameter|mapping)\\.([A-Za-z][A-Za-z0-9_-]*)}");

    /** One placeholder: its kind ({@link #REQUIREMENT}, …) and key. */
    record Ref(String kind, String key) {

        String text() {
            return "${" + kind + "." + key + "}";
        }
    }

    /** What a placeholder stands for: a value per kind and key. */
    interface Values {
        Object value(Ref ref);
    }

    private Placeholders() {
    }

    /** Every placeholder in the value, in document order, each once. */
    static Set<Ref> in(Object value) {
        Set<Ref> found = new LinkedHashSet<>();
        collect(value, found);
        return found;
    }

    private static void collect(Object value, Set<Ref> found) {
        switch (value) {
            case Map<?, ?> map -> map.values().forEach(item -> collect(item, found));
            case List<?> list -> list.forEach(item -> collect(item, found));
            case String text -> {
                Matcher matcher = PLACEHOLDER.matcher(text);
                while (matcher.find()) {
                    found.add(new Ref(matcher.group(1), matcher.group(2)));
                }
            }
            case null, default -> {
            }
        }
    }

    /** A copy of the value with every placeholder replaced. */
    static Object fill(Object value, Values values) {
        return switch (value) {
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((key, item) -> copy.put(String.valueOf(key), fill(item, values)));
                yield copy;
            }
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(item -> copy.add(fill(item, values)));
                yield copy;
            }
            case String text -> fillText(text, values);
            case null, default -> value;
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> fillDefinition(Map<String, Object> definition, Values values) {
        return (Map<String, Object>) fill(definition, values);
    }

    private static Object fillText(String text, Values values) {
        Matcher whole = PLACEHOLDER.matcher(text);
        if (whole.matches()) {
            return values.value(new Ref(whole.group(1), whole.group(2)));
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            Object replacement = values.value(new Ref(matcher.group(1), matcher.group(2)));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(String.valueOf(replacement)));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
