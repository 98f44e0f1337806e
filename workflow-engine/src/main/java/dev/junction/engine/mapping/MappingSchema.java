package dev.junction.engine.mapping;

import dev.junction.engine.json.JsonValues;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.schema.Schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.junction.engine.schema.Schemas.anyValue;
import static dev.junction.engine.schema.Schemas.array;
import static dev.junction.engine.schema.Schemas.expression;
import static dev.junction.engine.schema.Schemas.object;
import static dev.junction.engine.schema.Schemas.ref;
import static dev.junction.engine.schema.Schemas.string;
import static dev.junction.engine.schema.Schemas.titled;
import static dev.junction.engine.schema.Schemas.with;

/**
 * The JSON form of a mapping as a JSON Schema ({@link MappingJson#schema()}): the shape editors build forms and
 * types from. The schema says the shape; {@link MappingJson} and {@link MappingCompiler} check more than a schema
 * can (a target the target schema has, a known function and its arguments, exactly one source per rule).
 */
final class MappingSchema {

    private static final String EXAMPLE_RESOURCE = "mapping.example.json";
    private static final String PATH_HELP = " Special paths: $index (the element's index inside forEach), $root.… (the"
            + " whole record from inside forEach), $parent.… (the enclosing element).";

    static final Map<String, Object> SCHEMA = JsonValues.immutableObject(build());
    static final String TEXT = PayloadJson.write(SCHEMA);

    private MappingSchema() {
    }

    private static Map<String, Object> build() {
        Map<String, Object> defs = new LinkedHashMap<>();
        defs.put("SchemaReference", object()
                .title("Schema")
                .description("The schema of the records read (source) or made (target).")
                .required("schema", with(anyValue("A shipped schema's id (GET /api/v1/mappings/schemas, e.g."
                        + " \"sp-api/Order\") or a JSON Schema written inline."), "type", List.of("string", "object")))
                .closed().build());
        defs.put("Rule", object()
                .title("Rule")
                .description("Fills one target path. Exactly one of from, value, expression, forEach says where the"
                        + " value comes from; pipe, valueMap, lookup and default shape it, in that order.")
                .required("target", titled("Target", Schemas.pattern("The dotted target path it fills"
                        + " (\"billingAddress.address1\"); inside forEach, relative to the list's element.",
                        "^\\s*[\\w@$][\\w@$:-]*(\\.[\\w@$][\\w@$:-]*)*\\s*$")))
                .optional("description", titled("Description", string("A note for people.")))
                .optional("from", titled("From", with(with(anyValue("A source path (\"OrderTotal.Amount\","
                        + " \"OrderItems[0].SellerSKU\"), or a list of them: the pipeline then starts with the list of"
                        + " their values." + PATH_HELP), "type", List.of("string", "array")), "items",
                        Map.of("type", "string"))))
                .optional("value", titled("Value", anyValue("A constant: any JSON value.")))
                .optional("expression", titled("Expression", expression(string("JavaScript over source (the record,"
                        + " or the element inside forEach), root and index; runs sandboxed."))))
                .optional("forEach", titled("For each", string("A source path to a list: the target becomes a list"
                        + " with one element per source element, filled by the nested rules. [] goes through lists:"
                        + " \"Shipments[].Packages\" is every package of every shipment, in order ($parent: the"
                        + " shipment).")))
                .optional("where", titled("Filter", with(ref("#/$defs/When"), "description", "forEach only: the"
                        + " elements kept, a condition read relative to each element (after flattening, before"
                        + " sortBy).")))
                .optional("sortBy", titled("Sort", array("forEach only: the keys the kept elements are sorted by,"
                        + " stably, in order (numbers numerically, text by code point, false before true; missing"
                        + " or null last either way).", ref("#/$defs/SortKey"))))
                .optional("groupBy", titled("Group by", string("forEach only: a source path relative to the element;"
                        + " one target element per distinct value, in first-seen order, whose rules read"
                        + " {\"key\": value, \"items\": [elements]}.")))
                .optional("rules", titled("Rules", array("The rules that fill each element of a forEach rule's"
                        + " list.", ref("#/$defs/Rule"))))
                .optional("pipe", titled("Pipe", array("Built-in functions applied in order.",
                        ref("#/$defs/PipeStep"))))
                .optional("valueMap", titled("Value map", with(anyValue("A value map's name (shipped or stored) or"
                        + " one inline: {\"entries\": {…}, \"unmapped\": \"error\" | \"default\" | \"passThrough\","
                        + " \"default\": …, \"caseInsensitive\": true}. Applied after pipe."), "type",
                        List.of("string", "object"))))
                .optional("lookup", titled("Lookup", string("A lookup table's name (SKU → ASIN …); applied after"
                        + " valueMap.")))
                .optional("default", titled("Default", anyValue("The value when the result is nothing.")))
                .optional("when", titled("When", ref("#/$defs/When")))
                .closed()
                .keyword("oneOf", List.of(Map.of("required", List.of("from")), Map.of("required", List.of("value")),
                        Map.of("required", List.of("expression")), Map.of("required", List.of("forEach", "rules"))))
                .build());
        defs.put("SortKey", object()
                .title("Sort key")
                .description("One key of a forEach rule's sortBy.")
                .required("path", titled("Path", string("The source path sorted by, relative to the element.")))
                .optional("descending", titled("Descending", Schemas.bool("Largest first (missing or null values"
                        + " still come last).")))
                .closed().build());
        defs.put("PipeStep", object()
                .title("Function step")
                .description("A built-in function (GET /api/v1/mappings/functions lists them with their parameters)"
                        + " applied to the value flowing through.")
                .required("fn", titled("Function", string("The function's name, e.g. \"toMinorUnits\".")))
                .optional("args", titled("Arguments", array("Its arguments besides the value: each a constant or"
                        + " {\"from\": path} (a value of the same record).", anyValue("A constant, or"
                        + " {\"from\": path}."))))
                .closed().build());
        defs.put("When", object()
                .title("Condition")
                .description("The rule is skipped unless this holds: the value at from (through the predicate fn"
                        + " when given) is true, or the expression is.")
                .optional("from", titled("From", string("A source path." + PATH_HELP)))
                .optional("fn", titled("Predicate", string("A function giving true or false (isTrue, equals …).")))
                .optional("args", titled("Arguments", array("The predicate's arguments.", anyValue("A constant,"
                        + " or {\"from\": path}."))))
                .optional("expression", titled("Expression", expression(string("JavaScript over source, root and"
                        + " index that is true or false."))))
                .closed()
                .keyword("oneOf", List.of(Map.of("required", List.of("from")),
                        Map.of("required", List.of("expression"))))
                .build());
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "https://junction.dev/schemas/mapping.json");
        schema.putAll(object()
                .title("Junction mapping")
                .description("Turns one record of a source shape into one record of a target shape, rule by rule:"
                        + " see docs/mappings.md. This schema gives the shape that is read; the compiler checks more"
                        + " (targets the target schema has, known functions and their arguments, one source per rule).")
                .required("schemaVersion", titled("Format version", with(Schemas.integer("The format's version.",
                        1, 1), "enum", List.of(1))))
                .optional("name", titled("Name", string("The mapping's name.")))
                .optional("description", titled("Description", string("What the mapping is for.")))
                .optional("source", titled("Source", ref("#/$defs/SchemaReference")))
                .optional("target", titled("Target", ref("#/$defs/SchemaReference")))
                .required("rules", titled("Rules", array("The rules, in order.", ref("#/$defs/Rule"))))
                .closed()
                .keyword("examples", List.of(example()))
                .keyword("$defs", defs)
                .build());
        return schema;
    }

    private static Object example() {
        try (InputStream in = MappingSchema.class.getResourceAsStream(EXAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + EXAMPLE_RESOURCE + " beside "
                        + MappingSchema.class.getName());
            }
            return PayloadJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
