package dev.junction.engine.schema;

import dev.junction.engine.mapping.MappingProblem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a value against a {@link JsonSchema}: every missing required field, wrong type, length, enum, format,
 * pattern and range problem, every field a closed object ({@code additionalProperties: false}) does not describe and
 * every list shorter or longer than {@code minItems}/{@code maxItems} allow, each with its path ({@code items[2].sku}).
 * A keyword a schema does not use costs nothing: the compiled {@link Check} holds null for it and tests it once.
 */
public final class SchemaValidator {

    private SchemaValidator() {
    }

    /** The schema's checks, resolved once into a tree (what a compiled mapping validates every output with). */
    public static Check compile(JsonSchema schema) {
        return new Check(schema, 0);
    }

    /** One schema node's checks, with its properties' and items' checks resolved. */
    public static final class Check {

        private final JsonSchema schema;
        private final boolean checksType;
        private final Set<String> types;
        private final boolean integers;
        private final boolean hasTextChecks;
        private final boolean hasNumberChecks;
        /** The enum's options; null when the schema has no enum. */
        private final List<?> enumValues;
        private final Integer maxLength;
        private final BigDecimal minimum;
        private final BigDecimal maximum;
        private final Integer minLength;
        private final Format format;
        private final boolean allowsString;
        private final String[] required;
        private final Map<String, Check> properties;
        private final Check items;
        /** The {@code pattern} of a string, or null. */
        private final java.util.regex.Pattern pattern;
        /** Whether fields the schema does not describe are refused ({@code additionalProperties: false}). */
        private final boolean closed;
        private final Integer minItems;
        private final Integer maxItems;

        private Check(JsonSchema schema, int depth) {
            this(schema, Set.copyOf(schema.types()), !schema.types().isEmpty(), schema.enumeration().orElse(null),
                    schema.integer("minLength").orElse(null), schema.integer("maxLength").orElse(null),
                    schema.format().map(Format::of).orElse(null), schema.number("minimum").orElse(null),
                    schema.number("maximum").orElse(null), schema.required().toArray(String[]::new),
                    children(schema, depth), depth < 32 ? schema.items().map(child -> new Check(child, depth + 1))
                            .orElse(null) : null);
        }

        /** The checks from their resolved parts; which kinds of check run is derived here, for both constructors. */
        private Check(JsonSchema schema, Set<String> types, boolean checksType, List<?> enumValues, Integer minLength,
                      Integer maxLength, Format format, BigDecimal minimum, BigDecimal maximum, String[] required,
                      Map<String, Check> properties, Check items) {
            this.schema = schema;
            this.types = types;
            this.checksType = checksType;
            this.integers = types.contains("integer") || types.contains("number");
            this.allowsString = types.contains("string");
            this.enumValues = enumValues;
            this.minLength = minLength;
            this.maxLength = maxLength;
            this.format = format;
            this.minimum = minimum;
            this.maximum = maximum;
            this.pattern = pattern(schema);
            this.closed = closed(schema);
            this.minItems = schema.raw().containsKey("minItems") ? schema.integer("minItems").orElse(null) : null;
            this.maxItems = schema.raw().containsKey("maxItems") ? schema.integer("maxItems").orElse(null) : null;
            this.hasTextChecks = maxLength != null || minLength != null || format != null || pattern != null;
            this.hasNumberChecks = minimum != null || maximum != null;
            this.required = required;
            this.properties = properties;
            this.items = items;
        }

        private static Map<String, Check> children(JsonSchema schema, int depth) {
            Map<String, Check> children = new java.util.HashMap<>();
            if (depth < 32) {
                schema.properties().forEach((name, child) -> children.put(name, new Check(child, depth + 1)));
            }
            return children;
        }

        /**
         * This check for values of which {@code known} holds: without the type and length checks it proves; null when
         * nothing is left to check (a value that fails a check this leaves out cannot come). Formats, enums and number
         * ranges are always checked; for a value whose type is not known, everything is.
         */
        public Check given(KnownValue known) {
            boolean text = "string".equals(known.type());
            boolean integer = "integer".equals(known.type());
            if (!text && !integer) {
                return this;
            }
            boolean typeKnown = types.contains(known.type()) || integer && types.contains("number");
            Integer min = text && minLength != null && known.minLength() != null && known.minLength() >= minLength
                    ? null : minLength;
            Integer max = text && maxLength != null && known.maxLength() != null && known.maxLength() <= maxLength
                    ? null : maxLength;
            Check reduced = new Check(schema, types, checksType && !typeKnown, enumValues, min, max, format, minimum,
                    maximum, required, properties, items);
            boolean left = reduced.checksType || enumValues != null || text && reduced.hasTextChecks
                    || integer && hasNumberChecks;
            return left ? reduced : null;
        }

        public void validate(Object value, String path, List<MappingProblem> problems) {
            if (value == null || checksType && !typeAllowed(value)) {
                SchemaValidator.validate(schema, value, path, problems);
                return;
            }
            if (enumValues != null && !enumAllows(value)) {
                problems.add(MappingProblem.error(path, "Enum", "must be one of " + schema.enumerationShown()
                        + ", got " + shown(value)));
            }
            if (hasTextChecks && value instanceof String text) {
                checkText(text, path, problems);
            } else if (hasNumberChecks && value instanceof Number number) {
                checkNumber(number, path, problems);
            } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
                validateContainer(value, path, problems);
            }
        }

        private boolean enumAllows(Object value) {
            for (Object option : enumValues) {
                if (same(option, value)) {
                    return true;
                }
            }
            return false;
        }

        private void checkText(String text, String path, List<MappingProblem> problems) {
            int length = maxLength == null && minLength == null ? 0 : text.codePointCount(0, text.length());
            if (maxLength != null && length > maxLength || minLength != null && length < minLength
                    || format != null && !format.holds(text) || pattern != null && !pattern.matcher(text).find()) {
                text(schema, text, path, problems); // reports each of them
            }
        }

        private void checkNumber(Number number, String path, List<MappingProblem> problems) {
            BigDecimal decimal = number instanceof Long || number instanceof Integer
                    ? BigDecimal.valueOf(number.longValue()) : new BigDecimal(number.toString());
            if (minimum != null && decimal.compareTo(minimum) < 0 || maximum != null && decimal.compareTo(maximum) > 0) {
                range(schema, decimal, path, problems);
            }
        }

        private void validateContainer(Object value, String path, List<MappingProblem> problems) {
            if (value instanceof Map<?, ?> object) {
                for (String name : required) {
                    if (object.get(name) == null) {
                        problems.add(MappingProblem.error(join(path, name), "Required", "is required but missing"));
                    }
                }
                if (closed) {
                    unknownFields(schema, object, path, problems);
                }
                if (!properties.isEmpty()) {
                    for (Map.Entry<?, ?> entry : object.entrySet()) {
                        Check child = properties.get(String.valueOf(entry.getKey()));
                        if (child != null && entry.getValue() != null) {
                            child.validate(entry.getValue(), join(path, String.valueOf(entry.getKey())), problems);
                        }
                    }
                }
            } else if (value instanceof List<?> list) {
                if (minItems != null && list.size() < minItems || maxItems != null && list.size() > maxItems) {
                    size(schema, list, path, problems);
                }
                if (items != null) {
                    for (int i = 0; i < list.size(); i++) {
                        items.validate(list.get(i), path + "[" + i + "]", problems);
                    }
                }
            }
        }

        private boolean typeAllowed(Object value) {
            // the common cases without naming the type
            if (value instanceof String) {
                return allowsString;
            }
            if (value instanceof Long || value instanceof Integer) {
                return integers;
            }
            String type = typeOf(value);
            return types.contains(type) || "integer".equals(type) && types.contains("number");
        }
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
        scalar(schema, value, path, problems);
        switch (value) {
            case Map<?, ?> object -> {
                for (String name : schema.required()) {
                    if (object.get(name) == null) {
                        problems.add(MappingProblem.error(join(path, name), "Required", "is required but missing"));
                    }
                }
                if (closed(schema)) {
                    unknownFields(schema, object, path, problems);
                }
                object.forEach((name, child) -> schema.property(String.valueOf(name)).ifPresent(property ->
                        validate(property, child, join(path, String.valueOf(name)), problems)));
            }
            case List<?> list -> {
                size(schema, list, path, problems);
                schema.items().ifPresent(items -> {
                    for (int i = 0; i < list.size(); i++) {
                        validate(items, list.get(i), path + "[" + i + "]", problems);
                    }
                });
            }
            default -> {
            }
        }
    }

    /** The enum, length, format and range checks of one value. */
    private static void scalar(JsonSchema schema, Object value, String path, List<MappingProblem> problems) {
        schema.enumeration().ifPresent(values -> {
            if (values.stream().noneMatch(option -> same(option, value))) {
                problems.add(MappingProblem.error(path, "Enum", "must be one of " + schema.enumerationShown()
                        + ", got " + shown(value)));
            }
        });
        if (value instanceof String text) {
            text(schema, text, path, problems);
        } else if (value instanceof Number number) {
            range(schema, new BigDecimal(number.toString()), path, problems);
        }
    }

    private static void text(JsonSchema schema, String text, String path, List<MappingProblem> problems) {
        int length = text.codePointCount(0, text.length());
        schema.integer("maxLength").filter(max -> length > max).ifPresent(max -> problems.add(MappingProblem.error(
                path, "MaxLength", "must be at most " + max + " characters, got " + length)));
        schema.integer("minLength").filter(min -> length < min).ifPresent(min -> problems.add(MappingProblem.error(
                path, "MinLength", "must be at least " + min + " characters, got " + length)));
        schema.format().ifPresent(format -> {
            if (!Format.of(format).holds(text)) {
                problems.add(MappingProblem.error(path, "Format", "must be a " + format + ", got " + shown(text)));
            }
        });
        java.util.regex.Pattern pattern = pattern(schema);
        if (pattern != null && !pattern.matcher(text).find()) {
            Object description = schema.raw().get("description");
            problems.add(MappingProblem.error(path, "Pattern", "must match " + pattern.pattern()
                    + (description instanceof String hint ? " (" + hint + ")" : "") + ", got " + shown(text)));
        }
    }

    /** The schema's {@code pattern} (ECMA-262 as Java reads it, unanchored like JSON Schema's), or null. */
    private static java.util.regex.Pattern pattern(JsonSchema schema) {
        if (!(schema.raw().get("pattern") instanceof String regex)) {
            return null;
        }
        try {
            return java.util.regex.Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern '" + regex + "' is not a regular expression: "
                    + e.getDescription(), e);
        }
    }

    private static boolean closed(JsonSchema schema) {
        return Boolean.FALSE.equals(schema.raw().get("additionalProperties"));
    }

    /** The fields of {@code object} that a closed schema does not describe (null ones pass: they say nothing). */
    private static void unknownFields(JsonSchema schema, Map<?, ?> object, String path, List<MappingProblem> problems) {
        Set<String> known = schema.properties().keySet();
        object.forEach((name, value) -> {
            if (value != null && !known.contains(String.valueOf(name))) {
                problems.add(MappingProblem.error(join(path, String.valueOf(name)), "Unknown",
                        "is not a field here (known: " + String.join(", ", known) + ")"));
            }
        });
    }

    private static void size(JsonSchema schema, List<?> list, String path, List<MappingProblem> problems) {
        schema.integer("minItems").filter(min -> list.size() < min).ifPresent(min -> problems.add(MappingProblem
                .error(path, "MinItems", "must have at least " + min + " item" + (min == 1 ? "" : "s") + ", got "
                        + list.size())));
        schema.integer("maxItems").filter(max -> list.size() > max).ifPresent(max -> problems.add(MappingProblem
                .error(path, "MaxItems", "must have at most " + max + " item" + (max == 1 ? "" : "s") + ", got "
                        + list.size())));
    }

    /** The formats checked (others are accepted as they come), resolved from the schema's name once. */
    private enum Format {
        DATE_TIME, DATE, EMAIL, URI, UNCHECKED;

        static Format of(String name) {
            return switch (name) {
                case "date-time" -> DATE_TIME;
                case "date" -> DATE;
                case "email" -> EMAIL;
                case "uri" -> URI;
                default -> UNCHECKED;
            };
        }

        boolean holds(String text) {
            try {
                return switch (this) {
                    case DATE_TIME -> OffsetDateTime.parse(text) != null;
                    case DATE -> LocalDate.parse(text) != null;
                    case EMAIL -> isEmail(text);
                    case URI -> java.net.URI.create(text).isAbsolute();
                    case UNCHECKED -> true;
                };
            } catch (DateTimeParseException | IllegalArgumentException e) {
                return false;
            }
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

    /** Something, one {@code @}, something, and no white space (what {@code ^[^@\\s]+@[^@\\s]+$} says). */
    static boolean isEmail(String text) {
        int at = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return false;
            }
        }
        return at > 0 && at < text.length() - 1;
    }

    /** Whether a value is an enum's option: numbers by value (1 is 1.0), anything else by equality. */
    public static boolean same(Object option, Object value) {
        if (option instanceof Number a && value instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return option.equals(value);
    }

    /** The path of a field of the object at {@code path} ({@code billingAddress} + {@code city}; a top field alone). */
    public static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String shown(Object value) {
        return value instanceof String text ? "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\""
                : String.valueOf(value);
    }
}
