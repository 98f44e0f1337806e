package dev.junction.engine.definition;

import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.mapping.MappingProblem;
import dev.junction.engine.mapping.MappingTestSupport;
import dev.junction.engine.schema.JsonSchema;
import dev.junction.engine.schema.SchemaValidator;
import dev.junction.engine.schema.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each trigger kind's config schema agrees with {@link DefinitionValidator}'s trigger checks: its examples and
 * defaults pass both, and a config the validator refuses is refused by the schema too wherever a schema can say it.
 */
class TriggerKindsTest {

    /** Connections of the connectors the schemas name: http-shop (http), opayo (opayo-pi), amazon-eu (amazon-sp-api). */
    private static final Map<String, String> CONNECTIONS = Map.of("http-shop", "http", "opayo", "opayo-pi",
            "amazon-eu", "amazon-sp-api");
    private static final OperationCatalog CATALOG = new OperationCatalog() {
        @Override
        public Optional<String> connectorOfConnection(String connectionId) {
            return Optional.ofNullable(CONNECTIONS.get(connectionId));
        }

        @Override
        public boolean hasOperation(String connectorId, String operationId) {
            return connectorId.equals("amazon-sp-api") && List.of("listOrders", "getOrder").contains(operationId);
        }
    };
    private static final DefinitionValidator VALIDATOR = new DefinitionValidator(CATALOG,
            MappingTestSupport.EXPRESSIONS, MappingTestSupport.COMPILER::check, NotifyChannels.ALL);

    @Test
    void everyKindIsTitledDescribedAndItsSchemaDescribesEveryField() {
        assertThat(TriggerKind.values()).extracting(TriggerKind::jsonName)
                .containsExactly("manual", "webhook", "schedule", "polling");
        for (TriggerKind kind : TriggerKind.values()) {
            Map<String, Object> schema = kind.configSchema();
            assertThat(kind.title()).as(kind.jsonName()).isNotBlank();
            assertThat(schema).as(kind.jsonName()).containsEntry("type", "object")
                    .containsEntry("description", kind.description());
            assertThat((List<?>) schema.get("examples")).as(kind.jsonName()).isNotEmpty();
            assertThat(properties(schema)).as(kind.jsonName()).containsKey("businessKey").allSatisfy((name, property) ->
                    assertThat(property).as(kind.jsonName() + "." + name).containsKeys("title", "description"));
            assertThat(properties(schema).get("businessKey")).containsEntry(Schemas.EXPRESSION, true);
        }
        assertThat(TriggerKind.SCHEDULE.configSchema().get("required")).isEqualTo(List.of("cron"));
        assertThat(TriggerKind.POLLING.configSchema().get("required"))
                .isEqualTo(List.of("connection", "operation", "cron"));
        assertThat(properties(TriggerKind.SCHEDULE.configSchema()).get("timeZone")).containsEntry("default", "UTC");
        assertThat(properties(TriggerKind.WEBHOOK.configSchema()).get("dedupKey"))
                .containsEntry(Schemas.EXPRESSION, true);
        assertThat(properties(verification()).get("redirectUrl"))
                .containsEntry(Schemas.DEPENDS_ON, Map.of("kind", List.of("opayo-server")));
        assertThat(properties(verification()).get("kind").get("enum")).isEqualTo(List.of("hmac-sha256",
                "opayo-server"));
    }

    static Stream<Arguments> examples() {
        List<Arguments> examples = new ArrayList<>();
        for (TriggerKind kind : TriggerKind.values()) {
            List<?> list = (List<?>) kind.configSchema().get("examples");
            for (int i = 0; i < list.size(); i++) {
                examples.add(Arguments.of(kind, i, list.get(i)));
            }
        }
        return examples.stream();
    }

    @ParameterizedTest(name = "{0} example {1}")
    @MethodSource("examples")
    void everyExampleMatchesItsSchemaAndPassesTheValidator(TriggerKind kind, int index, Map<String, Object> example) {
        assertThat(schemaProblems(kind, example)).isEmpty();
        assertThat(VALIDATOR.validate(definitionWith(kind, example))).isEmpty();
    }

    @Test
    void everyDefaultTheSchemasShowPassesTheSchemaAndTheValidator() {
        Map<String, Object> schedule = withDefaults(TriggerKind.SCHEDULE.configSchema(),
                Map.of("cron", "0 0/15 * * * ?"));
        Map<String, Object> hmac = withDefaults(verification(), Map.of("kind", "hmac-sha256",
                "connection", "http-shop"));
        Map<String, Object> webhook = Map.of("verification", hmac);

        assertThat(schedule).containsEntry("timeZone", "UTC");
        assertThat(hmac).containsEntry("signatureHeader", "X-Signature").containsEntry("toleranceSeconds", 300L);
        assertThat(schemaProblems(TriggerKind.SCHEDULE, schedule)).isEmpty();
        assertThat(VALIDATOR.validate(definitionWith(TriggerKind.SCHEDULE, schedule))).isEmpty();
        assertThat(schemaProblems(TriggerKind.WEBHOOK, webhook)).isEmpty();
        assertThat(VALIDATOR.validate(definitionWith(TriggerKind.WEBHOOK, webhook))).isEmpty();
    }

    /**
     * kind, config, the refused field, the validator's words, and whether the schema refuses it too (false where
     * only the installation knows: unknown connections, time zones, the connector of a connection, expressions).
     */
    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(TriggerKind.SCHEDULE, Map.of(), "cron", "is required", true),
                Arguments.of(TriggerKind.SCHEDULE, Map.of("cron", "0 0/15 * *"), "cron", "6 or 7 fields", true),
                Arguments.of(TriggerKind.SCHEDULE, Map.of("cron", "*/15 * * * *"), "cron", "6 or 7 fields", true),
                Arguments.of(TriggerKind.SCHEDULE, Map.of("cron", "0 0 0 1 1 ? 2030 x"), "cron", "6 or 7 fields",
                        true),
                Arguments.of(TriggerKind.SCHEDULE, Map.of("cron", 15L), "cron", "must be", true),
                Arguments.of(TriggerKind.SCHEDULE, Map.of("cron", "0 0/15 * * * ?", "timeZone", "Mars/Base"),
                        "timeZone", "must be a time zone", false),
                Arguments.of(TriggerKind.SCHEDULE, Map.of("cron", "0 0/15 * * * ?", "timeZone", 1L),
                        "timeZone", "must be a time zone", true),
                Arguments.of(TriggerKind.SCHEDULE, Map.of("cron", "0 0/15 * * * ?", "businessKey", "1 +"),
                        "businessKey", "", false),
                Arguments.of(TriggerKind.SCHEDULE, Map.of("cron", "0 0/15 * * * ?", "dedupKey", "trigger.id"),
                        "dedupKey", "webhook triggers only", false),
                Arguments.of(TriggerKind.POLLING, Map.of("operation", "listOrders", "cron", "0 0/5 * * * ?"),
                        "connection", "is required", true),
                Arguments.of(TriggerKind.POLLING, Map.of("connection", "amazon-eu", "cron", "0 0/5 * * * ?"),
                        "operation", "is required", true),
                Arguments.of(TriggerKind.POLLING, Map.of("connection", "amazon-eu", "operation", "listOrders"),
                        "cron", "is required", true),
                Arguments.of(TriggerKind.POLLING, Map.of("connection", "nope", "operation", "listOrders",
                        "cron", "0 0/5 * * * ?"), "connection", "unknown connection 'nope'", false),
                Arguments.of(TriggerKind.POLLING, Map.of("connection", "amazon-eu", "operation", "fly",
                        "cron", "0 0/5 * * * ?"), "operation", "has no operation 'fly'", false),
                Arguments.of(TriggerKind.WEBHOOK, Map.of("verification", "hmac"), "verification",
                        "must be an object", true),
                Arguments.of(TriggerKind.WEBHOOK, Map.of("verification", Map.of("connection", "http-shop")),
                        "verification.kind", "must be one of [hmac-sha256, opayo-server]", true),
                Arguments.of(TriggerKind.WEBHOOK, Map.of("verification", Map.of("kind", "md5",
                        "connection", "http-shop")), "verification.kind", "must be one of", true),
                Arguments.of(TriggerKind.WEBHOOK, Map.of("verification", Map.of("kind", "hmac-sha256")),
                        "verification.connection", "is required", true),
                Arguments.of(TriggerKind.WEBHOOK, Map.of("verification", Map.of("kind", "opayo-server",
                        "connection", "opayo", "redirectUrl", "ftp://shop")), "verification.redirectUrl",
                        "http or https", true),
                Arguments.of(TriggerKind.WEBHOOK, Map.of("verification", Map.of("kind", "opayo-server",
                        "connection", "opayo")), "verification.redirectUrl", "is required for opayo-server", false),
                Arguments.of(TriggerKind.WEBHOOK, Map.of("verification", Map.of("kind", "opayo-server",
                        "connection", "http-shop", "redirectUrl", "https://shop")), "verification.connection",
                        "must be a connection of connector 'opayo-pi'", false));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("refusals")
    void aConfigTheValidatorRefusesTheSchemaRefusesWhereItCanSayIt(TriggerKind kind, Map<String, Object> config,
                                                                     String field, String message,
                                                                     boolean schemaRefuses) {
        List<DefinitionProblem> problems = VALIDATOR.validate(definitionWith(kind, config));
        List<MappingProblem> schemaProblems = schemaProblems(kind, config);

        assertThat(problems).filteredOn(problem -> problem.path().equals("$.trigger.config." + field))
                .as(problems.toString()).anySatisfy(problem -> assertThat(problem.message()).contains(message));
        if (schemaRefuses) {
            assertThat(schemaProblems).as(schemaProblems.toString())
                    .anySatisfy(problem -> assertThat(problem.path()).isEqualTo("config." + field));
        } else {
            assertThat(schemaProblems).as("beyond what a schema says").isEmpty();
        }
    }

    @Test
    void theConnectorEachVerificationKindNeedsIsTheOneTheSchemaNames() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, String>> byField = (Map<String, Map<String, String>>) properties(verification())
                .get("connection").get(TriggerSchemas.CONNECTOR);
        Map<String, String> connectors = byField.get("kind");

        assertThat(connectors.keySet()).containsExactlyInAnyOrderElementsOf(
                (List<String>) properties(verification()).get("kind").get("enum"));
        connectors.forEach((kind, connector) -> CONNECTIONS.forEach((connection, ofConnector) -> {
            Map<String, Object> config = Map.of("verification", Map.of("kind", kind, "connection", connection,
                    "redirectUrl", "https://shop.example.com/paid"));
            List<DefinitionProblem> problems = VALIDATOR.validate(definitionWith(TriggerKind.WEBHOOK, config));
            assertThat(problems).as(kind + " with " + connection).hasSize(ofConnector.equals(connector) ? 0 : 1);
        }));
    }

    @Test
    void theWorkflowSchemaTakesTheTriggersConfigFromItsKind() {
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = (Map<String, Object>) PayloadJson.read(DefinitionJson.schema());
        Map<?, ?> defs = (Map<?, ?>) schema.get("$defs");
        List<?> byKind = (List<?>) ((Map<?, ?>) ((Map<?, ?>) schema.get("properties")).get("trigger")).get("allOf");

        assertThat(byKind).hasSize(TriggerKind.values().length);
        for (TriggerKind kind : TriggerKind.values()) {
            assertThat(PayloadJson.write(defs.get(kind.jsonName() + "TriggerConfig")))
                    .isEqualTo(PayloadJson.write(PayloadJson.normalized(kind.configSchema())));
            assertThat(PayloadJson.write(byKind)).contains("{\"if\":{\"properties\":{\"kind\":{\"const\":\""
                    + kind.jsonName() + "\"}}").contains("\"#/$defs/" + kind.jsonName() + "TriggerConfig\"");
        }
    }

    private static List<MappingProblem> schemaProblems(TriggerKind kind, Object config) {
        List<MappingProblem> problems = new ArrayList<>();
        SchemaValidator.validate(JsonSchema.of(kind.configSchema()), PayloadJson.normalized(config), "config",
                problems);
        return problems.stream().filter(MappingProblem::isError).toList();
    }

    /** {@code value} with every default of {@code schema}'s properties filled in where it has none. */
    private static Map<String, Object> withDefaults(Map<String, Object> schema, Map<String, Object> value) {
        Map<String, Object> filled = new LinkedHashMap<>(value);
        properties(schema).forEach((name, property) -> {
            if (property.containsKey("default")) {
                filled.putIfAbsent(name, property.get("default"));
            }
        });
        return filled;
    }

    private static Map<String, Object> verification() {
        return properties(TriggerKind.WEBHOOK.configSchema()).get("verification");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> properties(Map<String, Object> schema) {
        return (Map<String, Map<String, Object>>) schema.get("properties");
    }

    /** A trigger of the kind, with the config, leading to one node. */
    private static WorkflowDefinition definitionWith(TriggerKind kind, Map<String, Object> config) {
        Node log = new Node("log", "notify", "Log", Map.of("channel", "log", "message", "started"),
                new Position(0, 0), RetryPolicy.DEFAULT, ErrorPolicy.FAIL);
        return new WorkflowDefinition(1, new Trigger(kind, config, new Position(0, 0)), List.of(log),
                List.of(new Edge(Trigger.NODE_ID, Trigger.PORT, "log")));
    }
}
