package dev.junction.engine.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one builder of the JSON Schemas Junction describes things with (node configs, operation inputs and outputs,
 * connection settings, mapping documents). Every map it returns keeps its keys in the order they were given, so a
 * form generated from a schema shows fields in the order the author wrote them.
 *
 * <p>Four extensions beyond JSON Schema, read by the forms:
 * <ul>
 *   <li>{@code x-secret: true}: write-only (stored encrypted, never shown again);</li>
 *   <li>{@code x-dependsOn: {"field": [values…]}}: shown and checked only while another field of the same object has
 *       one of those values;</li>
 *   <li>{@code x-expression: true}: the field accepts a JavaScript expression instead of a literal;</li>
 *   <li>{@code x-enumNames: [labels…]}: beside an {@code enum}, the words a form shows for each value, in the same
 *       order (the value is what is stored and sent; a form without it shows the values). The same keyword other
 *       JSON Schema and OpenAPI tools read for enum labels.</li>
 * </ul>
 *
 * <p>Usage: {@code Schemas.object().required("sku", string("Seller SKU")).optional("qty", integer("…")).build()}.
 */
public final class Schemas {

    public static final String SECRET = "x-secret";
    public static final String DEPENDS_ON = "x-dependsOn";
    public static final String EXPRESSION = "x-expression";
    public static final String ENUM_NAMES = "x-enumNames";

    private Schemas() {
    }

    /** An object schema, built property by property in order. */
    public static ObjectBuilder object() {
        return new ObjectBuilder();
    }

    public static Map<String, Object> string(String description) {
        return typed("string", description);
    }

    public static Map<String, Object> string(String description, int maxLength) {
        return with(string(description), "maxLength", maxLength);
    }

    /** A string matching {@code regex} (a JSON Schema {@code pattern}, ECMA-262 flavour kept to what Java reads alike). */
    public static Map<String, Object> pattern(String description, String regex) {
        return with(string(description), "pattern", regex);
    }

    public static Map<String, Object> dateTime(String description) {
        return with(string(description), "format", "date-time");
    }

    public static Map<String, Object> date(String description) {
        return with(string(description), "format", "date");
    }

    public static Map<String, Object> integer(String description) {
        return typed("integer", description);
    }

    public static Map<String, Object> integer(String description, long minimum, long maximum) {
        return with(with(integer(description), "minimum", minimum), "maximum", maximum);
    }

    public static Map<String, Object> number(String description) {
        return typed("number", description);
    }

    public static Map<String, Object> bool(String description) {
        return typed("boolean", description);
    }

    /** A string with one of {@code values}. */
    public static Map<String, Object> oneOf(String description, List<String> values) {
        return with(string(description), "enum", List.copyOf(values));
    }

    public static Map<String, Object> oneOf(String description, String... values) {
        return oneOf(description, Arrays.asList(values));
    }

    /**
     * {@code schema} (one with an {@code enum}) with the words a form shows for its values, in the enum's order.
     */
    public static Map<String, Object> named(List<String> labels, Map<String, Object> schema) {
        if (!(schema.get("enum") instanceof List<?> values) || values.size() != labels.size()) {
            throw new IllegalArgumentException("x-enumNames needs one label per enum value, got " + labels
                    + " for " + schema.get("enum"));
        }
        return with(schema, ENUM_NAMES, List.copyOf(labels));
    }

    public static Map<String, Object> array(String description, Map<String, Object> items) {
        return with(typed("array", description), "items", items);
    }

    public static Map<String, Object> strings(String description) {
        return array(description, Map.of("type", "string"));
    }

    public static Map<String, Object> objects(String description) {
        return array(description, Map.of("type", "object"));
    }

    /** An object whose fields are not described (free-form). */
    public static Map<String, Object> anyObject(String description) {
        return typed("object", description);
    }

    /** A value of any JSON type. */
    public static Map<String, Object> anyValue(String description) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("description", description);
        return schema;
    }

    /** A reference to another schema ({@code #/$defs/Name} or a catalog schema id). */
    public static Map<String, Object> ref(String ref) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$ref", ref);
        return schema;
    }

    /** {@code schema} with a title (the label a form shows). */
    public static Map<String, Object> titled(String title, Map<String, Object> schema) {
        return with(schema, "title", title);
    }

    /** {@code schema} with a default value. */
    public static Map<String, Object> defaulting(Object value, Map<String, Object> schema) {
        return with(schema, "default", value);
    }

    /** {@code schema} marked write-only. */
    public static Map<String, Object> secret(Map<String, Object> schema) {
        return with(schema, SECRET, true);
    }

    /** {@code schema} marked as accepting an expression. */
    public static Map<String, Object> expression(Map<String, Object> schema) {
        return with(schema, EXPRESSION, true);
    }

    /** {@code schema}, applying only while {@code field} of the same object has one of {@code values}. */
    public static Map<String, Object> dependsOn(String field, List<String> values, Map<String, Object> schema) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put(field, List.copyOf(values));
        return with(schema, DEPENDS_ON, condition);
    }

    /** A copy of {@code schema} with {@code key} set to {@code value} (last, or in its old place when present). */
    public static Map<String, Object> with(Map<String, Object> schema, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        copy.put(key, Objects.requireNonNull(value, key));
        return copy;
    }

    private static Map<String, Object> typed(String type, String description) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        if (description != null) {
            schema.put("description", description);
        }
        return schema;
    }

    /** Builds an object schema; properties keep the order they were added in. */
    public static final class ObjectBuilder {

        private final Map<String, Object> properties = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();
        private final Map<String, Object> extra = new LinkedHashMap<>();
        private Boolean additionalProperties;

        private ObjectBuilder() {
        }

        public ObjectBuilder required(String name, Map<String, Object> schema) {
            optional(name, schema);
            required.add(name);
            return this;
        }

        public ObjectBuilder optional(String name, Map<String, Object> schema) {
            if (properties.putIfAbsent(Objects.requireNonNull(name, "name"), Objects.requireNonNull(schema, name))
                    != null) {
                throw new IllegalArgumentException("property " + name + " is described twice");
            }
            return this;
        }

        /** Refuse fields the schema does not describe ({@code additionalProperties: false}). */
        public ObjectBuilder closed() {
            additionalProperties = false;
            return this;
        }

        public ObjectBuilder description(String description) {
            extra.put("description", description);
            return this;
        }

        public ObjectBuilder title(String title) {
            extra.put("title", title);
            return this;
        }

        /** Any other keyword ({@code x-…}, {@code examples}, {@code $defs}). */
        public ObjectBuilder keyword(String key, Object value) {
            extra.put(key, value);
            return this;
        }

        public Map<String, Object> build() {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            if (extra.containsKey("title")) {
                schema.put("title", extra.get("title"));
            }
            if (extra.containsKey("description")) {
                schema.put("description", extra.get("description"));
            }
            schema.put("properties", new LinkedHashMap<>(properties));
            if (!required.isEmpty()) {
                schema.put("required", List.copyOf(required));
            }
            if (additionalProperties != null) {
                schema.put("additionalProperties", additionalProperties);
            }
            extra.forEach(schema::putIfAbsent);
            return schema;
        }
    }
}
