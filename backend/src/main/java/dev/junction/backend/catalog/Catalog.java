package dev.junction.backend.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.junction.engine.connectors.OperationDescriptor;

import java.util.List;
import java.util.Map;

/**
 * Everything the editors render from, in one answer: the node kinds a workflow may use, the ways it may start
 * (trigger kinds, each with its config schema), the connectors with their
 * settings and operations, the mapping functions, the shipped value maps and the named schemas. Its shape is
 * {@link CatalogSchema} ({@code /api/v1/schemas/catalog.json}); the browser's TypeScript types are generated from it.
 * A field that is null is left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Catalog(List<NodeKind> nodeKinds, List<TriggerKind> triggerKinds, List<Connector> connectors, List<Function> functions,
                      List<ValueMap> valueMaps, List<NamedSchema> schemas) {

    public Catalog {
        nodeKinds = List.copyOf(nodeKinds);
        triggerKinds = List.copyOf(triggerKinds);
        connectors = List.copyOf(connectors);
        functions = List.copyOf(functions);
        valueMaps = List.copyOf(valueMaps);
        schemas = List.copyOf(schemas);
    }

    /**
     * A node kind of the workflow graph.
     *
     * @param dynamicPorts how ports beyond {@code ports} come from the config (e.g. one per branch condition), or
     *                     null when the ports are fixed
     * @param sideEffects  whether running it acts outside the run (calls a remote system, sends a notice)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NodeKind(String type, String title, String description, Map<String, Object> configSchema,
                           List<Port> ports, String dynamicPorts, boolean sideEffects) {
    }

    /**
     * A way a run may start (the trigger's {@code kind}).
     *
     * @param configSchema the JSON Schema of the trigger's config for this kind; a connection property names the
     *                     connector its connection must be of in {@code x-connector}
     */
    public record TriggerKind(String kind, String title, String description, Map<String, Object> configSchema) {
    }

    /** An output port of a node kind. */
    public record Port(String name, String description) {
    }

    /** A connector: what the palette shows, what its connection form asks, and its operations. */
    public record Connector(String id, String name, String version, String icon, String description, String auth,
                            Map<String, Object> settingsSchema, List<Operation> operations) {
    }

    /**
     * One operation of a connector.
     *
     * @param rateLimit           the remote quota per connection, or null when there is none
     * @param idempotencyKeyField the input field the remote API treats as an idempotency key, or null
     * @param readOnly            whether it only reads (safe to call for a sample), or null while unknown
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Operation(String id, String name, String description, String kind, Map<String, Object> inputSchema,
                            Map<String, Object> outputSchema, OperationDescriptor.RateLimit rateLimit,
                            String idempotencyKeyField, boolean readOnly) {
    }

    /**
     * A mapping function.
     *
     * @param maxArgs    arguments besides the input at most, null for any number
     * @param parameters its named, typed arguments, or null while the function does not describe them
     * @param resultType the JSON type of its result, or null while the function does not describe it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Function(String name, String description, int minArgs, Integer maxArgs, List<Parameter> parameters,
                           String inputType, String resultType) {
    }

    /** A named argument of a mapping function. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Parameter(String name, String type, String description, boolean optional, boolean variadic) {
    }

    /**
     * A shipped value map ({@code unmapped}: {@code error}, {@code default} or {@code passThrough}; {@code
     * defaultValue}: what an unlisted value becomes under {@code default}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ValueMap(String name, String description, Map<String, Object> entries, String unmapped,
                           Object defaultValue, boolean caseInsensitive) {
    }

    /**
     * A named JSON Schema a mapping's source or target may name ({@code canonical/Order}, {@code sp-api/Order}).
     *
     * @param group     the part of the id before the slash: {@code canonical}, or the vendor ({@code sp-api},
     *                  {@code opayo}, {@code dataverse})
     * @param canonical whether it belongs to Junction's canonical model rather than to a vendor
     */
    public record NamedSchema(String id, String group, boolean canonical, Map<String, Object> schema) {
    }
}
