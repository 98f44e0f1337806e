package dev.junction.engine.nodes;

import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.DefinitionValidator;
import dev.junction.engine.definition.Node;
import dev.junction.engine.definition.OperationCatalog;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.mapping.MappingEnvironment;
import dev.junction.engine.mapping.MappingTestSupport;
import dev.junction.engine.runs.ClaimedTask;
import dev.junction.engine.runs.Mappings;
import dev.junction.engine.runs.RunState;
import dev.junction.engine.runs.StepInterpreter;
import dev.junction.engine.runs.StepResult;
import dev.junction.engine.runs.TaskKind;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A map node saved with the older {@code rules} (target and JavaScript over trigger, nodes and vars) is read as an
 * inline mapping and gives the output the rules gave: the same fields, values and key order.
 */
class LegacyMapRulesTest {

    private static final String OLD_FORMAT = """
            {"schemaVersion": 1, "trigger": {"kind": "manual"},
             "nodes": [{"id": "getOrder", "type": "connector", "name": "Get order",
                        "config": {"connection": "amazon-eu", "operation": "getOrder"}},
                       {"id": "shape", "type": "map", "name": "Shape", "config": {"rules": [
                          {"target": "order.id", "expression": "trigger.orderId"},
                          {"target": "channel", "value": "web"},
                          {"target": "order.total", "expression": "nodes.getOrder.lines.reduce((sum, line) => sum + line.price, 0)"},
                          {"target": "order.sku", "expression": "trigger.lines[0].sku.toUpperCase()"},
                          {"target": "item", "expression": "vars.item"},
                          {"target": "flags", "value": {"gift": true, "note": "wrap"}},
                          {"target": "count", "expression": "nodes.getOrder.lines.length"},
                          {"target": "channel", "value": "shop"}]}}],
             "edges": [{"from": "trigger", "to": "getOrder"}, {"from": "getOrder", "to": "shape"}]}""";

    /** What the rules gave (the map node's own evaluation, target by target, a later target overwriting). */
    private static final String RULES_OUTPUT = """
            {"order": {"id": "A-1", "total": 30, "sku": "ABC"}, "channel": "shop", "item": {"n": 2},
             "flags": {"gift": true, "note": "wrap"}, "count": 2}""";

    @Test
    void anOldFormatMapNodeGivesTheSameOutputAsItsRulesDid() {
        WorkflowDefinition definition = DefinitionJson.read(OLD_FORMAT);
        Node shape = definition.node("shape").orElseThrow();

        assertThat(shape.config()).containsKey("mapping").doesNotContainKey("rules");
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("getOrder", PayloadJson.read("{\"lines\": [{\"price\": 10}, {\"price\": 20}]}"));
        RunState state = new RunState(UUID.randomUUID(), null,
                PayloadJson.read("{\"orderId\": \"A-1\", \"lines\": [{\"sku\": \"abc\"}]}"), outputs,
                Map.of("item", Map.of("n", 2L)), true);
        StepResult result = interpreter().run(definition, shape, task(state), state);

        assertThat(result).isInstanceOfSatisfying(StepResult.Done.class, done -> {
            assertThat(done.ports()).containsExactly(NodeKind.OUT);
            assertThat(PayloadJson.write(done.output())).isEqualTo(PayloadJson.write(PayloadJson.read(RULES_OUTPUT)));
        });
    }

    @Test
    void theConvertedNodeIsValidAndWritesBackInTheCurrentForm() {
        WorkflowDefinition definition = DefinitionJson.read(OLD_FORMAT);
        OperationCatalog catalog = new OperationCatalog() {
            @Override
            public Optional<String> connectorOfConnection(String connectionId) {
                return Optional.of("amazon-sp-api").filter(any -> connectionId.equals("amazon-eu"));
            }

            @Override
            public boolean hasOperation(String connectorId, String operationId) {
                return operationId.equals("getOrder");
            }
        };

        assertThat(new DefinitionValidator(catalog, MappingTestSupport.EXPRESSIONS, MappingTestSupport.COMPILER::check)
                .validate(definition)).isEmpty();
        WorkflowDefinition again = DefinitionJson.read(DefinitionJson.write(definition));
        assertThat(again).isEqualTo(definition);
        assertThat(again.node("shape").orElseThrow().config().get("source")).isEqualTo("({trigger: trigger, nodes: nodes, vars: vars})");
    }

    @Test
    void plainPathsFromOnePartOfTheScopeAreReadAsPathsWithNoJavaScript() {
        String definitionJson = """
                {"schemaVersion": 1, "trigger": {"kind": "manual"},
                 "nodes": [{"id": "shape", "type": "map", "name": "Shape", "config": {"rules": [
                              {"target": "sku", "expression": "trigger.sku"},
                              {"target": "order.email", "expression": " trigger . customer.email "},
                              {"target": "channel", "value": "web"}]}}],
                 "edges": [{"from": "trigger", "to": "shape"}]}""";
        WorkflowDefinition definition = DefinitionJson.read(definitionJson);
        Node shape = definition.node("shape").orElseThrow();

        assertThat(shape.config()).containsEntry("source", "trigger");
        assertThat(PayloadJson.write(shape.config().get("mapping"))).isEqualTo(PayloadJson.write(PayloadJson.read("""
                {"schemaVersion": 1, "rules": [{"target": "sku", "from": "sku"},
                 {"target": "order.email", "from": "customer.email"}, {"target": "channel", "value": "web"}]}""")));
        RunState state = new RunState(UUID.randomUUID(), null,
                PayloadJson.read("{\"sku\": \"A-1\", \"customer\": {\"email\": \"a@b.example\"}}"), Map.of(),
                Map.of(), true);
        StepResult result = interpreter().run(definition, shape, task(state), state);
        assertThat(result).isInstanceOfSatisfying(StepResult.Done.class, done -> assertThat(PayloadJson.write(
                done.output())).isEqualTo(PayloadJson.write(PayloadJson.read(
                "{\"sku\": \"A-1\", \"order\": {\"email\": \"a@b.example\"}, \"channel\": \"web\"}"))));

        // a length, or paths from two parts of the scope, stay JavaScript (a mapping path would read a field)
        assertThat(NodeKinds.find("map").orElseThrow().upgrade(Map.of("rules", List.of(
                Map.of("target", "n", "expression", "trigger.lines.length"))))).containsEntry("source",
                "({trigger: trigger})");
        assertThat(NodeKinds.find("map").orElseThrow().upgrade(Map.of("rules", List.of(
                Map.of("target", "a", "expression", "trigger.a"), Map.of("target", "b", "expression", "vars.b")))))
                .containsEntry("source", "({trigger: trigger, vars: vars})");
    }

    @Test
    void onlyThePartsOfTheScopeTheExpressionsNameAreMapped() {
        Map<String, Object> config = NodeKinds.find("map").orElseThrow().upgrade(Map.of("rules", List.of(
                Map.of("target", "id", "expression", "trigger.orderId.trim()"), Map.of("target", "at", "value",
                1L))));

        assertThat(config.get("source")).isEqualTo("({trigger: trigger})");
        assertThat(NodeKinds.find("map").orElseThrow().upgrade(Map.of("rules", List.of(Map.of("target", "at",
                "value", 1L))))).doesNotContainKey("source");
    }

    @Test
    void malformedOldRulesStayAsWrittenForTheValidatorToName() {
        Map<String, Object> config = Map.of("rules", List.of(Map.of("expression", "trigger.id")));

        assertThat(NodeKinds.find("map").orElseThrow().upgrade(config)).isSameAs(config);
    }

    private static StepInterpreter interpreter() {
        Mappings mappings = Mappings.compiling(MappingTestSupport.COMPILER, MappingEnvironment.NONE,
                id -> Optional.empty());
        return new StepInterpreter(MappingTestSupport.EXPRESSIONS, null, null, null, null, mappings, null,
                Clock.systemUTC());
    }

    private static ClaimedTask task(RunState state) {
        return new ClaimedTask(1, state.runId(), UUID.randomUUID(), 1, "shape", null, null, 1, TaskKind.EXECUTE, null,
                "w", false);
    }
}
