package dev.junction.engine.nodes;

import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.DefinitionProblem;
import dev.junction.engine.definition.DefinitionValidator;
import dev.junction.engine.definition.Edge;
import dev.junction.engine.definition.ErrorPolicy;
import dev.junction.engine.definition.Node;
import dev.junction.engine.definition.NotifyChannels;
import dev.junction.engine.definition.OperationCatalog;
import dev.junction.engine.definition.Position;
import dev.junction.engine.definition.RetryPolicy;
import dev.junction.engine.definition.Trigger;
import dev.junction.engine.definition.TriggerKind;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.mapping.MappingProblem;
import dev.junction.engine.mapping.MappingTestSupport;
import dev.junction.engine.schema.JsonSchema;
import dev.junction.engine.schema.Schemas;
import dev.junction.engine.schema.SchemaValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each node kind's description agrees with its validation: examples pass, documented refusals are named by path. */
class NodeKindsTest {

    /** "amazon-eu", a connection of "amazon-sp-api", which has the operations the examples call; "opayo-gb" of Opayo. */
    private static final OperationCatalog CATALOG = new OperationCatalog() {
        @Override
        public Optional<String> connectorOfConnection(String connectionId) {
            return Optional.of("amazon-sp-api").filter(any -> connectionId.equals("amazon-eu"))
                    .or(() -> Optional.of("opayo-pi").filter(any -> connectionId.equals("opayo-gb")));
        }

        @Override
        public boolean hasOperation(String connectorId, String operationId) {
            return List.of("getOrder", "createFulfillmentOrder", "getFulfillmentOrder").contains(operationId);
        }
    };
    private static final DefinitionValidator VALIDATOR = new DefinitionValidator(CATALOG,
            MappingTestSupport.EXPRESSIONS, MappingTestSupport.COMPILER::check, NotifyChannels.ALL);

    @Test
    void everyKindIsListedOnceInPaletteOrderAndFoundByItsType() {
        assertThat(NodeKinds.all()).extracting(NodeKind::type).containsExactly("connector", "map", "branch",
                "forEach", "script", "lookup", "delay", "subflow", "notify", "reconcileSettlement", "waitUntil");
        assertThat(NodeKinds.find("forEach")).containsInstanceOf(ForEachNode.class);
        assertThat(NodeKinds.find("ForEach")).isEmpty();
        for (NodeKind kind : NodeKinds.all()) {
            assertThat(kind.title()).as(kind.type()).isNotBlank();
            assertThat(kind.description()).as(kind.type()).isNotBlank().doesNotContain("\n");
            assertThat(kind.ports()).as(kind.type()).isNotEmpty()
                    .allSatisfy(port -> assertThat(port.description()).isNotBlank());
        }
        assertThat(NodeKinds.find("forEach").orElseThrow().title()).isEqualTo("For each");
    }

    @Test
    void onlyMapBranchAndScriptAreFreeOfSideEffects() {
        assertThat(NodeKinds.all()).filteredOn(kind -> !kind.sideEffects()).extracting(NodeKind::type)
                .containsExactly("map", "branch", "script");
    }

    @Test
    void portsComeFromTheConfigWhereTheyVaryAndErrorOnlyWithOnErrorError() {
        NodeKind branch = NodeKinds.find("branch").orElseThrow();
        Map<String, Object> config = Map.of("conditions", List.of(Map.of("port", "large", "expression", "true"),
                Map.of("port", "small", "expression", "true")));

        assertThat(branch.ports(config)).containsExactly("large", "small", BranchNode.ELSE);
        assertThat(branch.dynamicPorts()).isPresent();
        assertThat(branch.ports(new Node("b", "branch", "B", config, new Position(0, 0), RetryPolicy.DEFAULT,
                ErrorPolicy.ERROR_PORT))).containsExactly("large", "small", "else", NodeKind.ERROR);
        assertThat(NodeKinds.find("forEach").orElseThrow().ports(Map.of())).containsExactly("body", "done");
        assertThat(NodeKinds.find("waitUntil").orElseThrow().ports(Map.of())).containsExactly("out", "timeout");
        assertThat(NodeKinds.find("connector").orElseThrow().ports(new Node("c", "connector", "C", Map.of(),
                new Position(0, 0), RetryPolicy.DEFAULT, ErrorPolicy.FAIL))).containsExactly("out");
        assertThat(NodeKinds.all()).filteredOn(kind -> kind.dynamicPorts().isPresent()).extracting(NodeKind::type)
                .containsExactly("branch");
    }

    @Test
    void everyConfigSchemaIsTitledDescribedAndHasExamples() {
        for (NodeKind kind : NodeKinds.all()) {
            Map<String, Object> schema = kind.configSchema();
            assertThat(schema).as(kind.type()).containsEntry("type", "object").containsEntry("title", kind.title())
                    .containsEntry("description", kind.description());
            assertThat((List<?>) schema.get("examples")).as(kind.type()).isNotEmpty();
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
            assertThat(properties.values()).as(kind.type())
                    .allSatisfy(property -> assertThat(property).containsKeys("title", "description"));
        }
        assertThat(propertyOf("branch", "conditions")).isNotNull();
        assertThat(propertyOf("forEach", "items")).containsEntry(Schemas.EXPRESSION, true);
        assertThat(propertyOf("notify", "url")).containsKey(Schemas.DEPENDS_ON);
    }

    static Stream<Arguments> examples() {
        List<Arguments> examples = new ArrayList<>();
        for (NodeKind kind : NodeKinds.all()) {
            List<?> list = (List<?>) kind.configSchema().get("examples");
            for (int i = 0; i < list.size(); i++) {
                examples.add(Arguments.of(kind.type(), i, list.get(i)));
            }
        }
        return examples.stream();
    }

    @ParameterizedTest(name = "{0} example {1}")
    @MethodSource("examples")
    void everyExampleMatchesItsSchemaAndPassesTheValidator(String type, int index, Map<String, Object> example) {
        List<MappingProblem> schemaProblems = new ArrayList<>();
        SchemaValidator.validate(JsonSchema.of(NodeKinds.find(type).orElseThrow().configSchema()), example, "config",
                schemaProblems);

        assertThat(schemaProblems).filteredOn(MappingProblem::isError).isEmpty();
        assertThat(VALIDATOR.validate(definitionWith(type, example))).isEmpty();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("connector", Map.of(), "connection", "is required"),
                Arguments.of("connector", Map.of("operation", "getOrder"), "connection", "is required"),
                Arguments.of("connector", Map.of("connection", "amazon-eu"), "operation", "is required"),
                Arguments.of("connector", Map.of("connection", "nope", "operation", "getOrder"), "connection",
                        "unknown connection 'nope'"),
                Arguments.of("connector", Map.of("connection", "amazon-eu", "operation", "fly"), "operation",
                        "has no operation 'fly'"),
                Arguments.of("connector", Map.of("connection", "amazon-eu", "operation", "getOrder", "input", 12L),
                        "input", "must be an object"),
                Arguments.of("map", Map.of(), "mapping", "is required"),
                Arguments.of("map", Map.of("mapping", 12L), "mapping", "must be a string"),
                Arguments.of("map", Map.of("mapping", Map.of("schemaVersion", 1L, "rules", List.of(Map.of("target",
                        "a", "from", "b", "pipe", List.of(Map.of("fn", "shout")))))), "mapping.rules[0].pipe[0].fn",
                        "shout"),
                Arguments.of("map", Map.of("rules", "a=b"), "rules", "must be an array"),
                Arguments.of("branch", Map.of(), "conditions", "is required"),
                Arguments.of("branch", Map.of("conditions", List.of(Map.of("port", "else", "expression", "true"))),
                        "conditions[0].port", "other than 'else'"),
                Arguments.of("branch", Map.of("conditions", List.of(Map.of("port", "a", "expression", "true"),
                        Map.of("port", "a", "expression", "false"))), "conditions[1].port", "ports are unique"),
                Arguments.of("branch", Map.of("conditions", List.of(Map.of("port", "a"))),
                        "conditions[0].expression", "is required"),
                Arguments.of("branch", Map.of("conditions", List.of(Map.of("port", "a", "expression", "1 +"))),
                        "conditions[0].expression", ""),
                Arguments.of("forEach", Map.of(), "items", "is required"),
                Arguments.of("forEach", Map.of("items", "trigger.lines", "concurrency", 33L), "concurrency",
                        "from 1 to 32"),
                Arguments.of("script", Map.of(), "code", "is required"),
                Arguments.of("script", Map.of("code", "return ("), "code", ""),
                Arguments.of("script", Map.of("code", "x".repeat(ScriptNode.MAX_LENGTH + 1)), "code",
                        "at most 100000 characters"),
                Arguments.of("lookup", Map.of("key", "trigger.sku"), "table", "is required"),
                Arguments.of("lookup", Map.of("table", "t"), "key", "is required"),
                Arguments.of("delay", Map.of(), "", "not neither"),
                Arguments.of("delay", Map.of("duration", "PT1M", "until", "trigger.at"), "", "not both"),
                Arguments.of("delay", Map.of("duration", "PT0S"), "duration", "more than zero"),
                Arguments.of("delay", Map.of("duration", "soon"), "duration", "ISO 8601"),
                Arguments.of("subflow", Map.of(), "workflow", "is required"),
                Arguments.of("subflow", Map.of("workflow", "invoice"), "workflow", "a UUID"),
                Arguments.of("notify", Map.of("message", "hi"), "channel", "must be one of email, webhook, log"),
                Arguments.of("notify", Map.of("channel", "log"), "message", "is required"),
                Arguments.of("notify", Map.of("channel", "email", "message", "hi"), "to", "is required"),
                Arguments.of("notify", Map.of("channel", "webhook", "message", "hi"), "url", "http or https"),
                Arguments.of("reconcileSettlement", Map.of("opayoConnection", "opayo-gb"), "amazonConnection",
                        "is required"),
                Arguments.of("reconcileSettlement", Map.of("amazonConnection", "amazon-eu", "opayoConnection",
                        "amazon-eu"), "opayoConnection", "must be a connection of connector 'opayo-pi'"),
                Arguments.of("reconcileSettlement", Map.of("amazonConnection", "nope", "opayoConnection",
                        "opayo-gb"), "amazonConnection", "unknown connection 'nope'"),
                Arguments.of("reconcileSettlement", Map.of("amazonConnection", "amazon-eu", "opayoConnection",
                        "opayo-gb", "reconcileAgain", "yes"), "reconcileAgain", "must be true or false"),
                Arguments.of("waitUntil", Map.of("connection", "amazon-eu", "operation", "getOrder",
                        "interval", "PT1M", "timeout", "PT1H"), "condition", "is required"),
                Arguments.of("waitUntil", Map.of("connection", "amazon-eu", "operation", "getOrder",
                        "condition", "output.done", "timeout", "PT1H"), "interval", "is required"),
                Arguments.of("waitUntil", Map.of("connection", "amazon-eu", "operation", "getOrder",
                        "condition", "output.done", "interval", "PT1M"), "timeout", "is required"),
                Arguments.of("waitUntil", Map.of("connection", "amazon-eu", "operation", "getOrder",
                        "condition", "output.done", "interval", "PT1H", "timeout", "PT1M"), "timeout",
                        "at least the interval"),
                Arguments.of("waitUntil", Map.of("operation", "getOrder", "condition", "output.done",
                        "interval", "PT1M", "timeout", "PT1H"), "connection", "is required"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("refusals")
    void everyDocumentedRefusalIsNamedByTheFieldsPath(String type, Map<String, Object> config, String field,
                                                      String message) {
        List<DefinitionProblem> problems = VALIDATOR.validate(definitionWith(type, config));

        String path = "$.nodes[1].config" + (field.isEmpty() ? "" : "." + field);
        assertThat(problems).filteredOn(problem -> problem.path().equals(path)).as(problems.toString())
                .anySatisfy(problem -> {
                    assertThat(problem.nodeId()).isEqualTo("node");
                    assertThat(problem.message()).contains(message);
                });
    }

    @Test
    void theWorkflowSchemaTakesEachNodesConfigFromItsKind() {
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = (Map<String, Object>) PayloadJson.read(DefinitionJson.schema());
        Map<?, ?> defs = (Map<?, ?>) schema.get("$defs");
        List<?> byType = (List<?>) ((Map<?, ?>) defs.get("node")).get("allOf");

        assertThat(byType).hasSize(NodeKinds.all().size());
        for (NodeKind kind : NodeKinds.all()) {
            assertThat(PayloadJson.write(defs.get(kind.type() + "Config")))
                    .isEqualTo(PayloadJson.write(PayloadJson.normalized(kind.configSchema())));
            assertThat(PayloadJson.write(byType)).contains("{\"if\":{\"properties\":{\"type\":{\"const\":\""
                    + kind.type() + "\"}}").contains("\"#/$defs/" + kind.type() + "Config\"");
        }
        assertThat(new HashSet<>((List<?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) defs.get("node"))
                .get("properties")).get("type")).get("enum"))).hasSize(NodeKinds.all().size());
    }

    /** trigger -> getOrder (a connector call) -> node (of the type, with the config). */
    private static WorkflowDefinition definitionWith(String type, Map<String, Object> config) {
        Node getOrder = new Node("getOrder", "connector", "Get order", Map.of("connection", "amazon-eu",
                "operation", "getOrder"), new Position(0, 0), RetryPolicy.DEFAULT, ErrorPolicy.FAIL);
        Node node = new Node("node", type, "Node", config, new Position(0, 0), RetryPolicy.DEFAULT, ErrorPolicy.FAIL);
        return new WorkflowDefinition(1, new Trigger(TriggerKind.MANUAL, new Position(0, 0)), List.of(getOrder, node),
                List.of(new Edge(Trigger.NODE_ID, Trigger.PORT, "getOrder"), new Edge("getOrder", "out", "node")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> propertyOf(String type, String property) {
        return (Map<String, Object>) ((Map<String, Object>) NodeKinds.find(type).orElseThrow().configSchema()
                .get("properties")).get(property);
    }
}
