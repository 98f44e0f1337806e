package dev.junction.engine.definition;

import dev.junction.engine.nodes.NodeKinds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DefinitionJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A definition that uses every node type, trigger config, retry and error policy, and JSON value kind. */
    static WorkflowDefinition rich() {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("count", 12_345_678_901L);
        limits.put("negative", -3L);
        limits.put("ratio", 0.25);
        limits.put("whole", 2.0);
        limits.put("big", 1.0e300);
        limits.put("on", true);
        limits.put("none", null);
        limits.put("text", "ünïcödé \"quoted\" \n line");
        limits.put("list", List.of(1L, "two", List.of(), Map.of()));
        return new WorkflowDefinition(1,
                new Trigger(TriggerKind.SCHEDULE, Map.of("cron", "0 0/5 * * * ?", "timeZone", "Europe/London"),
                        new Position(0, 10.5)),
                List.of(new Node("orders", "connector", "Get orders", Map.of("connection", "amazon-eu",
                                "operation", "getOrders", "input", Map.of("since", "{{trigger.time}}")),
                                new Position(100, -20), new RetryPolicy(5, 500, 30_000, 1.5), ErrorPolicy.ERROR_PORT),
                        new Node("split", "forEach", "Each item", Map.of("items", "nodes.orders.items", "concurrency", 4),
                                new Position(200, 0), RetryPolicy.NONE, ErrorPolicy.FAIL),
                        new Node("route", "branch", "By status", Map.of("conditions", List.of(
                                Map.of("port", "paid", "expression", "item.status == 'PAID'"))),
                                new Position(400, 0), RetryPolicy.NONE, ErrorPolicy.CONTINUE),
                        plain("toFba", "map", "To FBA", Map.of("mapping", Map.of("schemaVersion", 1L, "rules", List.of(Map.of("target", "b", "from", "a")))),
                                new Position(600, 0)),
                        new Node("big", "script", "Numbers", Map.of("code", "return 1;", "limits", limits),
                                new Position(600, 100), RetryPolicy.DEFAULT, ErrorPolicy.FAIL),
                        plain("asin", "lookup", "ASIN", Map.of("table", "sku-asin", "key", "item.sku"),
                                new Position(700, 0)),
                        plain("wait", "delay", "Wait", Map.of("duration", "PT15M"), new Position(800, 0)),
                        plain("sub", "subflow", "Invoice", Map.of("workflow", "0b9b8f1e-3b5a-4a51-9d1c-2f7f6a3c1d10"),
                                new Position(900, 0)),
                        plain("tell", "notify", "Tell ops", Map.of("channel", "log", "message", "failed"),
                                new Position(900, 100))),
                List.of(new Edge("trigger", "out", "orders"), new Edge("orders", "out", "split"),
                        new Edge("split", "body", "route"), new Edge("route", "paid", "toFba"),
                        new Edge("route", "else", "big"), new Edge("toFba", "out", "asin"),
                        new Edge("asin", "out", "split"), new Edge("big", "out", "split"),
                        new Edge("split", "done", "wait"), new Edge("wait", "out", "sub"),
                        new Edge("orders", "error", "tell")));
    }

    /** A node with the default retry policy that fails the run when it fails. */
    private static Node plain(String id, String type, String name, Map<String, Object> config, Position position) {
        return new Node(id, type, name, config, position, RetryPolicy.DEFAULT, ErrorPolicy.FAIL);
    }

    /** A minimal valid document with these nodes and edges (each a JSON array's content). */
    private static String document(String nodes, String edges) {
        return """
                {"schemaVersion": 1, "trigger": {"kind": "manual"}, "nodes": [%s], "edges": [%s]}""".formatted(nodes, edges);
    }

    /** A document with one node that has these extra fields (JSON object members). */
    private static String withNode(String fields) {
        return document("{\"id\": \"a\", \"type\": \"script\", \"name\": \"A\"" + (fields.isEmpty() ? "" : ", ")
                + fields + "}", "");
    }

    private static List<DefinitionProblem> problems(String json) {
        DefinitionFormatException e = catchThrowableOfType(DefinitionFormatException.class,
                () -> DefinitionJson.read(json));
        assertThat(e).as("reading %s", json).isNotNull();
        assertThat(e.problems()).isNotEmpty();
        return e.problems();
    }

    /** The only problem of the document, which must be at the path. */
    private static DefinitionProblem only(String json, String path) {
        List<DefinitionProblem> problems = problems(json);
        assertThat(problems).as("problems").hasSize(1);
        assertThat(problems.getFirst().path()).isEqualTo(path);
        return problems.getFirst();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(property -> names.add(property.getKey()));
        return names;
    }

    @Test
    void aDefinitionReadsBackEqualToWhatWasWritten() {
        WorkflowDefinition definition = rich();

        String json = DefinitionJson.write(definition);

        assertThat(DefinitionJson.read(json)).isEqualTo(definition);
        assertThat(DefinitionJson.write(DefinitionJson.read(json))).isEqualTo(json);
    }

    @Test
    void theInitialDefinitionRoundTrips() {
        assertThat(DefinitionJson.read(DefinitionJson.write(WorkflowDefinition.initial())))
                .isEqualTo(WorkflowDefinition.initial());
    }

    @Test
    void writingGivesEveryFieldInAFixedOrder() {
        JsonNode root = JSON.readTree(DefinitionJson.write(rich()));

        assertThat(fieldNames(root)).containsExactly("schemaVersion", "trigger", "nodes", "edges");
        assertThat(fieldNames(root.get("trigger"))).containsExactly("kind", "config", "position");
        assertThat(fieldNames(root.get("nodes").get(0)))
                .containsExactly("id", "type", "name", "config", "position", "retry", "onError");
        assertThat(fieldNames(root.get("nodes").get(0).get("retry")))
                .containsExactly("maxAttempts", "initialDelayMillis", "maxDelayMillis", "multiplier", "budget");
        assertThat(fieldNames(root.get("edges").get(0))).containsExactly("from", "fromPort", "to");
        assertThat(root.at("/trigger/kind").asString()).isEqualTo("schedule");
        assertThat(root.at("/nodes/0/onError").asString()).isEqualTo("error");
        assertThat(root.at("/nodes/1/retry/maxAttempts").asInt()).isEqualTo(1);
    }

    @Test
    void numbersInConfigKeepTheirKind() {
        String json = DefinitionJson.write(rich());
        JsonNode limits = JSON.readTree(json).at("/nodes/4/config/limits");

        assertThat(limits.get("count").isIntegralNumber()).isTrue();
        assertThat(JSON.readTree(json).at("/nodes/1/config/concurrency").isIntegralNumber()).isTrue();
        assertThat(json).contains("\"count\" : 12345678901").contains("\"whole\" : 2.0");
        Map<String, Object> read = DefinitionJson.read(json).nodes().get(4).config();
        @SuppressWarnings("unchecked")
        Map<String, Object> readLimits = (Map<String, Object>) read.get("limits");
        assertThat(readLimits.get("count")).isInstanceOf(Long.class).isEqualTo(12_345_678_901L);
        assertThat(readLimits.get("whole")).isInstanceOf(Double.class).isEqualTo(2.0);
        assertThat(readLimits.get("ratio")).isInstanceOf(Double.class).isEqualTo(0.25);
        assertThat(readLimits.get("list")).isEqualTo(List.of(1L, "two", List.of(), Map.of()));
        assertThat(readLimits).containsEntry("none", null);
    }

    @Test
    void optionalPartsTakeTheirDefaults() {
        WorkflowDefinition definition = DefinitionJson.read("""
                {"schemaVersion": 1, "trigger": {"kind": "manual"},
                 "nodes": [{"id": "a", "type": "script", "name": "A"}],
                 "edges": [{"from": "trigger", "to": "a"}]}""");

        assertThat(definition.trigger().config()).isEmpty();
        assertThat(definition.trigger().position()).isEqualTo(new Position(0, 0));
        Node node = definition.nodes().getFirst();
        assertThat(node.config()).isEmpty();
        assertThat(node.position()).isEqualTo(new Position(0, 0));
        assertThat(node.retry()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(node.onError()).isEqualTo(ErrorPolicy.FAIL);
        assertThat(definition.edges().getFirst()).isEqualTo(new Edge("trigger", "out", "a"));
    }

    @Test
    void aPartialRetryPolicyTakesTheRestFromTheDefault() {
        Node node = DefinitionJson.read(withNode("\"retry\": {\"maxAttempts\": 7}")).nodes().getFirst();

        assertThat(node.retry()).isEqualTo(new RetryPolicy(7, 1_000, 60_000, 2.0));
    }

    @Test
    void anUnknownNodeTypeIsReadSoThatTheValidatorCanNameIt() {
        Node node = DefinitionJson.read(document("{\"id\": \"a\", \"type\": \"teleport\", \"name\": \"A\"}", ""))
                .nodes().getFirst();

        assertThat(node.type()).isEqualTo("teleport");
    }

    @Test
    void malformedJsonIsOneProblemAtTheRootWithTheParsersLocation() {
        DefinitionProblem problem = only("{\"schemaVersion\": 1,\n \"trigger\": }", "$");

        assertThat(problem.nodeId()).isNull();
        assertThat(problem.message()).startsWith("is not valid JSON: Unexpected character ('}'")
                .endsWith("(line 2, column 13)");
    }

    @Test
    void aRepeatedKeyIsMalformed() {
        DefinitionProblem problem = only("""
                {"schemaVersion": 1, "schemaVersion": 1, "trigger": {"kind": "manual"}, "nodes": [], "edges": []}""",
                "$");

        assertThat(problem.message()).contains("Duplicate").contains("schemaVersion").contains("line 1");
    }

    @Test
    void theDocumentMustBeAnObject() {
        assertThat(only("[]", "$").message()).isEqualTo("must be a JSON object with schemaVersion, trigger, nodes and edges");
        assertThat(only("", "$").message()).startsWith("must be a JSON object");
    }

    @Test
    void missingPartsAreNamed() {
        assertThat(problems("{}")).extracting(DefinitionProblem::path, DefinitionProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("$.schemaVersion", "is required and must be 1"),
                org.assertj.core.groups.Tuple.tuple("$.trigger", "is required: an object with kind, config and position"),
                org.assertj.core.groups.Tuple.tuple("$.nodes", "is required and must be an array (it may be empty)"),
                org.assertj.core.groups.Tuple.tuple("$.edges", "is required and must be an array (it may be empty)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2              | is required and must be 1, was 2",
            "'\"1\"'        | is required and must be 1, was \"1\"",
            "1.0            | is required and must be 1, was 1.0",
            "4294967297     | is required and must be 1, was 4294967297",
            "null           | is required and must be 1, was null"})
    void theSchemaVersionMustBeOne(String version, String message) {
        String json = """
                {"schemaVersion": %s, "trigger": {"kind": "manual"}, "nodes": [], "edges": []}""".formatted(version);

        assertThat(only(json, "$.schemaVersion").message()).isEqualTo(message);
    }

    @Test
    void theTriggerMustBeAnObjectWithAKnownKind() {
        assertThat(only("{\"schemaVersion\": 1, \"trigger\": \"manual\", \"nodes\": [], \"edges\": []}", "$.trigger")
                .message()).isEqualTo("is required: an object with kind, config and position");
        assertThat(only("{\"schemaVersion\": 1, \"trigger\": {}, \"nodes\": [], \"edges\": []}", "$.trigger.kind")
                .message()).isEqualTo("is required");
        assertThat(only("{\"schemaVersion\": 1, \"trigger\": {\"kind\": 3}, \"nodes\": [], \"edges\": []}",
                "$.trigger.kind").message()).isEqualTo("must be a string");
        DefinitionProblem unknown = only("""
                {"schemaVersion": 1, "trigger": {"kind": "cron"}, "nodes": [], "edges": []}""", "$.trigger.kind");
        assertThat(unknown.nodeId()).isNull();
        assertThat(unknown.message()).isEqualTo("must be one of manual, webhook, schedule, polling, was 'cron'");
    }

    @Test
    void theTriggersConfigAndPositionAreChecked() {
        assertThat(only("""
                {"schemaVersion": 1, "trigger": {"kind": "manual", "config": "x"}, "nodes": [], "edges": []}""",
                "$.trigger.config").message()).isEqualTo("must be a JSON object");
        assertThat(only("""
                {"schemaVersion": 1, "trigger": {"kind": "manual", "position": {"x": 1}}, "nodes": [], "edges": []}""",
                "$.trigger.position.y").message()).isEqualTo("is required: a number");
    }

    @Test
    void nodesAndEdgesMustBeArrays() {
        List<DefinitionProblem> problems = problems("""
                {"schemaVersion": 1, "trigger": {"kind": "manual"}, "nodes": {}, "edges": "none"}""");

        assertThat(problems).extracting(DefinitionProblem::path).containsExactly("$.nodes", "$.edges");
        assertThat(problems).extracting(DefinitionProblem::message)
                .containsOnly("is required and must be an array (it may be empty)");
    }

    @Test
    void aNodeMustBeAnObject() {
        DefinitionProblem problem = only(document("\"a\"", ""), "$.nodes[0]");

        assertThat(problem.nodeId()).isNull();
        assertThat(problem.message()).isEqualTo("must be an object with id, type, name and config");
    }

    @Test
    void aNodeNeedsIdTypeAndName() {
        List<DefinitionProblem> problems = problems(document("{\"config\": {}}", ""));

        assertThat(problems).extracting(DefinitionProblem::path, DefinitionProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("$.nodes[0].id", "is required"),
                org.assertj.core.groups.Tuple.tuple("$.nodes[0].type", "is required"),
                org.assertj.core.groups.Tuple.tuple("$.nodes[0].name", "is required"));
    }

    @Test
    void aNodesFieldsMustHaveTheirJsonTypes() {
        List<DefinitionProblem> problems = problems(document(
                "{\"id\": \"a\", \"type\": [\"script\"], \"name\": 7, \"config\": [], \"onError\": true}", ""));

        assertThat(problems).extracting(DefinitionProblem::path, DefinitionProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("$.nodes[0].type", "must be a string"),
                org.assertj.core.groups.Tuple.tuple("$.nodes[0].name", "must be a string"),
                org.assertj.core.groups.Tuple.tuple("$.nodes[0].config", "must be a JSON object"),
                org.assertj.core.groups.Tuple.tuple("$.nodes[0].onError", "must be a string"));
        assertThat(problems).extracting(DefinitionProblem::nodeId).containsOnly("a");
    }

    @Test
    void aNodeWithoutAUsableIdHasNoNodeIdInItsProblems() {
        DefinitionProblem problem = only(document("{\"id\": 5, \"type\": \"script\", \"name\": \"A\"}", ""),
                "$.nodes[0].id");

        assertThat(problem.nodeId()).isNull();
        assertThat(problem.message()).isEqualTo("must be a string");
    }

    static Stream<Arguments> wrongPositions() {
        return Stream.of(
                Arguments.of("\"position\": \"left\"", "$.nodes[0].position",
                        "must be an object {\"x\": number, \"y\": number}"),
                Arguments.of("\"position\": {\"y\": 1}", "$.nodes[0].position.x", "is required: a number"),
                Arguments.of("\"position\": {\"x\": \"1\", \"y\": 1}", "$.nodes[0].position.x",
                        "must be a number (of the range of a 64-bit floating-point number)"),
                Arguments.of("\"position\": {\"x\": 1, \"y\": 1e400}", "$.nodes[0].position.y",
                        "must be a number (of the range of a 64-bit floating-point number)"),
                Arguments.of("\"position\": {\"x\": 1, \"y\": 2, \"z\": 3}", "$.nodes[0].position.z",
                        "is not a known field; known fields: x, y"));
    }

    @ParameterizedTest
    @MethodSource("wrongPositions")
    void aPositionIsAnObjectOfTwoNumbers(String fields, String path, String message) {
        DefinitionProblem problem = only(withNode(fields), path);

        assertThat(problem.nodeId()).isEqualTo("a");
        assertThat(problem.message()).isEqualTo(message);
    }

    static Stream<Arguments> wrongRetries() {
        return Stream.of(
                Arguments.of("\"maxAttempts\": 0", "maxAttempts", "must be a whole number from 1 to 20, was 0"),
                Arguments.of("\"maxAttempts\": 21", "maxAttempts", "must be a whole number from 1 to 20, was 21"),
                Arguments.of("\"maxAttempts\": 2.5", "maxAttempts", "must be a whole number from 1 to 20, was 2.5"),
                Arguments.of("\"maxAttempts\": \"3\"", "maxAttempts",
                        "must be a whole number from 1 to 20, was \"3\""),
                Arguments.of("\"initialDelayMillis\": -1", "initialDelayMillis",
                        "must be a whole number from 0 to 3600000, was -1"),
                Arguments.of("\"initialDelayMillis\": 3600001, \"maxDelayMillis\": 4000000", "initialDelayMillis",
                        "must be a whole number from 0 to 3600000, was 3600001"),
                Arguments.of("\"maxDelayMillis\": 86400001", "maxDelayMillis",
                        "must be a whole number from 0 to 86400000, was 86400001"),
                Arguments.of("\"initialDelayMillis\": 5000, \"maxDelayMillis\": 10", "maxDelayMillis",
                        "must not be less than initialDelayMillis (5000), was 10"),
                Arguments.of("\"multiplier\": 0.5", "multiplier", "must be a number from 1.0 to 10.0, was 0.5"),
                Arguments.of("\"multiplier\": 10.5", "multiplier", "must be a number from 1.0 to 10.0, was 10.5"),
                Arguments.of("\"multiplier\": 1e400", "multiplier", "must be a number from 1.0 to 10.0, was"),
                Arguments.of("\"multiplier\": \"2\"", "multiplier", "must be a number from 1.0 to 10.0, was \"2\""),
                Arguments.of("\"budget\": \"15 minutes\"", "budget",
                        "must be an ISO 8601 duration from PT0S to 30 days, such as PT15M, was \"15 minutes\""),
                Arguments.of("\"budget\": \"P31D\"", "budget", "must be an ISO 8601 duration from PT0S to 30 days"),
                Arguments.of("\"budget\": \"-PT1M\"", "budget", "must be an ISO 8601 duration"),
                Arguments.of("\"budget\": 900", "budget", "must be an ISO 8601 duration"),
                Arguments.of("\"jitter\": true", "jitter", "is not a known field; known fields: budget,"
                        + " initialDelayMillis, maxAttempts, maxDelayMillis, multiplier"));
    }

    @ParameterizedTest
    @MethodSource("wrongRetries")
    void retryFieldsKeepToTheirRanges(String retry, String field, String message) {
        DefinitionProblem problem = only(withNode("\"retry\": {" + retry + "}"), "$.nodes[0].retry." + field);

        assertThat(problem.nodeId()).isEqualTo("a");
        assertThat(problem.message()).startsWith(message);
    }

    @Test
    void aRetryPolicyIsAnObject() {
        assertThat(only(withNode("\"retry\": 3"), "$.nodes[0].retry").message())
                .isEqualTo("must be an object with budget, initialDelayMillis, maxAttempts, maxDelayMillis, multiplier");
    }

    @Test
    void theRetryLimitsThemselvesAreAccepted() {
        Node node = DefinitionJson.read(withNode("\"retry\": {\"maxAttempts\": 20, \"initialDelayMillis\": 3600000,"
                + " \"maxDelayMillis\": 86400000, \"multiplier\": 10}")).nodes().getFirst();

        assertThat(node.retry()).isEqualTo(new RetryPolicy(20, 3_600_000, 86_400_000, 10.0));
    }

    @Test
    void aRetryBudgetIsReadAndWrittenAndWithoutMaxAttemptsNothingButTheBudgetLimitsTheTries() {
        Node node = DefinitionJson.read(withNode("\"retry\": {\"budget\": \"PT2H\"}")).nodes().getFirst();

        assertThat(node.retry()).isEqualTo(new RetryPolicy(null, 1_000, 60_000, 2.0, java.time.Duration.ofHours(2)));
        JsonNode written = JSON.readTree(DefinitionJson.write(DefinitionJson.read(withNode("\"retry\": {\"budget\":"
                + " \"PT2H\"}")))).at("/nodes/0/retry");
        assertThat(written.has("maxAttempts")).isFalse();
        assertThat(written.get("budget").asString()).isEqualTo("PT2H");
        assertThat(DefinitionJson.read(withNode("")).nodes().getFirst().retry().budget())
                .isEqualTo(java.time.Duration.ofMinutes(15));
    }

    @Test
    void onErrorIsFailContinueOrError() {
        DefinitionProblem problem = only(withNode("\"onError\": \"ignore\""), "$.nodes[0].onError");

        assertThat(problem.nodeId()).isEqualTo("a");
        assertThat(problem.message()).isEqualTo("must be one of fail, continue, error, was 'ignore'");
        assertThat(DefinitionJson.read(withNode("\"onError\": \"continue\"")).nodes().getFirst().onError())
                .isEqualTo(ErrorPolicy.CONTINUE);
        assertThat(DefinitionJson.read(withNode("\"onError\": \"error\"")).nodes().getFirst().onError())
                .isEqualTo(ErrorPolicy.ERROR_PORT);
    }

    @Test
    void unknownFieldsAreNamedWithTheKnownOnes() {
        List<DefinitionProblem> problems = problems("""
                {"schemaVersion": 1, "colour": "red",
                 "trigger": {"kind": "manual", "secret": "x"},
                 "nodes": [{"id": "a", "type": "script", "name": "A", "size": 1}],
                 "edges": [{"from": "trigger", "to": "a", "label": "x"}]}""");

        assertThat(problems).extracting(DefinitionProblem::path, DefinitionProblem::nodeId, DefinitionProblem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("$.colour", null,
                                "is not a known field; known fields: edges, nodes, notes, schemaVersion, trigger"),
                        org.assertj.core.groups.Tuple.tuple("$.trigger.secret", null,
                                "is not a known field; known fields: config, kind, position"),
                        org.assertj.core.groups.Tuple.tuple("$.nodes[0].size", "a",
                                "is not a known field; known fields: config, id, name, onError, position, retry, type"),
                        org.assertj.core.groups.Tuple.tuple("$.edges[0].label", null,
                                "is not a known field; known fields: from, fromPort, to"));
    }

    @Test
    void anEdgeNeedsFromAndTo() {
        List<DefinitionProblem> problems = problems(document("", "{\"fromPort\": \"out\"}, {\"from\": \"a\", \"to\": 3},"
                + " \"a->b\", {\"from\": \"a\", \"fromPort\": 1, \"to\": \"b\"}"));

        assertThat(problems).extracting(DefinitionProblem::path, DefinitionProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("$.edges[0].from", "is required"),
                org.assertj.core.groups.Tuple.tuple("$.edges[0].to", "is required"),
                org.assertj.core.groups.Tuple.tuple("$.edges[1].to", "must be a string"),
                org.assertj.core.groups.Tuple.tuple("$.edges[2]", "must be an object with from, fromPort and to"),
                org.assertj.core.groups.Tuple.tuple("$.edges[3].fromPort", "must be a string"));
        assertThat(problems).extracting(DefinitionProblem::nodeId).containsOnlyNulls();
    }

    @Test
    void aConfigNumberBeyondTheRangeOfADoubleIsAProblem() {
        DefinitionProblem problem = only(withNode("\"config\": {\"limits\": [1, 1e400]}"), "$.nodes[0].config.limits[1]");

        assertThat(problem.nodeId()).isEqualTo("a");
        assertThat(problem.message()).isEqualTo("is a number beyond the range of a 64-bit floating-point number");
    }

    @Test
    void aWholeNumberBeyondALongReadsAsADouble() {
        Map<String, Object> config = DefinitionJson.read(withNode("\"config\": {\"n\": 123456789012345678901234567890}"))
                .nodes().getFirst().config();

        assertThat(config.get("n")).isEqualTo(1.2345678901234568E29);
    }

    @Test
    void everyShapeProblemIsReportedAtOnce() {
        List<DefinitionProblem> problems = problems("""
                {"schemaVersion": 2, "colour": "red",
                 "trigger": {"kind": "cron", "position": {"x": "left", "y": 0}},
                 "nodes": [
                   {"id": "a", "type": "script", "name": 7, "size": 1},
                   {"id": "b", "type": "script", "name": "B", "config": [],
                    "retry": {"maxAttempts": 0, "initialDelayMillis": 5000, "maxDelayMillis": 10, "multiplier": 50},
                    "onError": "ignore"},
                   "not a node"],
                 "edges": [{"from": "trigger"}, {"from": "a", "to": "b", "label": "x"}]}""");

        assertThat(problems).extracting(DefinitionProblem::path).containsExactly(
                "$.colour", "$.schemaVersion", "$.trigger.kind", "$.trigger.position.x", "$.nodes[0].size",
                "$.nodes[0].name", "$.nodes[1].config", "$.nodes[1].retry.maxAttempts",
                "$.nodes[1].retry.multiplier", "$.nodes[1].retry.maxDelayMillis", "$.nodes[1].onError",
                "$.nodes[2]", "$.edges[0].to", "$.edges[1].label");
    }

    @Test
    void theSchemaIsJsonAndNamesEveryNodeTypeTriggerKindAndErrorPolicy() {
        JsonNode schema = JSON.readTree(DefinitionJson.schema());

        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$id").asString()).isEqualTo("https://junction.dev/schemas/workflow.json");
        assertThat(schema.at("/$defs/node/properties/type/enum").valueStream().map(JsonNode::asString))
                .containsExactlyElementsOf(NodeKinds.types());
        assertThat(schema.at("/properties/trigger/properties/kind/enum").valueStream().map(JsonNode::asString))
                .containsExactlyElementsOf(Arrays.stream(TriggerKind.values()).map(TriggerKind::jsonName).toList());
        assertThat(schema.at("/$defs/node/properties/onError/enum").valueStream().map(JsonNode::asString))
                .containsExactlyElementsOf(Arrays.stream(ErrorPolicy.values()).map(ErrorPolicy::jsonName).toList());
    }

    @Test
    void theSchemaHasTheCodecsLimitsAndRequiredFields() {
        JsonNode schema = JSON.readTree(DefinitionJson.schema());
        JsonNode retry = schema.at("/$defs/node/properties/retry/properties");

        assertThat(retry.at("/maxAttempts/maximum").asInt()).isEqualTo(RetryPolicy.MAX_ATTEMPTS);
        assertThat(retry.at("/budget/default").asString()).isEqualTo(RetryPolicy.DEFAULT_BUDGET.toString());
        assertThat(retry.at("/initialDelayMillis/maximum").asLong()).isEqualTo(RetryPolicy.MAX_INITIAL_DELAY_MILLIS);
        assertThat(retry.at("/maxDelayMillis/maximum").asLong()).isEqualTo(RetryPolicy.MAX_DELAY_MILLIS);
        assertThat(retry.at("/multiplier/maximum").asDouble()).isEqualTo(RetryPolicy.MAX_MULTIPLIER);
        assertThat(schema.at("/$defs/node/properties/retry/default").toString())
                .isEqualTo(JSON.readTree(DefinitionJson.write(DefinitionJson.read(withNode("")))).at("/nodes/0/retry")
                        .toString());
        assertThat(schema.get("required").valueStream().map(JsonNode::asString))
                .containsExactly("schemaVersion", "trigger", "nodes", "edges");
        assertThat(schema.at("/$defs/node/required").valueStream().map(JsonNode::asString))
                .containsExactly("id", "type", "name");
        assertThat(schema.at("/$defs/edge/required").valueStream().map(JsonNode::asString))
                .containsExactly("from", "to");
        for (String object : List.of("", "/properties/trigger", "/$defs/position", "/$defs/node",
                "/$defs/node/properties/retry", "/$defs/edge")) {
            assertThat(schema.at(object + "/additionalProperties").asBoolean(true)).as(object).isFalse();
        }
    }

    @Test
    void everyPropertyInTheSchemaHasATitleAndADescription() {
        JsonNode schema = JSON.readTree(DefinitionJson.schema());
        List<String> undocumented = new ArrayList<>();
        collectUndocumented(schema, "", undocumented);

        assertThat(undocumented).isEmpty();
    }

    private static void collectUndocumented(JsonNode schema, String pointer, List<String> undocumented) {
        if (schema.has("properties")) {
            schema.get("properties").properties().forEach(property -> {
                JsonNode value = property.getValue();
                String at = pointer + "/properties/" + property.getKey();
                if (!value.has("$ref") && !(value.has("title") && value.has("description"))) {
                    undocumented.add(at);
                }
                collectUndocumented(value, at, undocumented);
            });
        }
        if (schema.has("$defs")) {
            schema.get("$defs").properties().forEach(definition -> {
                String at = pointer + "/$defs/" + definition.getKey();
                if (!(definition.getValue().has("title") && definition.getValue().has("description"))) {
                    undocumented.add(at);
                }
                collectUndocumented(definition.getValue(), at, undocumented);
            });
        }
    }
}
