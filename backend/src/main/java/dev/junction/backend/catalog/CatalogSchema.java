package dev.junction.backend.catalog;

import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.definition.TriggerKind;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.mapping.functions.ValueMap.Unmapped;
import dev.junction.engine.schema.Schemas;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.junction.engine.schema.Schemas.array;
import static dev.junction.engine.schema.Schemas.bool;
import static dev.junction.engine.schema.Schemas.integer;
import static dev.junction.engine.schema.Schemas.number;
import static dev.junction.engine.schema.Schemas.oneOf;
import static dev.junction.engine.schema.Schemas.ref;
import static dev.junction.engine.schema.Schemas.string;

/**
 * The JSON Schema of {@link Catalog} as {@code GET /api/v1/catalog} answers it, served at
 * {@code /api/v1/schemas/catalog.json}. The browser's TypeScript types are generated from this document at build
 * time (each {@code $defs} entry's title becomes a type name), and the catalog tests validate the live answer
 * against it: a change to {@link Catalog} that this schema does not follow fails both.
 */
public final class CatalogSchema {

    public static final String ID = "https://junction.dev/schemas/catalog.json";
    private static final String DEFS = "#/$defs/";

    private CatalogSchema() {
    }

    /** The schema document, as plain ordered maps. */
    public static Map<String, Object> document() {
        Map<String, Object> defs = new LinkedHashMap<>();
        defs.put("NodeKind", nodeKind());
        defs.put("Port", port());
        defs.put("TriggerKind", triggerKind());
        defs.put("Connector", connector());
        defs.put("Operation", operation());
        defs.put("RateLimit", rateLimit());
        defs.put("MappingFunction", function());
        defs.put("FunctionParameter", parameter());
        defs.put("ValueMap", valueMap());
        defs.put("NamedSchema", namedSchema());
        Map<String, Object> root = Schemas.object()
                .title("Catalog")
                .description("What the browser editors render from: node kinds, trigger kinds, connectors with their operations,"
                        + " mapping functions, value maps and named schemas (GET /api/v1/catalog).")
                .required("nodeKinds", array("Every node kind a workflow may use.", ref(DEFS + "NodeKind")))
                .required("triggerKinds", array("Every way a run may start, in the order the trigger form lists"
                        + " them.", ref(DEFS + "TriggerKind")))
                .required("connectors", array("Every installed connector, by id.", ref(DEFS + "Connector")))
                .required("functions", array("Every mapping function, by name.", ref(DEFS + "MappingFunction")))
                .required("valueMaps", array("Every shipped value map, by name.", ref(DEFS + "ValueMap")))
                .required("schemas", array("Every named schema a mapping may name, by id.",
                        ref(DEFS + "NamedSchema")))
                .closed()
                .keyword("$defs", defs)
                .build();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        document.put("$id", ID);
        document.putAll(root);
        return document;
    }

    /** The schema document as JSON text. */
    public static String json() {
        return PayloadJson.write(document());
    }

    /** A value that is itself a JSON Schema document (free-form to this schema). */
    private static Map<String, Object> jsonSchema(String description) {
        return Schemas.with(Schemas.anyObject(description), "additionalProperties", true);
    }

    private static Map<String, Object> nodeKind() {
        return Schemas.object().title("NodeKind").description("A kind of node of the workflow graph.")
                .required("type", string("What a node's type field says, e.g. connector, map, branch."))
                .required("title", string("The name the palette shows."))
                .required("description", string("One line on what it does."))
                .required("configSchema", jsonSchema("The JSON Schema of the node's config."))
                .required("ports", array("Its output ports that do not depend on the config.", ref(DEFS + "Port")))
                .optional("dynamicPorts", string("How further ports come from the config (e.g. one per branch"
                        + " condition); absent when the ports are fixed."))
                .required("sideEffects", bool("Whether running it acts outside the run (calls a remote system,"
                        + " sends a notice)."))
                .closed().build();
    }

    private static Map<String, Object> triggerKind() {
        return Schemas.object().title("TriggerKind").description("A way a run may start: a kind of trigger.")
                .required("kind", Schemas.oneOf("What the trigger's kind field says.",
                        Arrays.stream(TriggerKind.values())
                                .map(TriggerKind::jsonName).toList()))
                .required("title", string("The name the trigger form shows."))
                .required("description", string("One line on how a run starts."))
                .required("configSchema", jsonSchema("The JSON Schema of the trigger's config for this kind; a"
                        + " connection property names in x-connector the connector its connection must be of, per"
                        + " value of a sibling field ({\"kind\": {\"opayo-server\": \"opayo-pi\"}})."))
                .closed().build();
    }

    private static Map<String, Object> port() {
        return Schemas.object().title("Port").description("An output port a node's edges leave by.")
                .required("name", string("The name edges name as fromPort, e.g. out, error."))
                .required("description", string("When a run leaves by it."))
                .closed().build();
    }

    private static Map<String, Object> connector() {
        return Schemas.object().title("Connector").description("An installed connector.")
                .required("id", string("Stable identifier connections name, e.g. amazon-sp-api."))
                .required("name", string("The name the palette shows."))
                .required("version", string("The connector's own version."))
                .required("icon", string("A Vaadin icon name, e.g. vaadin:cart."))
                .required("description", string("What it connects to."))
                .required("auth", oneOf("How it authenticates to the remote system.", names(
                        ConnectorDescriptor.AuthKind.values())))
                .required("settingsSchema", jsonSchema("A connection's settings as a JSON Schema (x-secret,"
                        + " x-dependsOn; a choice's enum holds the values stored, its x-enumNames the words a form"
                        + " shows for them)."))
                .required("operations", array("What it can do.", ref(DEFS + "Operation")))
                .closed().build();
    }

    private static Map<String, Object> operation() {
        return Schemas.object().title("Operation").description("One operation of a connector.")
                .required("id", string("What a node's config names as operation."))
                .required("name", string("The name the palette shows."))
                .required("description", string("What it does."))
                .required("kind", oneOf("An action a step calls, a poll a polling trigger calls, or a webhook that"
                        + " starts runs.", names(OperationDescriptor.Kind.values())))
                .required("inputSchema", jsonSchema("The JSON Schema of its input."))
                .required("outputSchema", jsonSchema("The JSON Schema of its output."))
                .optional("rateLimit", ref(DEFS + "RateLimit"))
                .optional("idempotencyKeyField", string("The input field the remote API treats as an idempotency"
                        + " key; absent when it has none."))
                .required("readOnly", bool("Whether it only reads (safe to call for a sample)."))
                .closed().build();
    }

    private static Map<String, Object> rateLimit() {
        return Schemas.object().title("RateLimit").description("The remote quota per connection, a token bucket.")
                .required("perSecond", number("Tokens added each second."))
                .required("burst", integer("Tokens kept at most."))
                .closed().build();
    }

    private static Map<String, Object> function() {
        return Schemas.object().title("MappingFunction").description("A function of mapping pipelines.")
                .required("name", string("What a pipeline step names as fn, e.g. toMinorUnits."))
                .required("description", string("One line: what it does, its arguments, its edge cases."))
                .required("minArgs", integer("Arguments besides the input it takes, at least."))
                .optional("maxArgs", integer("Arguments besides the input it takes, at most; absent for any"
                        + " number."))
                .required("parameters", array("Its named, typed arguments besides the input, in order.",
                        ref(DEFS + "FunctionParameter")))
                .required("inputType", string("The JSON type of the value flowing into it, e.g. string, any."))
                .required("resultType", string("The JSON type of its result, e.g. string, integer, any."))
                .closed().build();
    }

    private static Map<String, Object> parameter() {
        return Schemas.object().title("FunctionParameter").description("A named argument of a mapping function.")
                .required("name", string("The argument's name."))
                .required("type", string("Its JSON type, e.g. string, number, any."))
                .required("description", string("What it means."))
                .required("optional", bool("Whether it may be left out."))
                .required("variadic", bool("Whether it takes any number of values (last argument only)."))
                .closed().build();
    }

    private static Map<String, Object> valueMap() {
        return Schemas.object().title("ValueMap").description("A shipped value map (status harmonization).")
                .required("name", string("What a rule's valueMap names."))
                .optional("description", string("What it maps, for people."))
                .required("entries", Schemas.with(Schemas.anyObject("Each listed value and what it becomes."),
                        "additionalProperties", true))
                .required("unmapped", oneOf("What a value it does not list does.", names(Unmapped.values(),
                        Unmapped::jsonName)))
                .optional("defaultValue", Schemas.anyValue("What an unlisted value becomes when unmapped is"
                        + " default."))
                .required("caseInsensitive", bool("Whether values are compared ignoring case."))
                .closed().build();
    }

    private static Map<String, Object> namedSchema() {
        return Schemas.object().title("NamedSchema").description("A named JSON Schema a mapping may name.")
                .required("id", string("e.g. canonical/Order, sp-api/Order."))
                .required("group", string("The part of the id before the slash: canonical, or the vendor."))
                .required("canonical", bool("Whether it belongs to Junction's canonical model."))
                .required("schema", jsonSchema("The schema document."))
                .closed().build();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static <E extends Enum<E>> List<String> names(E[] values, java.util.function.Function<E, String> name) {
        return Arrays.stream(values).map(name).toList();
    }
}
