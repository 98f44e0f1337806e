package dev.junction.backend.catalog;

import dev.junction.engine.connectors.ConnectorCatalog;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.definition.TriggerKind;
import dev.junction.engine.mapping.FunctionCatalog;
import dev.junction.engine.mapping.SchemaCatalog;
import dev.junction.engine.mapping.ValueMapCatalog;
import dev.junction.engine.mapping.functions.MappingFunction;
import dev.junction.engine.nodes.NodeKind;
import dev.junction.engine.nodes.NodeKinds;
import tools.jackson.databind.json.JsonMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * Assembles the {@link Catalog} the editors read, once: everything in it is fixed for the life of the process
 * (connector descriptors, built-in functions, shipped value maps and schemas). The UI takes {@link #catalog()}
 * directly; the REST endpoint serves {@link #served()}, the same catalog serialized once with its strong ETag.
 */
public class CatalogService {

    private final Catalog catalog;
    private final Served served;

    public CatalogService(ConnectorCatalog connectors, FunctionCatalog functions, ValueMapCatalog valueMaps,
                          SchemaCatalog schemas, JsonMapper json) {
        this.catalog = new Catalog(nodeKinds(), triggerKinds(),
                connectors.all().stream().map(connector -> connector(connector.descriptor())).toList(),
                functions.all().stream().map(CatalogService::function).toList(),
                valueMaps.all().stream().map(CatalogService::valueMap).toList(),
                schemas.ids().stream().map(id -> namedSchema(id, schemas)).toList());
        this.served = Served.of(json.writeValueAsBytes(catalog));
    }

    /** The catalog, for the UI (no REST in between). */
    public Catalog catalog() {
        return catalog;
    }

    /** The catalog as the JSON {@code GET /api/v1/catalog} answers, and its ETag. */
    public Served served() {
        return served;
    }

    /**
     * The workflow graph's node kinds in palette order, each with its config schema and its ports; every kind also
     * has the {@code error} port while a node's {@code onError} is {@code error}, listed last.
     */
    static List<Catalog.NodeKind> nodeKinds() {
        return NodeKinds.all().stream().map(kind -> new Catalog.NodeKind(kind.type(), kind.title(),
                kind.description(), kind.configSchema(),
                Stream.concat(kind.ports().stream(), Stream.of(NodeKind.ERROR_PORT))
                        .map(port -> new Catalog.Port(port.name(), port.description())).toList(),
                kind.dynamicPorts().orElse(null), kind.sideEffects())).toList();
    }

    /** The ways a run may start, in the trigger form's order, each with its config schema. */
    static List<Catalog.TriggerKind> triggerKinds() {
        return Arrays.stream(TriggerKind.values()).map(kind -> new Catalog.TriggerKind(kind.jsonName(),
                kind.title(), kind.description(), kind.configSchema())).toList();
    }

    private static Catalog.Connector connector(ConnectorDescriptor descriptor) {
        return new Catalog.Connector(descriptor.id(), descriptor.name(), descriptor.version(), descriptor.icon(),
                descriptor.description(), descriptor.auth().name(), descriptor.settingsSchema(),
                descriptor.operations().stream().map(CatalogService::operation).toList());
    }

    private static Catalog.Operation operation(OperationDescriptor operation) {
        return new Catalog.Operation(operation.id(), operation.name(), operation.description(),
                operation.kind().name(), operation.inputSchema(), operation.outputSchema(), operation.rateLimit(),
                operation.idempotencyKeyField(), operation.readOnly());
    }

    private static Catalog.Function function(MappingFunction function) {
        return new Catalog.Function(function.name(), function.description(), function.minArgs(),
                function.maxArgs() == Integer.MAX_VALUE ? null : function.maxArgs(),
                function.parameters().stream().map(parameter -> new Catalog.Parameter(parameter.name(),
                        parameter.type(), parameter.description(), parameter.optional(), parameter.variadic())).toList(),
                function.inputType(), function.resultType());
    }

    private static Catalog.ValueMap valueMap(dev.junction.engine.mapping.functions.ValueMap map) {
        return new Catalog.ValueMap(map.name(), map.description(), map.entries(), map.unmapped().jsonName(),
                map.defaultValue(), map.caseInsensitive());
    }

    private static Catalog.NamedSchema namedSchema(String id, SchemaCatalog schemas) {
        String group = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
        return new Catalog.NamedSchema(id, group, "canonical".equals(group), schemas.find(id).orElseThrow());
    }

    /** The serialized catalog and its strong ETag (a hash of exactly these bytes, quoted). */
    public record Served(byte[] json, String etag) {

        static Served of(byte[] json) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(json);
                return new Served(json, "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "\"");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
    }
}
