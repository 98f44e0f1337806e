package dev.junction.engine.definition;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DefinitionJsonTest {

    static WorkflowDefinition rich() {
        return new WorkflowDefinition(1,
                new Trigger(TriggerKind.SCHEDULE, Map.of("cron", "0 0/5 * * * ?", "timeZone", "Europe/London"),
                        new Position(0, 10.5)),
                List.of(new Node("split", "forEach", "Each item", Map.of("items", "trigger.items", "concurrency", 4),
                                new Position(200, 0), new RetryPolicy(5, 500, 30_000, 1.5), ErrorPolicy.ERROR_PORT),
                        new Node("route", "branch", "By status", Map.of("conditions", List.of(
                                Map.of("port", "paid", "expression", "item.status == 'PAID'"))),
                                new Position(400, 0), RetryPolicy.NONE, ErrorPolicy.CONTINUE),
                        new Node("big", "script", "Numbers", Map.of("code", "return 1;", "limits",
                                Map.of("count", 12_345_678_901L, "ratio", 0.25, "on", true, "none", "x")),
                                new Position(600, 0), RetryPolicy.DEFAULT, ErrorPolicy.FAIL)),
                List.of(new Edge("trigger", "out", "split"), new Edge("split", "body", "route"),
                        new Edge("route", "paid", "big"), new Edge("split", "error", "big")));
    }

    @Test
    void aDefinitionReadsBackEqualToWhatWasWritten() {
        WorkflowDefinition definition = rich();

        String json = DefinitionJson.write(definition);

        assertThat(DefinitionJson.read(json)).isEqualTo(definition);
        assertThat(json).contains("\"kind\" : \"schedule\"").contains("\"onError\" : \"error\"")
                .contains("12345678901");
    }

    @Test
    void theInitialDefinitionRoundTrips() {
        assertThat(DefinitionJson.read(DefinitionJson.write(WorkflowDefinition.initial())))
                .isEqualTo(WorkflowDefinition.initial());
    }

    @Test
    void optionalPartsTakeTheirDefaults() {
        WorkflowDefinition definition = DefinitionJson.read("""
                {"schemaVersion": 1, "trigger": {"kind": "manual"},
                 "nodes": [{"id": "a", "type": "script", "name": "A"}],
                 "edges": [{"from": "trigger", "to": "a"}]}""");

        Node node = definition.nodes().getFirst();
        assertThat(node.config()).isEmpty();
        assertThat(node.position()).isEqualTo(new Position(0, 0));
        assertThat(node.retry()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(node.onError()).isEqualTo(ErrorPolicy.FAIL);
        assertThat(definition.edges().getFirst().fromPort()).isEqualTo("out");
    }

    @Test
    void malformedJsonIsOneProblemAtTheRoot() {
        DefinitionFormatException e = catchThrowableOfType(DefinitionFormatException.class,
                () -> DefinitionJson.read("{\"schemaVersion\": "));

        assertThat(e.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("$");
            assertThat(problem.message()).startsWith("is not valid JSON");
        });
    }

    @Test
    void everyShapeProblemIsReportedAtOnceWithItsPath() {
        DefinitionFormatException e = catchThrowableOfType(DefinitionFormatException.class, () -> DefinitionJson.read("""
                {"schemaVersion": 2, "colour": "red",
                 "trigger": {"kind": "cron", "position": {"x": "left"}},
                 "nodes": [
                   {"id": "a", "type": "script", "name": 7, "size": 1},
                   {"id": "b", "type": "script", "name": "B", "config": [],
                    "retry": {"maxAttempts": 0, "initialDelayMillis": 5000, "maxDelayMillis": 10, "multiplier": 50},
                    "onError": "ignore"},
                   "not a node"],
                 "edges": [{"from": "trigger"}, {"from": "a", "to": "b", "label": "x"}]}"""));

        assertThat(e.problems()).extracting(DefinitionProblem::path).contains(
                "$.colour", "$.schemaVersion", "$.trigger.kind", "$.trigger.position", "$.nodes[0].name",
                "$.nodes[0].size", "$.nodes[1].config", "$.nodes[1].retry.maxAttempts",
                "$.nodes[1].retry.multiplier", "$.nodes[1].onError", "$.nodes[2]", "$.edges[0].to",
                "$.edges[1].label");
        assertThat(e.problems()).filteredOn(problem -> problem.path().equals("$.trigger.kind")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("manual, webhook, schedule, polling"));
        assertThat(e.problems()).filteredOn(problem -> problem.path().equals("$.nodes[0].size")).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.nodeId()).isEqualTo("a");
                    assertThat(problem.message()).contains("known fields: config, id, name, onError, position");
                });
        assertThat(e.problems()).filteredOn(problem -> problem.path().equals("$.nodes[1].onError")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("fail, continue, error"));
    }

    @Test
    void aMaximumDelayBelowTheFirstDelayIsAProblem() {
        assertThatThrownBy(() -> DefinitionJson.read("""
                {"schemaVersion": 1, "trigger": {"kind": "manual"}, "edges": [],
                 "nodes": [{"id": "a", "type": "script", "name": "A",
                            "retry": {"initialDelayMillis": 5000, "maxDelayMillis": 10}}]}"""))
                .isInstanceOf(DefinitionFormatException.class)
                .hasMessageContaining("$.nodes[0].retry.maxDelayMillis: must not be less than initialDelayMillis");
    }

    @Test
    void missingPartsAreNamed() {
        DefinitionFormatException e = catchThrowableOfType(DefinitionFormatException.class,
                () -> DefinitionJson.read("{}"));

        assertThat(e.problems()).extracting(DefinitionProblem::path)
                .containsExactlyInAnyOrder("$.schemaVersion", "$.trigger", "$.nodes", "$.edges");
    }

    @Test
    void theSchemaIsJsonAndNamesEveryNodeTypeTriggerKindAndErrorPolicy() {
        JsonNode schema = JsonMapper.builder().build().readTree(DefinitionJson.schema());

        assertThat(schema.at("/$defs/node/properties/type/enum").valueStream().map(JsonNode::asString))
                .containsExactlyElementsOf(Arrays.stream(NodeType.values()).map(NodeType::jsonName).toList());
        assertThat(schema.at("/properties/trigger/properties/kind/enum").valueStream().map(JsonNode::asString))
                .containsExactlyElementsOf(Arrays.stream(TriggerKind.values()).map(TriggerKind::jsonName).toList());
        assertThat(schema.at("/$defs/node/properties/onError/enum").valueStream().map(JsonNode::asString))
                .containsExactlyElementsOf(Arrays.stream(ErrorPolicy.values()).map(ErrorPolicy::jsonName).toList());
        assertThat(schema.at("/$defs/node/properties/retry/properties/maxAttempts/maximum").asInt())
                .isEqualTo(RetryPolicy.MAX_ATTEMPTS);
    }
}
