package dev.junction.backend.catalog;

import dev.junction.backend.ApiClient;
import dev.junction.backend.BackendTestApplication;
import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorCatalog;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.definition.TriggerKind;
import dev.junction.engine.nodes.NodeKind;
import dev.junction.engine.nodes.NodeKinds;
import dev.junction.engine.nodes.Port;
import dev.junction.engine.mapping.MappingProblem;
import dev.junction.engine.mapping.SchemaCatalog;
import dev.junction.engine.mapping.functions.BuiltInFunctions;
import dev.junction.engine.mapping.functions.MappingFunction;
import dev.junction.engine.mapping.functions.ShippedValueMaps;
import dev.junction.engine.mapping.functions.ValueMap;
import dev.junction.engine.mapping.schemas.ShippedSchemas;
import dev.junction.engine.schema.JsonSchema;
import dev.junction.engine.schema.SchemaValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/catalog} over real HTTP against the backend and a fresh embedded PostgreSQL: everything the
 * editors render from is in it, it matches its own JSON Schema, and it is served with a strong ETag.
 */
@SpringBootTest(classes = BackendTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogApiTest {

    /** The connectors Junction ships (the test class path adds its own test connectors). */
    private static final List<String> SHIPPED = List.of("amazon-sp-api", "dataverse", "http", "opayo-pi");

    @LocalServerPort
    int port;
    @Autowired
    ConnectorCatalog connectors;
    @Autowired
    CatalogService service;
    @Autowired
    SchemaCatalog mappingSchemas;
    private ApiClient admin;

    @BeforeEach
    void setUp() {
        admin = ApiClient.anonymous(port).as("admin", "test-admin-password");
    }

    private Map<String, Object> catalog() {
        HttpResponse<String> response = admin.get("/api/v1/catalog");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> catalog = (Map<String, Object>) PayloadJson.read(response.body());
        return catalog;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static Map<String, Map<String, Object>> byKey(Object entries, String key) {
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        list(entries).forEach(entry -> byKey.put((String) entry.get(key), entry));
        return byKey;
    }

    @Test
    void listsEveryConnectorWithEveryOperationAndItsDescription() {
        Map<String, Map<String, Object>> listed = byKey(catalog().get("connectors"), "id");

        assertThat(listed.keySet()).containsAll(SHIPPED);
        for (Connector connector : connectors.all()) {
            var descriptor = connector.descriptor();
            Map<String, Object> entry = listed.get(descriptor.id());
            assertThat(entry).as(descriptor.id()).isNotNull();
            assertThat(entry.get("name")).isEqualTo(descriptor.name());
            assertThat(entry.get("auth")).isEqualTo(descriptor.auth().name());
            assertThat(entry.get("settingsSchema")).as(descriptor.id())
                    .isEqualTo(PayloadJson.normalized(descriptor.settingsSchema()));
            Map<String, Map<String, Object>> operations = byKey(entry.get("operations"), "id");
            assertThat(operations.keySet()).as(descriptor.id()).containsExactlyElementsOf(
                    descriptor.operations().stream().map(OperationDescriptor::id).toList());
            for (OperationDescriptor operation : descriptor.operations()) {
                Map<String, Object> listedOperation = operations.get(operation.id());
                String where = descriptor.id() + "/" + operation.id();
                assertThat(listedOperation.get("kind")).as(where).isEqualTo(operation.kind().name());
                assertThat(listedOperation.get("inputSchema")).as(where)
                        .isEqualTo(PayloadJson.normalized(operation.inputSchema()));
                assertThat(listedOperation.get("outputSchema")).as(where)
                        .isEqualTo(PayloadJson.normalized(operation.outputSchema()));
                assertThat(listedOperation.get("idempotencyKeyField")).as(where)
                        .isEqualTo(operation.idempotencyKeyField());
                assertThat(listedOperation.get("readOnly")).as(where).isEqualTo(operation.readOnly());
                if (operation.rateLimit() == null) {
                    assertThat(listedOperation).as(where).doesNotContainKey("rateLimit");
                } else {
                    assertThat(listedOperation.get("rateLimit")).as(where).isEqualTo(Map.of(
                            "perSecond", operation.rateLimit().perSecond(), "burst",
                            (long) operation.rateLimit().burst()));
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aChoiceSettingCarriesTheWordsAFormShowsBesideTheValuesItStores() {
        Map<String, Object> http = byKey(catalog().get("connectors"), "id").get("http");
        Map<String, Object> authKind = ((Map<String, Map<String, Object>>) ((Map<String, Object>)
                http.get("settingsSchema")).get("properties")).get("authKind");

        assertThat(authKind.get("enum")).isEqualTo(List.of("none", "basic", "bearer", "apiKey",
                "oauth2ClientCredentials"));
        assertThat(authKind.get("x-enumNames")).isEqualTo(List.of("No authentication",
                "User name and password (HTTP Basic)", "Fixed bearer token", "API key in a header",
                "OAuth 2.0 client credentials"));
        assertThat(authKind.get("default")).isEqualTo("none");

        // the connector endpoint gives the same description: each choice's value and label
        HttpResponse<String> described = admin.get("/api/v1/connectors/amazon-sp-api");
        assertThat(described.statusCode()).as(described.body()).isEqualTo(200);
        Map<String, Map<String, Object>> settings = byKey(((Map<String, Object>) PayloadJson.read(described.body()))
                .get("settings"), "name");
        assertThat(settings.get("region").get("choices")).as("version 1's shape: the stored values")
                .isEqualTo(List.of("na", "eu", "fe"));
        assertThat(settings.get("region").get("choiceOptions")).isEqualTo(List.of(
                Map.of("value", "na", "label", "North America (US, CA, MX, BR)"),
                Map.of("value", "eu", "label", "Europe (UK, DE, FR, IT, ES, IN, AE, …)"),
                Map.of("value", "fe", "label", "Far East (JP, AU, SG)")));
        assertThat(settings.get("region").get("defaultValue")).isEqualTo("eu");
    }

    @Test
    void listsEveryFunctionValueMapAndSchema() {
        Map<String, Object> catalog = catalog();

        Map<String, Map<String, Object>> functions = byKey(catalog.get("functions"), "name");
        assertThat(functions.keySet()).containsExactlyElementsOf(
                BuiltInFunctions.standard().all().stream().map(MappingFunction::name).toList());
        for (MappingFunction function : BuiltInFunctions.standard().all()) {
            Map<String, Object> entry = functions.get(function.name());
            assertThat(entry.get("description")).isEqualTo(function.description());
            assertThat(entry.get("minArgs")).isEqualTo((long) function.minArgs());
            assertThat(entry.get("maxArgs")).as(function.name()).isEqualTo(
                    function.maxArgs() == Integer.MAX_VALUE ? null : (long) function.maxArgs());
        }

        Map<String, Map<String, Object>> valueMaps = byKey(catalog.get("valueMaps"), "name");
        assertThat(valueMaps.keySet()).containsExactlyElementsOf(
                ShippedValueMaps.instance().all().stream().map(ValueMap::name).toList());
        for (ValueMap map : ShippedValueMaps.instance().all()) {
            assertThat(valueMaps.get(map.name()).get("entries")).as(map.name())
                    .isEqualTo(PayloadJson.normalized(map.entries()));
            assertThat(valueMaps.get(map.name()).get("unmapped")).isEqualTo(map.unmapped().jsonName());
            assertThat(valueMaps.get(map.name()).get("description")).as(map.name()).isEqualTo(map.description());
        }

        Map<String, Map<String, Object>> schemas = byKey(catalog.get("schemas"), "id");
        assertThat(schemas.keySet()).containsExactlyElementsOf(mappingSchemas.ids());
        // the canonical model from the engine, the remote shapes from the connectors that speak them
        assertThat(mappingSchemas.ids()).containsAll(ShippedSchemas.IDS)
                .contains("sp-api/Order", "opayo/TransactionRequest", "dataverse/salesorder");
        assertThat(schemas.get("canonical/Order")).containsEntry("group", "canonical").containsEntry("canonical", true);
        assertThat(schemas.get("sp-api/Order")).containsEntry("group", "sp-api").containsEntry("canonical", false);
        for (String id : mappingSchemas.ids()) {
            assertThat(schemas.get(id).get("schema")).as(id)
                    .isEqualTo(PayloadJson.normalized(mappingSchemas.find(id).orElseThrow()));
        }
        assertThat(valueMaps.get("amazon-order-status→canonical").get("description")).asString()
                .startsWith("SP-API OrderStatus → canonical order status");
        Map<String, Map<String, Object>> kinds = byKey(catalog.get("nodeKinds"), "type");
        assertThat(kinds.keySet()).containsExactlyElementsOf(NodeKinds.types());
        for (NodeKind kind : NodeKinds.all()) {
            Map<String, Object> listed = kinds.get(kind.type());
            assertThat(listed.get("configSchema")).as(kind.type())
                    .isEqualTo(PayloadJson.normalized(kind.configSchema()));
            assertThat(listed.get("sideEffects")).as(kind.type()).isEqualTo(kind.sideEffects());
            assertThat(list(listed.get("ports")).stream().map(port -> port.get("name")).toList()).as(kind.type())
                    .containsAll(kind.ports().stream().map(Port::name).toList())
                    .endsWith(NodeKind.ERROR);
        }
        assertThat(kinds.get("branch")).containsKey("dynamicPorts");
        assertThat(kinds.get("connector")).containsEntry("sideEffects", true);
        assertThat(kinds.get("map")).containsEntry("sideEffects", false);

        Map<String, Map<String, Object>> triggerKinds = byKey(catalog.get("triggerKinds"), "kind");
        assertThat(triggerKinds.keySet()).containsExactly("manual", "webhook", "schedule", "polling");
        for (TriggerKind kind : TriggerKind.values()) {
            Map<String, Object> listed = triggerKinds.get(kind.jsonName());
            assertThat(listed).as(kind.jsonName()).containsEntry("title", kind.title())
                    .containsEntry("description", kind.description());
            assertThat(listed.get("configSchema")).as(kind.jsonName())
                    .isEqualTo(PayloadJson.normalized(kind.configSchema()));
        }
        assertThat(PayloadJson.write(triggerKinds.get("webhook").get("configSchema")))
                .contains("\"x-connector\":{\"kind\":{\"hmac-sha256\":\"http\",\"opayo-server\":\"opayo-pi\"}}");

        Map<String, Map<String, Object>> listedFunctions = byKey(catalog.get("functions"), "name");
        assertThat(list(listedFunctions.get("toMinorUnits").get("parameters")))
                .extracting(parameter -> parameter.get("name")).containsExactly("currency");
        assertThat(listedFunctions.get("trim")).containsKey("resultType").containsKey("inputType");
    }

    @Test
    void theAnswerValidatesAgainstTheCatalogSchema() {
        Map<String, Object> catalog = catalog();
        JsonSchema schema = JsonSchema.of(CatalogSchema.document());

        assertThat(problems(schema, catalog)).isEmpty();

        // the check can fail: an operation without its kind, a connector whose auth is not one of the kinds
        Map<String, Object> connector = list(catalog.get("connectors")).getFirst();
        connector.put("auth", "CARRIER_PIGEON");
        list(connector.get("operations")).getFirst().remove("kind");
        assertThat(problems(schema, catalog)).extracting(MappingProblem::path)
                .containsExactlyInAnyOrder("connectors[0].auth", "connectors[0].operations[0].kind");
    }

    @Test
    void theSchemaIsServedAndIsTheOneTheTypesAreGeneratedFrom() {
        HttpResponse<String> response = admin.get("/api/v1/schemas/catalog.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(PayloadJson.read(response.body())).isEqualTo(PayloadJson.normalized(CatalogSchema.document()));
    }

    @Test
    void theUiGetsTheSameCatalogWithoutRest() {
        assertThat(PayloadJson.read(new String(service.served().json(), java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(catalog());
        assertThat(service.catalog().connectors()).hasSize(connectors.all().size());
    }

    @Test
    void aClientHoldingTheEtagGetsNotModified() throws Exception {
        HttpResponse<String> first = admin.get("/api/v1/catalog");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).as("a strong ETag").startsWith("\"").endsWith("\"");
        assertThat(first.headers().allValues("Cache-Control")).containsExactly(CatalogController.CACHE_CONTROL);

        HttpResponse<String> again = conditional(etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);

        assertThat(conditional("\"something-else\"").statusCode()).isEqualTo(200);
        assertThat(conditional("\"something-else\", " + etag).statusCode()).isEqualTo(304);
        assertThat(admin.get("/api/v1/catalog").headers().firstValue("ETag")).as("the same bytes each time")
                .hasValue(etag);
    }

    private HttpResponse<String> conditional(String ifNoneMatch) throws IOException, InterruptedException {
        return admin.http().send(HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/api/v1/catalog"))
                .header("Authorization", admin.authorization()).header("If-None-Match", ifNoneMatch).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void strangersAreRefused() {
        assertThat(ApiClient.anonymous(port).get("/api/v1/catalog").statusCode()).isEqualTo(401);
    }

    private static List<MappingProblem> problems(JsonSchema schema, Object value) {
        List<MappingProblem> problems = new ArrayList<>();
        SchemaValidator.validate(schema, value, "", problems);
        return problems;
    }
}
