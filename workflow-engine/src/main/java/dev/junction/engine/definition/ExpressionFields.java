package dev.junction.engine.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's code a node's config holds, each piece with its JSON path: expressions (branch conditions, forEach
 * items, lookup keys, …), scripts, and the {@code {{ expression }}} parts of computed texts (a connector's or a
 * wait-until's {@code input}, a notify node's {@code message}). What the interpreter evaluates of a node, listed
 * in one place so that checks of it cover every field.
 */
final class ExpressionFields {

    private static final Pattern TEMPLATE_PART = Pattern.compile("\\{\\{(.+?)}}", Pattern.DOTALL);

    private ExpressionFields() {
    }

    /** A piece of code at a JSON path; {@code script} for a function body, else an expression. */
    record Code(String path, String text, boolean script) {
    }

    /** Every piece of code of the node (config paths under {@code configPath}), in the order of its fields. */
    static List<Code> of(Node node, String configPath) {
        List<Code> found = new ArrayList<>();
        Map<String, Object> config = node.config();
        NodeType type = NodeType.fromJson(node.type()).orElse(null);
        if (type == null) {
            return found;
        }
        switch (type) {
            case CONNECTOR -> templates(config.get("input"), configPath + ".input", found);
            case MAP -> {
                expression(config.get("source"), configPath + ".source", found);
                if (config.get("rules") instanceof List<?> rules) {
                    for (int i = 0; i < rules.size(); i++) {
                        if (rules.get(i) instanceof Map<?, ?> rule) {
                            expression(rule.get("expression"), configPath + ".rules[" + i + "].expression", found);
                        }
                    }
                }
            }
            case BRANCH -> {
                if (config.get("conditions") instanceof List<?> conditions) {
                    for (int i = 0; i < conditions.size(); i++) {
                        if (conditions.get(i) instanceof Map<?, ?> condition) {
                            expression(condition.get("expression"),
                                    configPath + ".conditions[" + i + "].expression", found);
                        }
                    }
                }
            }
            case FOR_EACH -> expression(config.get("items"), configPath + ".items", found);
            case SCRIPT -> {
                if (config.get("code") instanceof String code) {
                    found.add(new Code(configPath + ".code", code, true));
                }
            }
            case LOOKUP -> expression(config.get("key"), configPath + ".key", found);
            case DELAY -> expression(config.get("until"), configPath + ".until", found);
            case SUBFLOW -> expression(config.get("input"), configPath + ".input", found);
            case NOTIFY -> templates(config.get("message"), configPath + ".message", found);
            case WAIT_UNTIL -> {
                templates(config.get("input"), configPath + ".input", found);
                if (config.get("condition") instanceof String condition) {
                    expression(WaitUntilConfig.conditionExpression(condition), configPath + ".condition", found);
                }
            }
        }
        return found;
    }

    private static void expression(Object value, String path, List<Code> found) {
        if (value instanceof String text && !text.isBlank()) {
            found.add(new Code(path, text, false));
        }
    }

    /** The {@code {{ … }}} parts of every text in a computed value (an object, an array or a text). */
    private static void templates(Object value, String path, List<Code> found) {
        switch (value) {
            case String text -> {
                Matcher part = TEMPLATE_PART.matcher(text);
                while (part.find()) {
                    found.add(new Code(path, part.group(1).strip(), false));
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
