package dev.junction.engine.mapping.schema;

import dev.junction.engine.mapping.MappingProblem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a value against a {@link JsonSchema}: every missing required field, wrong type, length, enum, format and
 * range problem, each with its path ({@code items[2].sku}).
 */
public final class SchemaValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private SchemaValidator() {
    }

    public static void validate(JsonSchema schema, Object value, String path, List<MappingProblem> problems) {
        if (value == null) {
            if (!schema.types().isEmpty() && !schema.types().contains("null")) {
                problems.add(MappingProblem.error(path, "Type", "must be " + String.join(" or ", schema.types())
                        + ", got nothing"));
            }
            return;
        }
        String type = typeOf(value);
        Set<String> allowed = schema.types();
        if (!allowed.isEmpty() && !allowed.contains(type) && !("integer".equals(type) && allowed.contains("number"))) {
            problems.add(MappingProblem.error(path, "Type", "must be " + String.join(" or ", allowed) + ", got "
                    + type));
            return;
        }
        schema.enumeration().ifPresent(values -> {
            if (values.stream().noneMatch(option -> same(option, value))) {
                problems.add(MappingProblem.error(path, "Enum", "must be one of " + values + ", got " + shown(value)));
            }
        });
        switch (value) {
            case String text -> text(schema, text, path, problems);
            case Number number -> range(schema, new BigDecimal(number.toString()), path, problems);
            case Map<?, ?> object -> {
                for (String name : schema.required()) {
                    if (object.get(name) == null) {
                        problems.add(MappingProblem.error(join(path, name), "Required", "is required but missing"));
                    }
                }
                object.forEach((name, child) -> schema.property(String.valueOf(name)).ifPresent(property ->
                        validate(property, child, join(path, String.valueOf(name)), problems)));
            }
            case List<?> list -> schema.items().ifPresent(items -> {
                for (int i = 0; i < list.size(); i++) {
                    validate(items, list.get(i), path + "[" + i + "]", problems);
                }
            });
            default -> {
            }
        }
    }

    private static void text(JsonSchema schema, String text, String path, List<MappingProblem> problems) {
        int length = text.codePointCount(0, text.length());
        schema.integer("maxLength").filter(max -> length > max).ifPresent(max -> problems.add(MappingProblem.error(
                path, "MaxLength", "must be at most " + max + " characters, got " + length)));
        schema.integer("minLength").filter(min -> length < min).ifPresent(min -> problems.add(MappingProblem.error(
                path, "MinLength", "must be at least " + min + " characters, got " + length)));
        schema.format().ifPresent(format -> {
            if (!formatHolds(format, text)) {
                problems.add(MappingProblem.error(path, "Format", "must be a " + format + ", got " + shown(text)));
            }
        });
    }

    private static boolean formatHolds(String format, String text) {
        try {
            return switch (format) {
                case "date-time" -> OffsetDateTime.parse(text) != null;
                case "date" -> LocalDate.parse(text) != null;
                case "email" -> EMAIL.matcher(text).matches();
                case "uri" -> java.net.URI.create(text).isAbsolute();
                default -> true;
            };
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void range(JsonSchema schema, BigDecimal number, String path, List<MappingProblem> problems) {
        schema.number("minimum").filter(min -> number.compareTo(min) < 0).ifPresent(min -> problems.add(
                MappingProblem.error(path, "Minimum", "must be at least " + min.toPlainString() + ", got "
                        + number.toPlainString())));
        schema.number("maximum").filter(max -> number.compareTo(max) > 0).ifPresent(max -> problems.add(
                MappingProblem.error(path, "Maximum", "must be at most " + max.toPlainString() + ", got "
                        + number.toPlainString())));
    }

    static String typeOf(Object value) {
        return switch (value) {
            case String s -> "string";
            case Boolean b -> "boolean";
            case Long l -> "integer";
            case Integer i -> "integer";
            case BigDecimal d -> d.stripTrailingZeros().scale() <= 0 ? "integer" : "number";
            case Number n -> n.doubleValue() == Math.rint(n.doubleValue()) ? "integer" : "number";
            case Map<?, ?> m -> "object";
            case List<?> l -> "array";
            default -> value.getClass().getSimpleName();
        };
    }

    private static boolean same(Object option, Object value) {
        if (option instanceof Number a && value instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return option.equals(value);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String shown(Object value) {
        return value instanceof String text ? "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\""
                : String.valueOf(value);
    }
}
