package dev.junction.backend.templates;

import dev.junction.backend.api.InvalidInputException.FieldProblem;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Parameter values as an installer gives them, checked against the template's parameters and typed. */
final class ParameterValues {

    static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "enum", "cron");
    private static final Pattern CRON_FIELD = Pattern.compile("\\S+");

    private ParameterValues() {
    }

    /**
     * The value of every parameter: the given one (checked and typed), else the default. Problems are added under
     * {@code <field>.<key>}; a key the template has no parameter for is a problem too.
     */
    static Map<String, Object> resolve(Template template, Map<String, Object> given, String field,
                                       List<FieldProblem> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : given.keySet()) {
            if (template.parameters().stream().noneMatch(parameter -> parameter.key().equals(key))) {
                problems.add(new FieldProblem(field + "." + key, "is not a parameter of template '" + template.id()
                        + "'; its parameters: " + template.parameters().stream().map(Template.Parameter::key)
                        .toList()));
            }
        }
        for (Template.Parameter parameter : template.parameters()) {
            Object value = given.get(parameter.key());
            if (value == null || (value instanceof String text && text.isBlank())) {
                value = parameter.defaultValue();
            }
            if (value == null) {
                if (Boolean.TRUE.equals(parameter.required())) {
                    problems.add(new FieldProblem(field + "." + parameter.key(), "is required: " + parameter.label()));
                }
                continue;
            }
            String problem = problemOf(parameter, value);
            if (problem != null) {
                problems.add(new FieldProblem(field + "." + parameter.key(), problem));
            } else {
                values.put(parameter.key(), typed(parameter, value));
            }
        }
        return values;
    }

    /** What is wrong with the value for the parameter, or null. */
    static String problemOf(Template.Parameter parameter, Object value) {
        return switch (parameter.type()) {
            case "string" -> value instanceof String ? null : "must be text, was " + value;
            case "integer" -> integer(value) == null ? "must be a whole number, was " + value : null;
            case "number" -> number(value) == null ? "must be a number, was " + value : null;
            case "boolean" -> value instanceof Boolean || "true".equals(value) || "false".equals(value) ? null
                    : "must be true or false, was " + value;
            case "enum" -> parameter.options().contains(String.valueOf(value)) ? null
                    : "must be one of " + parameter.options() + ", was " + value;
            case "cron" -> value instanceof String text && cronFields(text) ? null
                    : "must be a Quartz cron expression of 6 or 7 fields, seconds first (e.g. 0 */15 * * * ?), was "
                    + value;
            default -> "has the unknown type '" + parameter.type() + "'";
        };
    }

    private static Object typed(Template.Parameter parameter, Object value) {
        return switch (parameter.type()) {
            case "integer" -> integer(value);
            case "number" -> number(value);
            case "boolean" -> value instanceof Boolean flag ? flag : Boolean.valueOf(String.valueOf(value));
            default -> String.valueOf(value);
        };
    }

    private static Long integer(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        try {
            BigDecimal number = new BigDecimal(String.valueOf(value).strip());
            return number.stripTrailingZeros().scale() <= 0 ? number.longValueExact() : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static Object number(Object value) {
        if (value instanceof Number number) {
            return number;
        }
        try {
            return new BigDecimal(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean cronFields(String text) {
        String[] fields = text.strip().split("\\s+");
        return (fields.length == 6 || fields.length == 7) && CRON_FIELD.matcher(fields[0]).matches();
    }
}
