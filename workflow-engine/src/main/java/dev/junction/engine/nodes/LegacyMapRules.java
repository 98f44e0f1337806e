package dev.junction.engine.nodes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The older form of a map node's config, {@code rules}: a list of {@code {target, expression}} (JavaScript over
 * {@code trigger}, {@code nodes}, {@code vars}) or {@code {target, value}}, read as the equivalent inline mapping.
 * A mapping's expressions see {@code source}, so the converted node maps the scope itself
 * ({@code source: {trigger, nodes, vars}}, of those the expressions name) and each expression is wrapped to see
 * those names again:
 * {@code ((trigger, nodes, vars) => (expression))(source.trigger, source.nodes, source.vars)}. Where two rules wrote
 * the same target, the later one won; only it is kept, in the earlier one's place.
 *
 * <p>When every expression is a plain path from one part of the scope ({@code trigger.sku},
 * {@code trigger.customer.email}), the node maps that part ({@code source: trigger}) and each rule reads its path
 * ({@code from: customer.email}): no JavaScript runs at all, as the rules read such paths in Java before.
 *
 * <p>What differs: a mapping leaves a field out when its value is null (the rules wrote {@code null}); an
 * expression's failure fails the step as a {@code MappingError} (it was an {@code ExpressionError}); a plain path
 * through a missing object leaves its field out (the rules failed with a TypeError).
 */
final class LegacyMapRules {

    static final String RULES = "rules";
    /** The names of the scope a rule's expression may read. */
    private static final List<String> SCOPE = List.of("trigger", "nodes", "vars");
    /**
     * An expression that is only a path of names from one part of the scope; not {@code length} (a list's or a
     * text's length in JavaScript, a field in a mapping's path) nor {@code $…} (a mapping path's own words).
     */
    private static final Pattern PLAIN_PATH = Pattern.compile(
            "\\s*(trigger|nodes|vars)((?:\\s*\\.\\s*(?!length\\b)[A-Za-z_][A-Za-z0-9_]*)+)\\s*");

    private LegacyMapRules() {
    }

    /** The config with its rules turned into an inline mapping; unchanged without rules or with malformed ones. */
    static Map<String, Object> upgrade(Map<String, Object> config) {
        if (!config.containsKey(RULES) || config.containsKey("mapping")
                || !(config.get(RULES) instanceof List<?> rules)
                || !rules.stream().allMatch(LegacyMapRules::wellFormed)) {
            return config;
        }
        Optional<String> root = plainPathsRoot(rules);
        Map<String, Map<String, Object>> byTarget = new LinkedHashMap<>();
        Set<String> read = new LinkedHashSet<>();
        for (Object item : rules) {
            Map<?, ?> rule = (Map<?, ?>) item;
            String target = ((String) rule.get("target")).strip();
            Map<String, Object> converted = new LinkedHashMap<>();
            converted.put("target", target);
            if (rule.get("expression") instanceof String expression && root.isPresent()) {
                converted.put("from", pathAfterRoot(expression));
            } else if (rule.get("expression") instanceof String expression) {
                converted.put("expression", "((trigger, nodes, vars) => (" + expression
                        + "\n))(source.trigger, source.nodes, source.vars)");
                SCOPE.stream().filter(expression::contains).forEach(read::add);
            } else {
                converted.put("value", rule.get("value"));
            }
            // the later rule's value in the earlier one's place: the rules' output had its keys in that order
            byTarget.put(target, converted);
        }
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("schemaVersion", 1L);
        mapping.put("rules", new ArrayList<>(byTarget.values()));
        Map<String, Object> upgraded = new LinkedHashMap<>(config);
        upgraded.remove(RULES);
        upgraded.remove("source");
        upgraded.put("mapping", mapping);
        if (root.isPresent()) {
            upgraded.put("source", root.get());
        } else if (!read.isEmpty()) {
            upgraded.put("source", scopeSource(read));
        }
        return upgraded;
    }

    /** The one part of the scope every expression rule reads a plain path of; empty when not so. */
    private static Optional<String> plainPathsRoot(List<?> rules) {
        Set<String> roots = new LinkedHashSet<>();
        for (Object item : rules) {
            if (((Map<?, ?>) item).get("expression") instanceof String expression) {
                Matcher path = PLAIN_PATH.matcher(expression);
                if (!path.matches()) {
                    return Optional.empty();
                }
                roots.add(path.group(1));
            }
        }
        return roots.size() == 1 ? Optional.of(roots.iterator().next()) : Optional.empty();
    }

    /** The path of a plain-path expression after its root: {@code customer.email} of {@code trigger.customer.email}. */
    private static String pathAfterRoot(String expression) {
        Matcher path = PLAIN_PATH.matcher(expression);
        if (!path.matches()) {
            throw new IllegalArgumentException("not a plain path: " + expression);
        }
        return path.group(2).replaceAll("\\s", "").substring(1);
    }

    /**
     * The source of a converted node: the parts of the step's scope its expressions name, as one object, such as
     * {@code ({trigger: trigger, nodes: nodes, vars: vars})} (a part no expression names is not copied).
     */
    static String scopeSource(Set<String> read) {
        return "({" + SCOPE.stream().filter(read::contains).map(name -> name + ": " + name)
                .collect(Collectors.joining(", ")) + "})";
    }

    /** A rule that converts: {@code {target, expression}} or {@code {target, value}}, nothing blank. */
    private static boolean wellFormed(Object item) {
        return item instanceof Map<?, ?> rule && rule.get("target") instanceof String target && !target.isBlank()
                && (rule.containsKey("expression") != rule.containsKey("value"))
                && (!rule.containsKey("expression") || rule.get("expression") instanceof String expression
                && !expression.isBlank());
    }

    /** The problems of a config of the older form that could not be read as a mapping. */
    static void problems(Map<String, Object> config, NodeCheck check) {
        if (config.containsKey("mapping")) {
            check.problem("", "needs 'mapping' (the id of a stored mapping, or a mapping written inline), not both"
                    + " 'mapping' and 'rules' (the older form of a mapping)");
            return;
        }
        if (!(config.get(RULES) instanceof List<?> rules)) {
            check.problem(RULES, "must be an array of mapping rules");
            return;
        }
        for (int i = 0; i < rules.size(); i++) {
            String path = RULES + "[" + i + "]";
            if (!(rules.get(i) instanceof Map<?, ?> fields)) {
                check.problem(path, "must be an object {target, expression} or {target, value}");
                continue;
            }
            if (!(fields.get("target") instanceof String target) || target.isBlank()) {
                check.problem(path + ".target", "is required: the path of the output field, such as order.id");
            }
            boolean hasExpression = fields.containsKey("expression");
            if (hasExpression == fields.containsKey("value")) {
                check.problem(path, "needs exactly one of 'expression' or 'value', not "
                        + (hasExpression ? "both" : "neither"));
            } else if (hasExpression && fields.get("expression") instanceof String expression
                    && !expression.isBlank()) {
                check.parses(path + ".expression", expression);
            } else if (hasExpression) {
                Object expression = fields.get("expression");
                check.problem(path + ".expression", (expression == null ? "is required"
                        : expression instanceof String ? "must not be blank" : "must be a string") + ": an expression");
            }
        }
    }
}
