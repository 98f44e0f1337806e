package dev.junction.engine.definition;

import dev.junction.engine.expressions.ExpressionRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DefinitionValidatorTest {

    /** One connection, "amazon-eu", of the connector "amazon-sp-api", which has two operations. */
    private static final OperationCatalog CATALOG = new OperationCatalog() {
        private final Map<String, String> connections = Map.of("amazon-eu", "amazon-sp-api");
        private final Set<String> operations = Set.of("amazon-sp-api/getOrders", "amazon-sp-api/createFulfillmentOrder");

        @Override
        public Optional<String> connectorOfConnection(String connectionId) {
            return Optional.ofNullable(connections.get(connectionId));
        }

        @Override
        public boolean hasOperation(String connectorId, String operationId) {
            return operations.contains(connectorId + "/" + operationId);
        }
    };

    private static final ExpressionRuntime EXPRESSIONS = new ExpressionRuntime();

    @AfterAll
    static void closeRuntime() {
        EXPRESSIONS.close();
    }

    private static List<DefinitionProblem> problems(String trigger, String nodes, String edges) {
        return new DefinitionValidator(CATALOG, EXPRESSIONS).validate(DefinitionJson.read(
                "{\"schemaVersion\": 1, \"trigger\": " + trigger + ", \"nodes\": [" + nodes + "], \"edges\": ["
                        + edges + "]}"));
    }

    private static List<DefinitionProblem> problems(String nodes, String edges) {
        return problems("{\"kind\": \"webhook\"}", nodes, edges);
    }

    private static String node(String id, String type, String config) {
        return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"name\": \"" + id + "\", \"config\": " + config + "}";
    }

    private static String edge(String from, String to) {
        return edge(from, "out", to);
    }

    private static String edge(String from, String port, String to) {
        return "{\"from\": \"" + from + "\", \"fromPort\": \"" + port + "\", \"to\": \"" + to + "\"}";
    }

    private static DefinitionProblem only(List<DefinitionProblem> problems) {
        assertThat(problems).hasSize(1);
        return problems.getFirst();
    }

    @Test
    void aCompleteWorkflowOfEveryNodeTypeHasNoProblems() {
        List<DefinitionProblem> problems = problems(String.join(",",
                node("orders", "connector", "{\"connection\": \"amazon-eu\", \"operation\": \"getOrders\", \"input\": {}}"),
                node("each", "forEach", "{\"items\": \"orders.items\", \"concurrency\": 4}"),
                node("toFba", "map", "{\"rules\": []}"),
                node("route", "branch", "{\"conditions\": [{\"port\": \"paid\", \"expression\": \"x.paid\"}]}"),
                node("sku", "lookup", "{\"table\": \"sku-asin\", \"key\": \"item.sku\"}"),
                node("calc", "script", "{\"code\": \"return 1;\"}"),
                node("wait", "delay", "{\"duration\": \"PT15M\"}"),
                node("sub", "subflow", "{\"workflow\": \"0b9b8f1e-3b5a-4a51-9d1c-2f7f6a3c1d10\"}"),
                node("tell", "notify", "{\"channel\": \"log\", \"message\": \"done\"}")),
                String.join(",", edge("trigger", "orders"), edge("orders", "each"), edge("each", "body", "toFba"),
                        edge("toFba", "route"), edge("route", "paid", "sku"), edge("route", "else", "calc"),
                        edge("sku", "each"), edge("calc", "each"), edge("each", "done", "wait"),
                        edge("wait", "sub"), edge("sub", "tell")));

        assertThat(problems).isEmpty();
    }

    @Test
    void anUnknownNodeTypeListsTheKnownOnes() {
        DefinitionProblem problem = only(problems(node("a", "email", "{}"), edge("trigger", "a")));

        assertThat(problem.path()).isEqualTo("$.nodes[0].type");
        assertThat(problem.nodeId()).isEqualTo("a");
        assertThat(problem.message()).contains("'email' is not a node type").contains("forEach").contains("notify");
    }

    @Test
    void nodeIdsMustBeWellFormedUniqueAndNotTrigger() {
        List<DefinitionProblem> problems = problems(String.join(",", node("9lives", "script", "{\"code\": \"1\"}"),
                node("a", "script", "{\"code\": \"1\"}"), node("a", "script", "{\"code\": \"2\"}"),
                node("trigger", "script", "{\"code\": \"3\"}")), edge("trigger", "a"));

        assertThat(problems).extracting(DefinitionProblem::path).contains("$.nodes[0].id", "$.nodes[2].id",
                "$.nodes[3].id");
        assertThat(problems).extracting(DefinitionProblem::message).anySatisfy(
                message -> assertThat(message).contains("is used by node #1 too"));
        assertThat(problems).extracting(DefinitionProblem::message).anySatisfy(
                message -> assertThat(message).contains("'trigger' is the trigger's id"));
    }

    @Test
    void danglingEdgesAndEdgesIntoTheTriggerAreProblems() {
        List<DefinitionProblem> problems = problems(node("a", "script", "{\"code\": \"1\"}"), String.join(",",
                edge("trigger", "a"), edge("a", "nowhere"), edge("ghost", "a"), edge("a", "trigger")));

        assertThat(problems).extracting(DefinitionProblem::path)
                .containsExactlyInAnyOrder("$.edges[1].to", "$.edges[2].from", "$.edges[3].to");
        assertThat(problems).extracting(DefinitionProblem::message)
                .contains("names no node: 'nowhere'", "names no node: 'ghost'", "cannot lead into the trigger");
    }

    @Test
    void anEdgeMustLeaveFromAPortTheNodeHas() {
        List<DefinitionProblem> problems = problems(String.join(",",
                        node("a", "script", "{\"code\": \"1\"}"), node("b", "script", "{\"code\": \"1\"}"),
                        node("c", "branch", "{\"conditions\": [{\"port\": \"paid\", \"expression\": \"x\"}]}")),
                String.join(",", edge("trigger", "a"), edge("a", "error", "b"), edge("a", "c"),
                        edge("c", "refunded", "b")));

        assertThat(problems).extracting(DefinitionProblem::path)
                .containsExactlyInAnyOrder("$.edges[1].fromPort", "$.edges[3].fromPort");
        assertThat(problems.getFirst().message()).contains("set its onError to \"error\"");
        assertThat(problems.get(1).message()).contains("node 'c' has no port 'refunded'; its ports: paid, else");
    }

    @Test
    void theErrorPortExistsWhenTheNodeFollowsIt() {
        String a = "{\"id\": \"a\", \"type\": \"script\", \"name\": \"A\", \"config\": {\"code\": \"1\"},"
                + " \"onError\": \"error\"}";

        assertThat(problems(a + "," + node("b", "notify", "{\"channel\": \"log\", \"message\": \"failed\"}"),
                edge("trigger", "a") + "," + edge("a", "error", "b"))).isEmpty();
    }

    @Test
    void aRepeatedEdgeIsAProblem() {
        DefinitionProblem problem = only(problems(node("a", "script", "{\"code\": \"1\"}"),
                edge("trigger", "a") + "," + edge("trigger", "a")));

        assertThat(problem.path()).isEqualTo("$.edges[1]");
        assertThat(problem.message()).isEqualTo("repeats edge #0");
    }

    @Test
    void aNodeTheTriggerCannotReachIsAProblem() {
        DefinitionProblem problem = only(problems(node("a", "script", "{\"code\": \"1\"}") + ","
                + node("island", "script", "{\"code\": \"1\"}"), edge("trigger", "a")));

        assertThat(problem.path()).isEqualTo("$.nodes[1]");
        assertThat(problem.nodeId()).isEqualTo("island");
        assertThat(problem.message()).contains("cannot be reached from the trigger");
    }

    @Test
    void aCycleIsAProblemNamingItsNodes() {
        List<DefinitionProblem> problems = problems(String.join(",", node("a", "script", "{\"code\": \"1\"}"),
                        node("b", "script", "{\"code\": \"1\"}"), node("c", "script", "{\"code\": \"1\"}")),
                String.join(",", edge("trigger", "a"), edge("a", "b"), edge("b", "c"), edge("c", "a")));

        assertThat(problems).singleElement().satisfies(problem ->
                assertThat(problem.message()).contains("is part of a cycle: a -> b -> c -> a"));
    }

    @Test
    void theEndOfAForEachBodyMayLeadBackToItsForEachButNothingElseMay() {
        String each = node("each", "forEach", "{\"items\": \"trigger.items\"}");
        String step = node("step", "script", "{\"code\": \"1\"}");
        String after = node("after", "script", "{\"code\": \"1\"}");

        assertThat(problems(String.join(",", each, step, after), String.join(",", edge("trigger", "each"),
                edge("each", "body", "step"), edge("step", "each"), edge("each", "done", "after")))).isEmpty();
        assertThat(problems(String.join(",", each, step, after), String.join(",", edge("trigger", "each"),
                edge("each", "body", "step"), edge("each", "done", "after"), edge("after", "each"))))
                .singleElement().satisfies(problem -> assertThat(problem.message()).contains("cycle"));
    }

    @Test
    void requiredConfigIsCheckedPerNodeType() {
        List<DefinitionProblem> problems = problems(String.join(",",
                node("c", "connector", "{}"),
                node("m", "map", "{\"mapping\": \"m1\", \"rules\": []}"),
                node("b", "branch", "{\"conditions\": [{\"port\": \"else\", \"expression\": \"\"}]}"),
                node("f", "forEach", "{\"items\": \"x\", \"concurrency\": 99}"),
                node("s", "script", "{\"code\": \"  \"}"),
                node("l", "lookup", "{\"table\": \"t\"}"),
                node("d", "delay", "{\"duration\": \"P90D\"}"),
                node("u", "subflow", "{\"workflow\": \"not-a-uuid\"}"),
                node("n", "notify", "{\"channel\": \"sms\", \"message\": \"hi\"}")),
                String.join(",", edge("trigger", "c"), edge("trigger", "m"), edge("trigger", "b"),
                        edge("trigger", "f"), edge("trigger", "s"), edge("trigger", "l"), edge("trigger", "d"),
                        edge("trigger", "u"), edge("trigger", "n")));

        assertThat(problems).extracting(DefinitionProblem::path).containsExactlyInAnyOrder(
                "$.nodes[0].config.connection", "$.nodes[0].config.operation", "$.nodes[1].config",
                "$.nodes[2].config.conditions[0].port", "$.nodes[2].config.conditions[0].expression",
                "$.nodes[3].config.concurrency", "$.nodes[4].config.code", "$.nodes[5].config.key",
                "$.nodes[6].config.duration", "$.nodes[7].config.workflow", "$.nodes[8].config.channel");
        assertThat(problems).filteredOn(problem -> problem.nodeId().equals("m")).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("not both"));
    }

    @Test
    void expressionsAndScriptsThatDoNotParseAreProblems() {
        List<DefinitionProblem> problems = problems(String.join(",",
                node("b", "branch", "{\"conditions\": [{\"port\": \"big\", \"expression\": \"trigger.total >\"}]}"),
                node("s", "script", "{\"code\": \"const x = ;\\nreturn x;\"}"),
                node("f", "forEach", "{\"items\": \"trigger.items.filter(i => i.qty > 0)\"}")),
                String.join(",", edge("trigger", "b"), edge("b", "big", "s"), edge("b", "else", "f")));

        assertThat(problems).extracting(DefinitionProblem::path).containsExactlyInAnyOrder(
                "$.nodes[0].config.conditions[0].expression", "$.nodes[1].config.code");
        assertThat(problems.get(1).message()).startsWith("does not parse (line 1)");
    }

    @Test
    void aDelayNeedsExactlyOneOfDurationOrUntil() {
        assertThat(only(problems(node("d", "delay", "{}"), edge("trigger", "d"))).message())
                .contains("exactly one of 'duration'");
        assertThat(problems(node("d", "delay", "{\"until\": \"order.shipBy\"}"), edge("trigger", "d"))).isEmpty();
        assertThat(only(problems(node("d", "delay", "{\"duration\": \"15 minutes\"}"), edge("trigger", "d")))
                .message()).contains("ISO 8601");
    }

    @Test
    void connectionsAndOperationsMustBeKnownToTheCatalog() {
        List<DefinitionProblem> problems = problems(String.join(",",
                node("a", "connector", "{\"connection\": \"opayo-live\", \"operation\": \"capture\"}"),
                node("b", "connector", "{\"connection\": \"amazon-eu\", \"operation\": \"refundEverything\"}")),
                edge("trigger", "a") + "," + edge("a", "b"));

        assertThat(problems).extracting(DefinitionProblem::path, DefinitionProblem::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("$.nodes[0].config.connection", "unknown connection 'opayo-live'"),
                org.assertj.core.groups.Tuple.tuple("$.nodes[1].config.operation",
                        "connector 'amazon-sp-api' has no operation 'refundEverything'"));
    }

    @Test
    void scheduleAndPollingTriggersNeedTheirConfig() {
        assertThat(problems("{\"kind\": \"schedule\", \"config\": {\"cron\": \"*/5 * * * *\", \"timeZone\": \"Mars/Olympus\"}}",
                "", "")).extracting(DefinitionProblem::path)
                .containsExactlyInAnyOrder("$.trigger.config.cron", "$.trigger.config.timeZone");
        assertThat(problems("{\"kind\": \"schedule\", \"config\": {\"cron\": \"0 */5 * * * ?\", \"timeZone\": \"UTC\"}}",
                "", "")).isEmpty();
        assertThat(problems("{\"kind\": \"polling\", \"config\": {}}", "", "")).extracting(DefinitionProblem::path)
                .containsExactlyInAnyOrder("$.trigger.config.connection", "$.trigger.config.operation",
                        "$.trigger.config.cron");
        assertThat(problems("{\"kind\": \"polling\", \"config\": {\"connection\": \"amazon-eu\","
                + " \"operation\": \"getOrders\", \"cron\": \"0 * * * * ?\"}}", "", "")).isEmpty();
    }
}
