package dev.junction.engine.mapping.suggest;

import dev.junction.engine.schema.JsonSchema;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One field of a schema as suggestions see it: a leaf (a scalar, or a list of scalars) or a list of objects (a
 * {@code forEach} candidate). {@code path} is what a rule writes in its scope ({@code ShippingAddress.PostalCode},
 * {@code $root.OrderTotal.CurrencyCode}, {@code $index}); {@code schemaPath} the absolute path with {@code []} for
 * list elements ({@code OrderItems[].SellerSKU}).
 */
record Field(String path, String schemaPath, Name name, JsonSchema schema, Kind kind, boolean required) {

    enum Kind {
        /** A scalar or a list of scalars. */
        LEAF,
        /** A list of objects: its elements are matched by a forEach. */
        LIST,
        /** A field of the whole record read from inside a forEach ({@code $root.…}). */
        ROOT,
        /** The element's position inside a forEach ({@code $index}). */
        INDEX
    }

    boolean isLeaf() {
        return kind != Kind.LIST;
    }

    /** The JSON type that matters: array, object, integer, number, boolean (also for "boolean or string"), string; any. */
    String type() {
        Set<String> types = schema.types();
        for (String type : new String[]{"array", "object", "integer", "number", "boolean", "string"}) {
            if (types.contains(type)) {
                return type;
            }
        }
        return "any";
    }

    boolean allowsText() {
        return schema.types().contains("string");
    }

    Optional<String> format() {
        return schema.format();
    }

    Optional<Integer> maxLength() {
        return schema.integer("maxLength");
    }

    Optional<Integer> minLength() {
        return schema.integer("minLength");
    }

    String description() {
        return schema.raw().get("description") instanceof String text ? text.toLowerCase(Locale.ROOT) : "";
    }
}
