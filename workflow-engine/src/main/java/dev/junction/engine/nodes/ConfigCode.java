package dev.junction.engine.nodes;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A piece of the user's code in a node's config, at its JSON path; {@code script} for a function body. */
public record ConfigCode(String path, String text, boolean script) {

    private static final Pattern TEMPLATE_PART = Pattern.compile("\\{\\{(.+?)}}", Pattern.DOTALL);

    /** Adds {@code value} when it is a non-blank expression. */
    static void expression(Object value, String path, List<ConfigCode> found) {
        if (value instanceof String text && !text.isBlank()) {
            found.add(new ConfigCode(path, text, false));
        }
    }

    /** Adds the {@code {{ … }}} parts of every text in a computed value (an object, an array or a text). */
    static void templates(Object value, String path, List<ConfigCode> found) {
        switch (value) {
            case String text -> {
                Matcher part = TEMPLATE_PART.matcher(text);
                while (part.find()) {
                    found.add(new ConfigCode(path, part.group(1).strip(), false));
                }
            }
            case Map<?, ?> map -> map.forEach((key, item) -> templates(item, path + "." + key, found));
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    templates(list.get(i), path + "[" + i + "]", found);
                }
            }
            case null, default -> {
            }
        }
    }
}
