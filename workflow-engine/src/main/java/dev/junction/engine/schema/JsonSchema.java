package dev.junction.engine.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One node of a JSON Schema (the subset mappings use: type, properties, required, items, maxLength, minLength,
 * enum, format, minimum, maximum, {@code $ref} to {@code #/$defs/…}), over the plain maps the JSON was read into.
 * A schema without {@code type} accepts any value; an empty schema ({@link #ANY}) stands for "not described".
 */
public final class JsonSchema {

    public static final JsonSchema ANY = new JsonSchema(Map.of(), Map.of());
    private static final int MAX_REF_DEPTH = 32;

    private final Map<String, Object> node;
    private final Map<String, Object> root;

    private JsonSchema(Map<String, Object> node, Map<String, Object> root) {
        this.node = node;
        this.root = root;
    }

    /** The schema whose document is {@code root}. */
    @SuppressWarnings("unchecked")
    public static JsonSchema of(Map<String, ?> root) {
        Map<String, Object> document = (Map<String, Object>) root;
        return new JsonSchema(document, document).resolved(0);
    }

    /**
     * The first {@code $ref} anywhere in the document that does not name an entry of its {@code #/$defs} (the only
     * references mappings resolve), if any: check a schema a user gave before working with it.
     */
    public static Optional<String> unresolvedRef(Map<String, ?> root) {
        return unresolvedRef(root, root);
    }

    private static Optional<String> unresolvedRef(Object value, Map<String, ?> root) {
        if (value instanceof Map<?, ?> node) {
            if (node.get("$ref") instanceof String ref && !resolves(ref, root)) {
                return Optional.of(ref);
            }
            return node.values().stream().map(child -> unresolvedRef(child, root)).flatMap(Optional::stream)
                    .findFirst();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(child -> unresolvedRef(child, root)).flatMap(Optional::stream).findFirst();
        }
        return Optional.empty();
    }

    private static boolean resolves(String ref, Map<String, ?> root) {
        return ref.startsWith("#/$defs/") && root.get("$defs") instanceof Map<?, ?> defs
                && defs.get(ref.substring("#/$defs/".length())) instanceof Map<?, ?>;
    }

    @SuppressWarnings("unchecked")
    private JsonSchema resolved(int depth) {
        Object ref = node.get("$ref");
        if (!(ref instanceof String text) || depth > MAX_REF_DEPTH) {
            return this;
        }
        if (!text.startsWith("#/$defs/") || !(root.get("$defs") instanceof Map<?, ?> defs)
                || !(defs.get(text.substring("#/$defs/".length())) instanceof Map<?, ?> target)) {
            throw new IllegalArgumentException("$ref '" + text + "' does not name an entry of #/$defs");
        }
        return new JsonSchema((Map<String, Object>) target, root).resolved(depth + 1);
    }

    @SuppressWarnings("unchecked")
    private Optional<JsonSchema> child(Object value) {
        return value instanceof Map<?, ?> map ? Optional.of(new JsonSchema((Map<String, Object>) map, root).resolved(0))
                : Optional.empty();
    }

    /** The node as written (what a function sees as its target field's schema). */
    public Map<String, Object> raw() {
        return node;
    }

    public boolean isDescribed() {
        return !node.isEmpty();
    }

    /** The types allowed; empty when any is. */
    public Set<String> types() {
        Object type = node.get("type");
        Set<String> types = new LinkedHashSet<>();
        if (type instanceof String text) {
            types.add(text);
        } else if (type instanceof List<?> list) {
            list.forEach(item -> types.add(String.valueOf(item)));
        }
        return types;
    }

    public Optional<JsonSchema> property(String name) {
        return node.get("properties") instanceof Map<?, ?> properties ? child(properties.get(name)) : Optional.empty();
    }

    /** Whether the object may have a property of this name (it is listed, or the object's properties are not). */
    public boolean allowsProperty(String name) {
        return !(node.get("properties") instanceof Map<?, ?> properties) || properties.containsKey(name);
    }

    public Map<String, JsonSchema> properties() {
        Map<String, JsonSchema> properties = new java.util.LinkedHashMap<>();
        if (node.get("properties") instanceof Map<?, ?> map) {
            map.forEach((name, schema) -> child(schema).ifPresent(child -> properties.put((String) name, child)));
        }
        return properties;
    }

    public Optional<JsonSchema> items() {
        return child(node.get("items"));
    }

    public List<String> required() {
        List<String> required = new ArrayList<>();
        if (node.get("required") instanceof List<?> list) {
            list.forEach(item -> required.add(String.valueOf(item)));
        }
        return required;
    }

    public Optional<Integer> integer(String keyword) {
        return node.get(keyword) instanceof Number number ? Optional.of(number.intValue()) : Optional.empty();
    }

    public Optional<java.math.BigDecimal> number(String keyword) {
        return node.get(keyword) instanceof Number number ? Optional.of(new java.math.BigDecimal(number.toString()))
                : Optional.empty();
    }

    public Optional<List<?>> enumeration() {
        return node.get("enum") instanceof List<?> list ? Optional.of(list) : Optional.empty();
    }

    /**
     * The enum's options as a form shows them: each value's {@code x-enumNames} label with the value in brackets
     * ({@code Adaptive Card (adaptive)}), or the bare values when the schema names none (or names them wrongly).
     */
    public List<String> enumerationShown() {
        List<?> values = enumeration().orElse(List.of());
        if (!(node.get(Schemas.ENUM_NAMES) instanceof List<?> names) || names.size() != values.size()) {
            return values.stream().map(String::valueOf).toList();
        }
        List<String> shown = new java.util.ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String value = String.valueOf(values.get(i));
            String name = String.valueOf(names.get(i));
            shown.add(name.equals(value) ? value : name + " (" + value + ")");
        }
        return shown;
    }

    public Optional<String> format() {
        return node.get("format") instanceof String format ? Optional.of(format) : Optional.empty();
    }

    /**
     * The schema at a dotted path of property names ({@code billingAddress.address1}); {@code []} steps into an
     * array's items ({@code items[].sku}). Empty when the path leaves what the schema describes.
     */
    public Optional<JsonSchema> at(String path) {
        JsonSchema current = this;
        for (String part : path.split("\\.")) {
            boolean array = part.endsWith("[]");
            String name = array ? part.substring(0, part.length() - 2) : part;
            if (!name.isEmpty()) {
                Optional<JsonSchema> next = current.property(name);
                if (next.isEmpty()) {
                    if (current.node.get("properties") instanceof Map<?, ?> || !current.isDescribed()) {
                        return current.isDescribed() ? Optional.empty() : Optional.of(ANY);
                    }
                    return Optional.empty();
                }
                current = next.get();
            }
            if (array) {
                current = current.items().orElse(ANY);
            }
        }
        return Optional.of(current);
    }

    /** Every leaf path of the schema ({@code OrderItems[].SellerSKU}), in document order. */
    public List<String> leafPaths() {
        List<String> paths = new ArrayList<>();
        collect("", this, paths, 0);
        return paths;
    }

    private static void collect(String prefix, JsonSchema schema, List<String> paths, int depth) {
        Map<String, JsonSchema> properties = schema.properties();
        if (depth > MAX_REF_DEPTH) {
            return;
        }
        if (!properties.isEmpty()) {
            properties.forEach((name, child) -> collect(prefix.isEmpty() ? name : prefix + "." + name, child, paths,
                    depth + 1));
        } else if (schema.types().contains("array") && schema.items().isPresent()) {
            collect(prefix + "[]", schema.items().get(), paths, depth + 1);
        } else if (!prefix.isEmpty()) {
            paths.add(prefix);
        }
    }
}
