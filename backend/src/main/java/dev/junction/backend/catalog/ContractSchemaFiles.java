package dev.junction.backend.catalog;

import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.mapping.MappingJson;
import dev.junction.engine.json.PayloadJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the JSON Schemas the browser's TypeScript types are generated from (the ui build runs this in
 * {@code generate-sources}, then {@code json-schema-to-typescript} over the files): one file per contract shared
 * with the browser, named {@code <name>.schema.json}.
 *
 * <p>Each is the published schema with its conditional parts ({@code if}/{@code then}/{@code else}, e.g. the config
 * a node of one type must have) left out: they narrow which values are valid, which the server checks, and a
 * TypeScript type cannot say; left in, the generator gives up on the whole object and types it as "anything". The
 * same goes for a {@code oneOf}/{@code anyOf} whose every choice only lists required fields (a mapping rule needs
 * exactly one of from, value, expression, forEach): a rule on which fields go together, not a shape.
 *
 * <p>Usage: {@code ContractSchemaFiles <directory>}.
 */
public final class ContractSchemaFiles {

    private static final Set<String> CONDITIONAL = Set.of("if", "then", "else");
    /** Keywords whose value maps names (of properties, of definitions) to schemas. */
    private static final Set<String> NAMED_SCHEMAS = Set.of("properties", "$defs", "definitions", "patternProperties");

    private ContractSchemaFiles() {
    }

    /** Each contract's file name (without {@code .schema.json}) and its published schema. */
    public static Map<String, String> contracts() {
        Map<String, String> contracts = new LinkedHashMap<>();
        contracts.put("workflow", DefinitionJson.schema());
        contracts.put("catalog", CatalogSchema.json());
        contracts.put("mapping", MappingJson.schemaJson());
        return contracts;
    }

    /** The schema without its conditional parts (see the class comment). */
    static Object withoutConditions(Object schema) {
        if (schema instanceof Map<?, ?> node) {
            Map<String, Object> copy = new LinkedHashMap<>();
            node.forEach((key, value) -> {
                if (NAMED_SCHEMAS.contains(key) && value instanceof Map<?, ?> named) {
                    Map<String, Object> schemas = new LinkedHashMap<>();
                    named.forEach((name, child) -> schemas.put((String) name, withoutConditions(child)));
                    copy.put((String) key, schemas);
                } else if (!CONDITIONAL.contains(key)) {
                    copy.put((String) key, withoutConditions(value));
                }
            });
            for (String choice : List.of("oneOf", "anyOf")) {
                if (copy.get(choice) instanceof List<?> choices && choices.stream().allMatch(
                        option -> option instanceof Map<?, ?> map && map.keySet().equals(Set.of("required")))) {
                    copy.remove(choice);
                }
            }
            if (copy.get("allOf") instanceof List<?> parts) {
                List<Object> kept = new ArrayList<>(parts);
                kept.removeIf(part -> part instanceof Map<?, ?> map && map.isEmpty());
                if (kept.isEmpty()) {
                    copy.remove("allOf");
                } else {
                    copy.put("allOf", kept);
                }
            }
            return copy;
        }
        if (schema instanceof List<?> list) {
            return list.stream().map(ContractSchemaFiles::withoutConditions).toList();
        }
        return schema;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ContractSchemaFiles <directory to write the schemas into>");
        }
        Path directory = Files.createDirectories(Path.of(args[0]));
        for (Map.Entry<String, String> contract : contracts().entrySet()) {
            Files.writeString(directory.resolve(contract.getKey() + ".schema.json"),
                    PayloadJson.write(withoutConditions(PayloadJson.read(contract.getValue()))),
                    StandardCharsets.UTF_8);
        }
    }
}
