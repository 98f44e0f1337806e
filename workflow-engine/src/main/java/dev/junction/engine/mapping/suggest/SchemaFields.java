package dev.junction.engine.mapping.suggest;

import dev.junction.engine.schema.JsonSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flattens a schema into the fields of one scope: objects become dotted paths, a list of objects becomes one
 * {@link Field.Kind#LIST} field (its elements are another scope), a list of scalars is a leaf.
 */
final class SchemaFields {

    private static final int MAX_DEPTH = 16;

    private final NameSplitter splitter;

    SchemaFields(NameSplitter splitter) {
        this.splitter = splitter;
    }

    /** The fields of an object schema; {@code schemaPrefix} is the scope's absolute path ("" or "OrderItems[]."). */
    List<Field> fields(JsonSchema scope, String schemaPrefix) {
        List<Field> fields = new ArrayList<>();
        collect(scope, List.of(), schemaPrefix, true, fields, 0);
        return fields;
    }

    private void collect(JsonSchema node, List<String> segments, String schemaPrefix, boolean required,
                         List<Field> fields, int depth) {
        Map<String, JsonSchema> properties = node.properties();
        if (depth > MAX_DEPTH) {
            return;
        }
        if (!properties.isEmpty()) {
            List<String> requiredNames = node.required();
            properties.forEach((name, child) -> {
                List<String> path = new ArrayList<>(segments);
                path.add(name);
                collect(child, path, schemaPrefix, required && requiredNames.contains(name), fields, depth + 1);
            });
            return;
        }
        if (segments.isEmpty()) {
            return;
        }
        String path = String.join(".", segments);
        boolean listOfObjects = node.types().contains("array")
                && node.items().map(items -> !items.properties().isEmpty()).orElse(false);
        fields.add(new Field(path, schemaPrefix + path, splitter.name(segments), node,
                listOfObjects ? Field.Kind.LIST : Field.Kind.LEAF, required));
    }
}
