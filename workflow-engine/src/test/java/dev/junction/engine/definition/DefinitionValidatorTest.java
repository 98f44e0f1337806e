package dev.junction.engine.definition;

import dev.junction.engine.expressions.ExpressionRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class DefinitionValidatorTest {

    /** The catalog port answered from maps: connection id to connector id, connector id to its operations. */
    private record MapCatalog(Map<String, String> connectors, Map<String, Set<String>> operations)
            implements OperationCatalog {

        @Override
        public Optional<String> connectorOfConnection(String connectionId) {
            return Optional.ofNullable(connectors.get(connectionId));
        }

        @Override
        public boolean hasOperation(String connectorId, String operationId) {
            return operations.getOrDefault(connectorId, Set.of()).contains(operationId);
        }
    }

    /** One connection, "amazon-eu", of the connector "amazon-sp-api", which has two operations. */
    private static final OperationCatalog CATALOG = new MapCatalog(Map.of("amazon-eu", "amazon-sp-api",
            "opayo-main", "opayo-pi"),
            Map.of("amazon-sp-api", Set.of("getOrders", "createFulfillmentOrder")));
    private static final DefinitionValidator VALIDATOR = new DefinitionValidator(CATALOG);
    /** CATALOG, knowing that createFulfillmentOrder requires displayableOrderId and items. */
    private static final OperationCatalog SCHEMAS = new OperationCatalog() {
        @Override
        public Optional<String> connectorOfConnection(String connectionId) {
            return CATALOG.connectorOfConnection(connectionId);
        }

        @Override
        public boolean hasOperation(String connectorId, String operationId) {
            return CATALOG.hasOperation(connectorId, operationId);
        }

        @Override
        public Optional<Map<String, Object>> inputSchema(String connectorId, String operationId) {
            return operationId.equals("createFulfillmentOrder") ? Optional.of(Map.of("type", "object",
                    "required", List.of("displayableOrderId", "items"))) : Optional.empty();
        }
    };
    private static final Trigger WEBHOOK = new Trigger(TriggerKind.WEBHOOK, new Position(0, 0));
    private static final String UUID = "0b9b8f1e-3b5a-4a51-9d1c-2f7f6a3c1d10";

    private static final ExpressionRuntime EXPRESSIONS = new ExpressionRuntime();

    @AfterAll
    static void closeRuntime() {
        EXPRESSIONS.close();
    }

    // ---- building definitions -------------------------------------------------------------------------------

    private static Node node(String id, String type, Map<String, Object> config) {
        return node(id, type, config, ErrorPolicy.FAIL);
    }

    private static Node node(String id, String type, Map<String, Object> config, ErrorPolicy onError) {
        return new Node(id, type, "Node " + id, config, new Position(0, 0), RetryPolicy.DEFAULT, onError);
    }

    /** A script node: the node type with the least to configure. */
    private static Node step(String id) {
        return node(id, "script", Map.of("code", "return 1;"));
    }

    private static Edge edge(String from, String to) {
        return new Edge(from, "out", to);
    }

    private static Edge edge(String from, String port, String to) {
        return new Edge(from, port, to);
    }

    private static List<DefinitionProblem> validate(Trigger trigger, List<Node> nodes, Edge... edges) {
        return VALIDATOR.validate(new WorkflowDefinition(1, trigger, nodes, List.of(edges)));
    }

    private static List<DefinitionProblem> validate(List<Node> nodes, Edge... edges) {
        return validate(WEBHOOK, nodes, edges);
    }

    /** The problems of one node of that type and config, the trigger's only successor. */
    private static List<DefinitionProblem> configProblems(String type, Map<String, Object> config) {
        return validate(List.of(node("n", type, config)), edge("trigger", "n"));
    }

    private static List<DefinitionProblem> triggerProblems(TriggerKind kind, Map<String, Object> config) {
        return validate(new Trigger(kind, config, new Position(0, 0)), List.of());
    }

    /** Asserts that there is just one problem, at that path, about that node, whose message contains the text. */
    private static void assertOnly(List<DefinitionProblem> problems, String path, String nodeId, String message) {
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo(path);
            assertThat(problem.nodeId()).isEqualTo(nodeId);
            assertThat(problem.message()).contains(message);
        });
    }

    /** Every node type, configured as it should be, in a graph that uses every kind of port. */
    private static List<Node> everyNodeType() {
        return List.of(
                node("orders", "connector", Map.of("connection", "amazon-eu", "operation", "getOrders",
                        "input", Map.of("since", "trigger.since")), ErrorPolicy.ERROR_PORT),
                node("each", "forEach", Map.of("items", "nodes.orders.items", "concurrency", 4)),
                node("toFba", "map", Map.of("rules", List.of())),
                node("route", "branch", Map.of("conditions", List.of(Map.of("port", "paid", "expression", "x.paid")))),
                node("sku", "lookup", Map.of("table", "sku-asin", "key", "item.sku")),
                node("calc", "script", Map.of("code", "return 1;")),
                node("wait", "delay", Map.of("duration", "PT15M")),
                node("sub", "subflow", Map.of("workflow", UUID)),
                node("tell", "notify", Map.of("channel", "log", "message", "done")),
                node("alarm", "notify", Map.of("channel", "email", "to", "ops@example.com", "message", "orders failed")));
    }

    private static Edge[] everyPort() {
        return new Edge[]{edge("trigger", "orders"), edge("orders", "each"), edge("orders", "error", "alarm"),
                edge("each", "body", "toFba"), edge("toFba", "route"), edge("route", "paid", "sku"),
                edge("route", "else", "calc"), edge("sku", "each"), edge("calc", "each"),
                edge("each", "done", "wait"), edge("wait", "sub"), edge("sub", "tell")};
    }

    // ---- whole definitions --------------------------------------------------------------------------------------

    @Test
    void aCompleteWorkflowOfEveryNodeTypeHasNoProblems() {
        assertThat(validate(everyNodeType(), everyPort())).isEmpty();
        assertThat(new DefinitionValidator(CATALOG, EXPRESSIONS)
                .validate(new WorkflowDefinition(1, WEBHOOK, everyNodeType(), List.of(everyPort())))).isEmpty();
    }

    @Test
    void theRichDefinitionOfTheCodecTestIsValid() {
        assertThat(new DefinitionValidator(CATALOG, EXPRESSIONS).validate(DefinitionJsonTest.rich())).isEmpty();
    }

    @Test
    void theInitialDefinitionIsValid() {
        assertThat(VALIDATOR.validate(WorkflowDefinition.initial())).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<DefinitionProblem> problems = validate(new Trigger(TriggerKind.SCHEDULE, new Position(0, 0)),
                List.of(node("a", "teleport", Map.of()), node("b", "script", Map.of()), step("island")),
                edge("trigger", "a"), edge("a", "b"), edge("b", "nowhere"));

        assertThat(problems).extracting(DefinitionProblem::path).containsExactly("$.trigger.config.cron",
                "$.nodes[0].type", "$.nodes[1].config.code", "$.edges[2].to", "$.nodes[2]");
    }

    // ---- node ids and names -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"9lives", "_a", "has space", "dot.ted", "ümlaut", ""})
    void aNodeIdStartsWithALetterAndHasOnlyLettersDigitsUnderscoresAndHyphens(String id) {
        assertOnly(validate(List.of(step(id)), edge("trigger", id)), "$.nodes[0].id", id,
                "must start with a letter and have only letters, digits, _ and - (at most 64 characters), was '"
                        + id + "'");
    }

    @Test
    void aNodeIdHasAtMost64Characters() {
        String longest = "a" + "b".repeat(63);
        String tooLong = longest + "c";

        assertThat(validate(List.of(step(longest)), edge("trigger", longest))).isEmpty();
        assertOnly(validate(List.of(step(tooLong)), edge("trigger", tooLong)), "$.nodes[0].id", tooLong,
                "at most 64 characters");
        assertThat(validate(List.of(step("a-B_9")), edge("trigger", "a-B_9"))).isEmpty();
    }

    @Test
    void aNodeIdIsUnique() {
        assertOnly(validate(List.of(step("a"), step("b"), step("a")), edge("trigger", "a"), edge("a", "b")),
                "$.nodes[2].id", "a", "is used by $.nodes[0] too; node ids are unique");
    }

    @Test
    void triggerIsTheTriggersId() {
        assertOnly(validate(List.of(step("a"), step("trigger")), edge("trigger", "a")), "$.nodes[1].id", "trigger",
                "'trigger' is the trigger's id; choose another");
    }

    @Test
    void aNodeWithAMalformedIdIsStillPartOfTheGraph() {
        assertThat(validate(List.of(step("9lives"), step("b")), edge("trigger", "9lives"), edge("9lives", "b")))
                .extracting(DefinitionProblem::path).containsExactly("$.nodes[0].id");
    }

    @Test
    void aNameIsNotBlankAndHasAtMost120Characters() {
        Node blank = new Node("a", "script", "  ", Map.of("code", "1"), new Position(0, 0), RetryPolicy.DEFAULT,
                ErrorPolicy.FAIL);
        Node longest = new Node("a", "script", "n".repeat(120), Map.of("code", "1"), new Position(0, 0),
                RetryPolicy.DEFAULT, ErrorPolicy.FAIL);
        Node tooLong = new Node("a", "script", "n".repeat(121), Map.of("code", "1"), new Position(0, 0),
                RetryPolicy.DEFAULT, ErrorPolicy.FAIL);

        assertOnly(validate(List.of(blank), edge("trigger", "a")), "$.nodes[0].name", "a",
                "must not be blank and have at most 120 characters, has 2");
        assertThat(validate(List.of(longest), edge("trigger", "a"))).isEmpty();
        assertOnly(validate(List.of(tooLong), edge("trigger", "a")), "$.nodes[0].name", "a", "has 121");
    }

    @Test
    void anUnknownNodeTypeListsTheKnownOnes() {
        assertOnly(configProblems("email", Map.of()), "$.nodes[0].type", "n", "'email' is not a node type; known"
                + " types: connector, map, branch, forEach, script, lookup, delay, subflow, notify");
    }

    // ---- ports and edges ----------------------------------------------------------------------------------------

    @Test
    void theTriggerHasOnlyTheOutPort() {
        assertOnly(validate(List.of(step("a")), edge("trigger", "body", "a")), "$.edges[0].fromPort", "trigger",
                "node 'trigger' has no port 'body'; its ports: out");
    }

    @Test
    void aNodeHasTheOutPort() {
        assertThat(validate(List.of(step("a"), step("b")), edge("trigger", "a"), edge("a", "b"))).isEmpty();
        assertOnly(validate(List.of(step("a"), step("b")), edge("trigger", "a"), edge("a", "done", "b")),
                "$.edges[1].fromPort", "a", "node 'a' has no port 'done'; its ports: out");
    }

    @Test
    void aBranchHasItsConditionsPortsAndElseButNotOut() {
        Node branch = node("c", "branch", Map.of("conditions", List.of(Map.of("port", "paid", "expression", "x"),
                Map.of("port", "refunded", "expression", "y"))));
        List<Node> nodes = List.of(branch, step("a"), step("b"), step("d"));

        assertThat(validate(nodes, edge("trigger", "c"), edge("c", "paid", "a"), edge("c", "refunded", "b"),
                edge("c", "else", "d"))).isEmpty();
        assertOnly(validate(nodes, edge("trigger", "c"), edge("c", "paid", "a"), edge("c", "refunded", "b"),
                edge("c", "out", "d")), "$.edges[3].fromPort", "c", "node 'c' has no port 'out'; its ports: paid,"
                + " refunded, else");
    }

    @Test
    void aForEachHasBodyAndDoneButNotOut() {
        Node each = node("each", "forEach", Map.of("items", "trigger.items"));

        assertThat(validate(List.of(each, step("a"), step("b")), edge("trigger", "each"), edge("each", "body", "a"),
                edge("each", "done", "b"))).isEmpty();
        assertOnly(validate(List.of(each, step("a")), edge("trigger", "each"), edge("each", "a")),
                "$.edges[1].fromPort", "each", "node 'each' has no port 'out'; its ports: body, done");
    }

    @Test
    void theErrorPortExistsWhenTheNodeFollowsIt() {
        Node followsErrors = node("a", "script", Map.of("code", "1"), ErrorPolicy.ERROR_PORT);
        Node failsTheRun = node("a", "script", Map.of("code", "1"), ErrorPolicy.FAIL);
        Node continues = node("a", "script", Map.of("code", "1"), ErrorPolicy.CONTINUE);

        assertThat(validate(List.of(followsErrors, step("b"), step("c")), edge("trigger", "a"), edge("a", "b"),
                edge("a", "error", "c"))).isEmpty();
        assertOnly(validate(List.of(failsTheRun, step("b")), edge("trigger", "a"), edge("a", "error", "b")),
                "$.edges[1].fromPort", "a", "node 'a' has no error port: set its onError to \"error\" to use it");
        assertOnly(validate(List.of(continues, step("b")), edge("trigger", "a"), edge("a", "error", "b")),
                "$.edges[1].fromPort", "a", "set its onError to \"error\"");
    }

    @Test
    void aForEachAndABranchFollowingErrorsHaveTheErrorPortToo() {
        Node each = node("each", "forEach", Map.of("items", "x"), ErrorPolicy.ERROR_PORT);
        Node branch = node("c", "branch", Map.of("conditions", List.of(Map.of("port", "p", "expression", "x"))),
                ErrorPolicy.ERROR_PORT);

        assertThat(DefinitionValidator.portsOf(each)).containsExactly("body", "done", "error");
        assertThat(DefinitionValidator.portsOf(branch)).containsExactly("p", "else", "error");
    }

    @Test
    void anEdgeLeadsFromAndToNodesThatExist() {
        List<DefinitionProblem> problems = validate(List.of(step("a")), edge("trigger", "a"), edge("a", "nowhere"),
                edge("ghost", "a"));

        assertThat(problems).extracting(DefinitionProblem::path, DefinitionProblem::nodeId, DefinitionProblem::message)
                .containsExactly(tuple("$.edges[1].to", null, "names no node: 'nowhere'"),
                        tuple("$.edges[2].from", null, "names no node: 'ghost'"));
    }

    @Test
    void noEdgeLeadsIntoTheTrigger() {
        assertOnly(validate(List.of(step("a")), edge("trigger", "a"), edge("a", "trigger")), "$.edges[1].to", null,
                "cannot lead into the trigger");
    }

    @Test
    void anEdgeIsThereOnce() {
        assertOnly(validate(List.of(step("a")), edge("trigger", "a"), edge("trigger", "a")), "$.edges[1]", null,
                "repeats $.edges[0] (trigger/out -> a)");
    }

    // ---- reachability and cycles --------------------------------------------------------------------------------

    @Test
    void aNodeTheTriggerCannotReachIsAProblem() {
        List<DefinitionProblem> problems = validate(List.of(step("a"), step("island"), step("beyond")),
                edge("trigger", "a"), edge("island", "beyond"));

        assertThat(problems).extracting(DefinitionProblem::path, DefinitionProblem::nodeId, DefinitionProblem::message)
                .containsExactly(
                        tuple("$.nodes[1]", "island", "cannot be reached from the trigger: connect it with an edge"),
                        tuple("$.nodes[2]", "beyond", "cannot be reached from the trigger: connect it with an edge"));
    }

    @Test
    void aCycleIsAProblemNamingItsNodesInOrder() {
        assertOnly(validate(List.of(step("a"), step("b"), step("c")), edge("trigger", "a"), edge("a", "b"),
                edge("b", "c"), edge("c", "a")), "$.nodes[0]", "a", "is part of a cycle: a -> b -> c -> a; only the"
                + " end of a forEach body may lead back to its forEach");
    }

    @Test
    void aNodeLeadingToItselfIsACycle() {
        assertOnly(validate(List.of(step("a")), edge("trigger", "a"), edge("a", "a")), "$.nodes[0]", "a",
                "is part of a cycle: a -> a");
    }

    @Test
    void theEndOfAForEachBodyMayLeadBackToItsForEach() {
        Node each = node("each", "forEach", Map.of("items", "trigger.items"));

        assertThat(validate(List.of(each, step("first"), step("last"), step("after")), edge("trigger", "each"),
                edge("each", "body", "first"), edge("first", "last"), edge("last", "each"),
                edge("each", "done", "after"))).isEmpty();
    }

    @Test
    void aNodeAfterTheForEachMayNotLeadBackToIt() {
        Node each = node("each", "forEach", Map.of("items", "trigger.items"));

        assertOnly(validate(List.of(each, step("step"), step("after")), edge("trigger", "each"),
                edge("each", "body", "step"), edge("each", "done", "after"), edge("after", "each")),
                "$.nodes[0]", "each", "is part of a cycle: each -> after -> each");
    }

    @Test
    void aCycleInsideAForEachBodyIsAProblem() {
        Node each = node("each", "forEach", Map.of("items", "trigger.items"));

        assertOnly(validate(List.of(each, step("a"), step("b")), edge("trigger", "each"), edge("each", "body", "a"),
                edge("a", "b"), edge("b", "a"), edge("b", "each")), "$.nodes[1]", "a", "is part of a cycle: a -> b -> a");
    }

    @Test
    void nestedForEachBodiesEachLeadBackToTheirOwnForEachButNestingIsNotRunYet() {
        Node outer = node("outer", "forEach", Map.of("items", "trigger.orders"));
        Node inner = node("inner", "forEach", Map.of("items", "item.lines"));

        assertOnly(validate(List.of(outer, inner, step("line"), step("order")), edge("trigger", "outer"),
                edge("outer", "body", "inner"), edge("inner", "body", "line"), edge("line", "inner"),
                edge("inner", "done", "order"), edge("order", "outer")), "$.nodes[1]", "inner",
                "is a forEach inside the body of forEach 'outer'");
    }

    @Test
    void aBodyMayNotLeadBackToAnEarlierForEach() {
        Node first = node("first", "forEach", Map.of("items", "trigger.orders"));
        Node second = node("second", "forEach", Map.of("items", "trigger.refunds"));

        assertOnly(validate(List.of(first, step("x"), second, step("y")), edge("trigger", "first"),
                edge("first", "body", "x"), edge("x", "first"), edge("first", "done", "second"),
                edge("second", "body", "y"), edge("y", "first")),
                "$.nodes[0]", "first", "is part of a cycle: first -> second -> y -> first");
    }

    @Test
    void aForEachWhoseBodyIsItselfIsACycle() {
        Node each = node("each", "forEach", Map.of("items", "trigger.items"));

        assertOnly(validate(List.of(each), edge("trigger", "each"), edge("each", "body", "each")), "$.nodes[0]",
                "each", "is part of a cycle: each -> each");
    }

    // ---- config per node type -----------------------------------------------------------------------------------

    @Test
    void aConnectorNeedsAConnectionAndAnOperation() {
        List<DefinitionProblem> problems = configProblems("connector", Map.of());

        assertThat(problems).extracting(DefinitionProblem::path, DefinitionProblem::nodeId, DefinitionProblem::message)
                .containsExactly(tuple("$.nodes[0].config.connection", "n", "is required: the id of a connection"),
                        tuple("$.nodes[0].config.operation", "n", "is required: the operation to call"));
        assertOnly(configProblems("connector", Map.of("connection", 7, "operation", "getOrders")),
                "$.nodes[0].config.connection", "n", "must be a string: the id of a connection");
        assertOnly(configProblems("connector", Map.of("connection", "amazon-eu", "operation", " ")),
                "$.nodes[0].config.operation", "n", "must not be blank: the operation to call");
    }

    @Test
    void aConnectorsInputIsAnObject() {
        assertOnly(configProblems("connector", Map.of("connection", "amazon-eu", "operation", "getOrders",
                "input", List.of())), "$.nodes[0].config.input", "n", "must be an object of the operation's input fields");
    }

    @Test
    void connectionsAndOperationsMustBeKnownToTheCatalog() {
        assertOnly(configProblems("connector", Map.of("connection", "opayo-live", "operation", "capture")),
                "$.nodes[0].config.connection", "n", "unknown connection 'opayo-live'");
        assertOnly(configProblems("connector", Map.of("connection", "amazon-eu", "operation", "refundEverything")),
                "$.nodes[0].config.operation", "n", "connector 'amazon-sp-api' has no operation 'refundEverything'");
    }

    @Test
    void anInlineMappingsOwnProblemsAreTheWorkflowsWithTheirPath() {
        DefinitionValidator validator = new DefinitionValidator(CATALOG, EXPRESSIONS, mapping -> List.of(
                dev.junction.engine.mapping.MappingProblem.error("rules[0].pipe[0].fn", "UnknownFunction",
                        "no function 'shout'"),
                dev.junction.engine.mapping.MappingProblem.warning("rules[1].from", "UnknownSource", "not in schema")));
        List<DefinitionProblem> problems = validator.validate(new WorkflowDefinition(1, WEBHOOK,
                List.of(node("n", "map", Map.of("mapping", Map.of("schemaVersion", 1, "rules", List.of())))),
                List.of(edge("trigger", "n"))));

        assertOnly(problems, "$.nodes[0].config.mapping.rules[0].pipe[0].fn", "n", "no function 'shout'");
    }

    @Test
    void aMapHasAStoredOrAnInlineMappingAndReadsOlderRulesAsOne() {
        assertThat(configProblems("map", Map.of("mapping", "order-to-fba"))).isEmpty();
        assertThat(configProblems("map", Map.of("rules", List.of(Map.of("target", "b", "expression", "trigger.a")))))
                .isEmpty();
        assertOnly(configProblems("map", Map.of()), "$.nodes[0].config.mapping", "n",
                "is required: the id of a stored mapping or a mapping object");
        assertOnly(configProblems("map", Map.of("mapping", "m1", "rules", List.of())), "$.nodes[0].config", "n",
                "not both");
        assertOnly(configProblems("map", Map.of("mapping", 12)), "$.nodes[0].config.mapping", "n",
                "must be a string: the id of a stored mapping or a mapping object");
        assertOnly(configProblems("map", Map.of("rules", "a=b")), "$.nodes[0].config.rules", "n",
                "must be an array of mapping rules");
    }

    @Test
    void aBranchNeedsConditions() {
        assertOnly(configProblems("branch", Map.of()), "$.nodes[0].config.conditions", "n",
                "is required: a non-empty array of {port, expression}");
        assertOnly(configProblems("branch", Map.of("conditions", List.of())), "$.nodes[0].config.conditions", "n",
                "non-empty array");
        assertOnly(configProblems("branch", Map.of("conditions", "x > 1")), "$.nodes[0].config.conditions", "n",
                "non-empty array");
        assertOnly(configProblems("branch", Map.of("conditions", List.of("x > 1"))),
                "$.nodes[0].config.conditions[0]", "n", "must be an object {port, expression}");
    }

    @Test
    void aConditionsPortIsAWellFormedNameOtherThanElse() {
        for (Object port : Arrays.asList("else", "9th", "has space", 7, null)) {
            Map<String, Object> condition = new HashMap<>();
            condition.put("port", port);
            condition.put("expression", "x");
            assertOnly(configProblems("branch", Map.of("conditions", List.of(condition))),
                    "$.nodes[0].config.conditions[0].port", "n", "must be a port name (a letter, then letters,"
                            + " digits, _ or -; at most 64 characters) other than 'else', was " + port);
        }
    }

    @Test
    void theConditionsPortsAreUnique() {
        assertOnly(configProblems("branch", Map.of("conditions", List.of(Map.of("port", "big", "expression", "x"),
                        Map.of("port", "big", "expression", "y")))), "$.nodes[0].config.conditions[1].port", "n",
                "'big' is the port of another condition too; ports are unique");
    }

    @Test
    void aConditionHasAnExpression() {
        assertOnly(configProblems("branch", Map.of("conditions", List.of(Map.of("port", "big", "expression", " ")))),
                "$.nodes[0].config.conditions[0].expression", "n", "is required: a condition expression");
        assertOnly(configProblems("branch", Map.of("conditions", List.of(Map.of("port", "big")))),
                "$.nodes[0].config.conditions[0].expression", "n", "is required: a condition expression");
    }

    @Test
    void aForEachNeedsItems() {
        assertOnly(configProblems("forEach", Map.of()), "$.nodes[0].config.items", "n", "is required: an expression");
        assertOnly(configProblems("forEach", Map.of("items", "")), "$.nodes[0].config.items", "n",
                "must not be blank: an expression");
    }

    @Test
    void aForEachsConcurrencyIsAWholeNumberFrom1To32() {
        assertThat(configProblems("forEach", Map.of("items", "x", "concurrency", 1))).isEmpty();
        assertThat(configProblems("forEach", Map.of("items", "x", "concurrency", 32))).isEmpty();
        for (Object concurrency : List.of(0, 33, 2.5, "4")) {
            assertOnly(configProblems("forEach", Map.of("items", "x", "concurrency", concurrency)),
                    "$.nodes[0].config.concurrency", "n", "must be a whole number from 1 to 32, was " + concurrency);
        }
    }

    @Test
    void aScriptHasCodeOfAtMost100000Characters() {
        assertOnly(configProblems("script", Map.of()), "$.nodes[0].config.code", "n", "is required: the script's code");
        assertOnly(configProblems("script", Map.of("code", "\n ")), "$.nodes[0].config.code", "n", "must not be blank");
        assertThat(configProblems("script", Map.of("code", "x".repeat(100_000)))).isEmpty();
        assertOnly(configProblems("script", Map.of("code", "x".repeat(100_001))), "$.nodes[0].config.code", "n",
                "must have at most 100000 characters, has 100001");
    }

    @Test
    void aLookupHasATableAndAKey() {
        List<DefinitionProblem> problems = configProblems("lookup", Map.of("key", " "));

        assertThat(problems).extracting(DefinitionProblem::path, DefinitionProblem::message).containsExactly(
                tuple("$.nodes[0].config.table", "is required: the lookup table's name"),
                tuple("$.nodes[0].config.key", "must not be blank: an expression"));
    }

    @Test
    void aDelayNeedsExactlyOneOfDurationOrUntil() {
        assertOnly(configProblems("delay", Map.of()), "$.nodes[0].config", "n",
                "needs exactly one of 'duration' (ISO 8601, e.g. PT15M) or 'until' (an expression giving a time),"
                        + " not neither");
        assertOnly(configProblems("delay", Map.of("duration", "PT1M", "until", "x")), "$.nodes[0].config", "n",
                "not both");
        assertThat(configProblems("delay", Map.of("until", "order.shipBy"))).isEmpty();
        assertOnly(configProblems("delay", Map.of("until", "")), "$.nodes[0].config.until", "n", "must not be blank");
    }

    @Test
    void aDelaysDurationIsAnIso8601DurationOfMoreThanZeroAndAtMost30Days() {
        assertThat(configProblems("delay", Map.of("duration", "P30D"))).isEmpty();
        assertThat(configProblems("delay", Map.of("duration", "PT0.5S"))).isEmpty();
        for (String duration : List.of("15 minutes", "PT", "15")) {
            assertOnly(configProblems("delay", Map.of("duration", duration)), "$.nodes[0].config.duration", "n",
                    "must be an ISO 8601 duration such as PT15M or P1D, was " + duration);
        }
        assertOnly(configProblems("delay", Map.of("duration", 900)), "$.nodes[0].config.duration", "n",
                "must be an ISO 8601 duration");
        for (String duration : List.of("PT0S", "-PT5M", "P30DT1S", "P31D")) {
            assertOnly(configProblems("delay", Map.of("duration", duration)), "$.nodes[0].config.duration", "n",
                    "must be more than zero and at most 30 days (P30D), was " + duration);
        }
    }

    @Test
    void aSubflowNamesAWorkflowByItsUuid() {
        assertThat(configProblems("subflow", Map.of("workflow", UUID))).isEmpty();
        assertOnly(configProblems("subflow", Map.of()), "$.nodes[0].config.workflow", "n",
                "is required: the id of the workflow to run");
        for (String workflow : List.of("not-a-uuid", "1-1-1-1-1", UUID + "0")) {
            assertOnly(configProblems("subflow", Map.of("workflow", workflow)), "$.nodes[0].config.workflow", "n",
                    "must be a workflow id (a UUID");
        }
    }

    @Test
    void aNotificationGoesToAKnownChannelWithAMessage() {
        assertThat(configProblems("notify", Map.of("channel", "log", "message", "hi"))).isEmpty();
        assertThat(configProblems("notify", Map.of("channel", "email", "to", "ops@example.com", "subject",
                "Orders", "message", "hi"))).isEmpty();
        assertOnly(configProblems("notify", Map.of("channel", "email", "message", "hi")), "$.nodes[0].config.to",
                "n", "is required: the e-mail address(es) to send to");
        assertOnly(configProblems("notify", Map.of("channel", "sms", "message", "hi")), "$.nodes[0].config.channel",
                "n", "must be one of email, webhook, log, was sms");
        assertOnly(configProblems("notify", Map.of("message", "hi")), "$.nodes[0].config.channel", "n",
                "must be one of email, webhook, log");
        assertOnly(configProblems("notify", Map.of("channel", "log", "message", "")), "$.nodes[0].config.message",
                "n", "must not be blank: the message to send");
    }

    @Test
    void aNotificationOnAChannelTheInstallationCannotSendOnIsAProblemNamingTheSettingToSet() {
        DefinitionValidator withoutSmtp = new DefinitionValidator(CATALOG, EXPRESSIONS, mapping -> List.of(),
                new NotifyChannels(Map.of("email", "it needs an SMTP server: set JUNCTION_SMTP_HOST")));
        List<DefinitionProblem> problems = withoutSmtp.validate(new WorkflowDefinition(1, WEBHOOK,
                List.of(node("mail", "notify", Map.of("channel", "email", "to", "ops@example.com", "message", "hi")),
                        node("tell", "notify", Map.of("channel", "log", "message", "hi"))),
                List.of(edge("trigger", "mail"), edge("mail", "tell"))));
        assertOnly(problems, "$.nodes[0].config.channel", "mail",
                "'email' cannot send on this installation: it needs an SMTP server: set JUNCTION_SMTP_HOST");
    }

    // ---- trigger config -----------------------------------------------------------------------------------------

    @Test
    void manualAndWebhookTriggersNeedNoConfig() {
        assertThat(triggerProblems(TriggerKind.MANUAL, Map.of())).isEmpty();
        assertThat(triggerProblems(TriggerKind.WEBHOOK, Map.of())).isEmpty();
    }

    @Test
    void aScheduleNeedsAQuartzCronOf6Or7Fields() {
        assertThat(triggerProblems(TriggerKind.SCHEDULE, Map.of("cron", "0 */5 * * * ?"))).isEmpty();
        assertThat(triggerProblems(TriggerKind.SCHEDULE, Map.of("cron", " 0 0 12 ? * MON-FRI 2030 "))).isEmpty();
        assertOnly(triggerProblems(TriggerKind.SCHEDULE, Map.of()), "$.trigger.config.cron", null,
                "is required: a Quartz cron expression such as 0 0/15 * * * ?");
        assertOnly(triggerProblems(TriggerKind.SCHEDULE, Map.of("cron", "*/5 * * * *")), "$.trigger.config.cron",
                null, "must be a Quartz cron expression of 6 or 7 fields (seconds minutes hours day-of-month month"
                        + " day-of-week [year]), such as 0 0/15 * * * ?; has 5");
        assertOnly(triggerProblems(TriggerKind.SCHEDULE, Map.of("cron", "0 0 0 * * ? 2030 x")),
                "$.trigger.config.cron", null, "has 8");
    }

    @Test
    void aSchedulesTimeZoneIsAZoneId() {
        assertThat(triggerProblems(TriggerKind.SCHEDULE, Map.of("cron", "0 0 * * * ?", "timeZone", "Europe/London")))
                .isEmpty();
        assertThat(triggerProblems(TriggerKind.SCHEDULE, Map.of("cron", "0 0 * * * ?", "timeZone", "UTC"))).isEmpty();
        for (Object zone : List.of("Mars/Olympus", "", 5)) {
            assertOnly(triggerProblems(TriggerKind.SCHEDULE, Map.of("cron", "0 0 * * * ?", "timeZone", zone)),
                    "$.trigger.config.timeZone", null, "must be a time zone such as Europe/London or UTC, was " + zone);
        }
    }

    @Test
    void aPollingTriggerNeedsAConnectionAnOperationAndACron() {
        assertThat(triggerProblems(TriggerKind.POLLING, Map.of())).extracting(DefinitionProblem::path,
                DefinitionProblem::nodeId, DefinitionProblem::message).containsExactly(
                tuple("$.trigger.config.connection", null, "is required: the id of a connection"),
                tuple("$.trigger.config.operation", null, "is required: the poll operation to call"),
                tuple("$.trigger.config.cron", null, "is required: a Quartz cron expression such as 0 0/15 * * * ?"));
        assertThat(triggerProblems(TriggerKind.POLLING, Map.of("connection", "amazon-eu", "operation", "getOrders",
                "cron", "0 * * * * ?"))).isEmpty();
    }

    @Test
    void aPollingTriggersConnectionAndOperationMustBeKnownToTheCatalog() {
        assertOnly(triggerProblems(TriggerKind.POLLING, Map.of("connection", "opayo-live", "operation", "getOrders",
                "cron", "0 * * * * ?")), "$.trigger.config.connection", null, "unknown connection 'opayo-live'");
        assertOnly(triggerProblems(TriggerKind.POLLING, Map.of("connection", "amazon-eu", "operation", "poll",
                "cron", "0 * * * * ?")), "$.trigger.config.operation", null,
                "connector 'amazon-sp-api' has no operation 'poll'");
    }

    // ---- expressions --------------------------------------------------------------------------------------------

    @Test
    void expressionsAndScriptsThatDoNotParseAreProblems() {
        DefinitionValidator validator = new DefinitionValidator(CATALOG, EXPRESSIONS);
        List<Node> nodes = List.of(
                node("b", "branch", Map.of("conditions", List.of(Map.of("port", "big", "expression", "trigger.total >")))),
                node("s", "script", Map.of("code", "const x = ;\nreturn x;")),
                node("f", "forEach", Map.of("items", "trigger.items.filter(i => i.qty > 0)")),
                node("k", "lookup", Map.of("table", "t", "key", "item.(sku")),
                node("d", "delay", Map.of("until", "order.shipBy +")));
        List<Edge> edges = List.of(edge("trigger", "b"), edge("b", "big", "s"), edge("b", "else", "f"),
                edge("f", "done", "k"), edge("k", "d"));

        List<DefinitionProblem> problems = validator.validate(new WorkflowDefinition(1, WEBHOOK, nodes, edges));

        assertThat(problems).extracting(DefinitionProblem::path, DefinitionProblem::nodeId).containsExactly(
                tuple("$.nodes[0].config.conditions[0].expression", "b"), tuple("$.nodes[1].config.code", "s"),
                tuple("$.nodes[3].config.key", "k"), tuple("$.nodes[4].config.until", "d"));
        assertThat(problems.get(1).message()).startsWith("does not parse (line 1)");
        assertThat(VALIDATOR.validate(new WorkflowDefinition(1, WEBHOOK, nodes, edges)))
                .as("without an expression runtime, nothing is parsed").isEmpty();
    }

    @Test
    void theProblemsListCannotBeChanged() {
        List<DefinitionProblem> problems = configProblems("script", Map.of());

        assertThat(problems).hasSize(1);
        assertThat(new ArrayList<>(problems)).isEqualTo(problems);
        assertThatThrownBy(() -> problems.add(problems.getFirst()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    // ---- run-time settings ----------------------------------------------------------------------------------------

    @Test
    void olderMappingRulesNeedATargetAndEitherAnExpressionOrAValue() {
        assertThat(configProblems("map", Map.of("rules", List.of(Map.of("target", "order.id", "expression",
                "trigger.id"), Map.of("target", "channel", "value", "web"))))).isEmpty();
        assertOnly(configProblems("map", Map.of("rules", List.of(Map.of("expression", "trigger.id")))),
                "$.nodes[0].config.rules[0].target", "n", "is required: the path of the output field");
        assertOnly(configProblems("map", Map.of("rules", List.of(Map.of("target", "a")))),
                "$.nodes[0].config.rules[0]", "n", "needs exactly one of 'expression' or 'value', not neither");
        assertOnly(configProblems("map", Map.of("rules", List.of("a"))),
                "$.nodes[0].config.rules[0]", "n", "must be an object {target, expression} or {target, value}");
        // well-formed older rules are read as an inline mapping, which the mapping compiler checks
        DefinitionValidator withMappings = new DefinitionValidator(CATALOG, EXPRESSIONS,
                dev.junction.engine.mapping.MappingTestSupport.COMPILER::check);
        assertThat(withMappings.validate(new WorkflowDefinition(1, WEBHOOK,
                List.of(node("n", "map", Map.of("rules", List.of(Map.of("target", "a", "expression", "1 +"))))),
                List.of(edge("trigger", "n"))))).singleElement()
                .satisfies(problem -> assertThat(problem.path())
                        .isEqualTo("$.nodes[0].config.mapping.rules[0].expression"));
    }

    @Test
    void aWebhookNotificationNeedsAnHttpAddress() {
        assertThat(configProblems("notify", Map.of("channel", "webhook", "message", "m", "url",
                "https://ops.example/hooks"))).isEmpty();
        assertOnly(configProblems("notify", Map.of("channel", "webhook", "message", "m")),
                "$.nodes[0].config.url", "n", "is required for the webhook channel");
        assertOnly(configProblems("notify", Map.of("channel", "webhook", "message", "m", "url", "ftp://x")),
                "$.nodes[0].config.url", "n", "was ftp://x");
    }

    @Test
    void aBusinessKeyExpressionMustParse() {
        DefinitionValidator validator = new DefinitionValidator(CATALOG, EXPRESSIONS);
        assertThat(validator.validate(new WorkflowDefinition(1, new Trigger(TriggerKind.WEBHOOK,
                Map.of("businessKey", "trigger.VendorTxCode"), new Position(0, 0)), List.of(), List.of()))).isEmpty();
        assertThat(validator.validate(new WorkflowDefinition(1, new Trigger(TriggerKind.WEBHOOK,
                Map.of("businessKey", "trigger.("), new Position(0, 0)), List.of(), List.of())))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.path()).isEqualTo("$.trigger.config.businessKey");
                    assertThat(problem.message()).startsWith("does not parse");
                });
    }

    @Test
    void aWebhooksDedupKeyIsAnExpressionThatMustParse() {
        DefinitionValidator validator = new DefinitionValidator(CATALOG, EXPRESSIONS);
        assertThat(validator.validate(new WorkflowDefinition(1, new Trigger(TriggerKind.WEBHOOK,
                Map.of("dedupKey", "trigger.orderId"), new Position(0, 0)), List.of(), List.of()))).isEmpty();
        assertThat(validator.validate(new WorkflowDefinition(1, new Trigger(TriggerKind.WEBHOOK,
                Map.of("dedupKey", "trigger.("), new Position(0, 0)), List.of(), List.of())))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.path()).isEqualTo("$.trigger.config.dedupKey");
                    assertThat(problem.message()).startsWith("does not parse");
                });
        assertThat(validator.validate(new WorkflowDefinition(1, new Trigger(TriggerKind.WEBHOOK,
                Map.of("dedupKey", 42), new Position(0, 0)), List.of(), List.of())))
                .singleElement().satisfies(problem -> assertThat(problem.path())
                        .isEqualTo("$.trigger.config.dedupKey"));
    }

    @Test
    void onlyAWebhookTriggerTakesADedupKey() {
        DefinitionValidator validator = new DefinitionValidator(CATALOG, EXPRESSIONS);
        assertThat(validator.validate(new WorkflowDefinition(1, new Trigger(TriggerKind.MANUAL,
                Map.of("dedupKey", "trigger.orderId"), new Position(0, 0)), List.of(), List.of())))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.path()).isEqualTo("$.trigger.config.dedupKey");
                    assertThat(problem.message()).contains("webhook triggers only").contains("manual");
                });
    }

    @Test
    void aForEachInsideAnotherForEachsBodyIsRefusedWithAWayOut() {
        List<DefinitionProblem> problems = validate(List.of(
                        node("orders", "forEach", Map.of("items", "trigger.orders")),
                        node("lines", "forEach", Map.of("items", "vars.item.lines")),
                        step("line")),
                edge("trigger", "orders"), edge("orders", "body", "lines"), edge("lines", "body", "line"),
                edge("line", "lines"), edge("lines", "done", "orders"));

        assertOnly(problems, "$.nodes[1]", "lines", "move the inner loop into a subflow");
        assertThat(validate(List.of(node("first", "forEach", Map.of("items", "trigger.a")),
                        node("second", "forEach", Map.of("items", "trigger.b")), step("x"), step("y")),
                edge("trigger", "first"), edge("first", "body", "x"), edge("x", "first"),
                edge("first", "done", "second"), edge("second", "body", "y"), edge("y", "second")))
                .as("one loop after another is fine").isEmpty();
    }

    @Test
    void aWebhookSignatureCheckNamesAConnectionOfTheRightConnector() {
        assertThat(triggerProblems(TriggerKind.WEBHOOK, Map.of("verification", Map.of("kind", "opayo-server",
                "connection", "opayo-main", "redirectUrl", "https://shop.example/thanks")))).isEmpty();

        assertOnly(triggerProblems(TriggerKind.WEBHOOK, Map.of("verification", Map.of("kind", "opayo-server",
                        "connection", "amazon-eu", "redirectUrl", "https://shop.example/thanks"))),
                "$.trigger.config.verification.connection", null, "must be a connection of connector 'opayo-pi'");
        assertOnly(triggerProblems(TriggerKind.WEBHOOK, Map.of("verification", Map.of("kind", "opayo-server",
                        "connection", "opayo-main"))),
                "$.trigger.config.verification.redirectUrl", null, "is required for opayo-server");
        assertOnly(triggerProblems(TriggerKind.WEBHOOK, Map.of("verification", Map.of("kind", "md5",
                        "connection", "opayo-main"))),
                "$.trigger.config.verification.kind", null, "must be one of [hmac-sha256, opayo-server]");
        assertOnly(triggerProblems(TriggerKind.WEBHOOK, Map.of("verification", Map.of("kind", "hmac-sha256",
                        "connection", "nowhere"))),
                "$.trigger.config.verification.connection", null, "unknown connection 'nowhere'");
        assertOnly(triggerProblems(TriggerKind.WEBHOOK, Map.of("verification", "yes")),
                "$.trigger.config.verification", null, "must be an object");
    }

    // ---- reads of other nodes' outputs ------------------------------------------------------------------------

    /** trigger -> eachLine (forEach) -body-> chargeCard -> eachLine; eachLine -done-> after. */
    private static List<DefinitionProblem> afterTheLoop(Node after) {
        return validate(List.of(node("eachLine", "forEach", Map.of("items", "trigger.lines")),
                        node("chargeCard", "connector", Map.of("connection", "amazon-eu", "operation", "getOrders",
                                "input", Map.of("sku", "{{ vars.item.sku }}"))), after),
                edge("trigger", "eachLine"), edge("eachLine", "body", "chargeCard"), edge("chargeCard", "eachLine"),
                edge("eachLine", "done", after.id()));
    }

    @Test
    void aNodeAfterAForEachIsToldToReadTheLoopsItemsNotTheBodysOutputs() {
        assertOnly(afterTheLoop(node("tell", "notify", Map.of("channel", "log",
                        "message", "charged {{ nodes.chargeCard.amount }}"))),
                "$.nodes[2].config.message", "tell", "`nodes.chargeCard` is inside the forEach `eachLine`; after the"
                        + " loop read `nodes.eachLine.items`");
        assertOnly(afterTheLoop(node("sum", "script", Map.of("code",
                        "return nodes[\"chargeCard\"].amount + 1;"))),
                "$.nodes[2].config.code", "sum", "is inside the forEach `eachLine`");
        assertOnly(afterTheLoop(node("send", "connector", Map.of("connection", "amazon-eu", "operation",
                        "getOrders", "input", Map.of("order", Map.of("total", "{{ nodes.chargeCard.total }}"))))),
                "$.nodes[2].config.input.order.total", "send", "is inside the forEach `eachLine`");

        assertThat(afterTheLoop(node("tell", "notify", Map.of("channel", "log",
                "message", "charged {{ nodes.eachLine.items.length }} lines, first {{ nodes.eachLine.items[0].id }}"))))
                .as("the loop's result").isEmpty();
    }

    @Test
    void insideTheBodyAnItemReadsEarlierBodyNodesAndNodesBeforeTheLoopButNotTheLoopsResult() {
        List<Node> nodes = List.of(step("load"), node("each", "forEach", Map.of("items", "nodes.load.lines")),
                node("price", "script", Map.of("code", "return vars.item.qty * 2;")),
                node("note", "map", Map.of("rules", List.of(Map.of("target", "p", "expression",
                        "nodes.price + nodes.load.rate"))))) ;
        assertThat(validate(nodes, edge("trigger", "load"), edge("load", "each"), edge("each", "body", "price"),
                edge("price", "note"), edge("note", "each"))).isEmpty();

        List<Node> early = List.of(node("each", "forEach", Map.of("items", "trigger.lines")),
                node("peek", "branch", Map.of("conditions", List.of(Map.of("port", "some", "expression",
                        "nodes.each.items.length > 0")))));
        assertOnly(validate(early, edge("trigger", "each"), edge("each", "body", "peek"), edge("peek", "some", "each")),
                "$.nodes[1].config.conditions[0].expression", "peek", "is the loop this node runs in");
    }

    @Test
    void aReadOfANodeThatMayNotHaveRunOrDoesNotExistIsRefused() {
        List<Node> nodes = List.of(node("route", "branch", Map.of("conditions", List.of(Map.of("port", "paid",
                        "expression", "trigger.paid")))), step("capture"), step("refund"),
                node("tell", "notify", Map.of("channel", "log", "message", "{{ nodes.capture.id }}")),
                node("key", "lookup", Map.of("table", "t", "key", "nodes.nowhere.sku")),
                node("self", "delay", Map.of("until", "nodes?.self.at")));
        List<DefinitionProblem> problems = validate(nodes, edge("trigger", "route"), edge("route", "paid", "capture"),
                edge("route", "else", "refund"), edge("capture", "tell"), edge("refund", "tell"),
                edge("tell", "key"), edge("key", "self"));

        assertThat(problems).extracting(DefinitionProblem::path, DefinitionProblem::nodeId).containsExactly(
                tuple("$.nodes[3].config.message", "tell"), tuple("$.nodes[4].config.key", "key"),
                tuple("$.nodes[5].config.until", "self"));
        assertThat(problems.get(0).message()).isEqualTo("`nodes.capture` may not have run when this node runs:"
                + " `capture` is not on every path from the trigger to `tell` (read it as `nodes.capture?.…` where"
                + " that is intended)");

        List<Node> guarded = new ArrayList<>(nodes.subList(0, 3));
        guarded.add(node("tell", "notify", Map.of("channel", "log", "message",
                "{{ nodes.capture?.id ?? nodes.refund?.id }}")));
        assertThat(validate(guarded, edge("trigger", "route"), edge("route", "paid", "capture"),
                edge("route", "else", "refund"), edge("capture", "tell"), edge("refund", "tell")))
                .as("reads written for a node that may not have run").isEmpty();
        assertThat(problems.get(1).message()).isEqualTo("`nodes.nowhere` names no node of this workflow");
        assertThat(problems.get(2).message()).contains("this node's own output");
    }

    @Test
    void onlyReadsOfNodesCountNotPropertiesThatHappenToBeCalledNodes() {
        assertThat(ReferenceScopes.reads("trigger.nodes.x + vars.nodes['y'] + nodes.a.b + nodes [ 'b-1' ].c"
                + " + nodes?.c + nodes?.[\"d\"]")).containsExactly("a", "b-1", "c", "d");
        assertThat(configProblems("subflow", Map.of("workflow", UUID, "input", "({ nodes: trigger.nodes })")))
                .isEmpty();
    }

    // ---- wait-until ---------------------------------------------------------------------------------------------

    private static Map<String, Object> waitConfig(String interval, String timeout, String condition) {
        Map<String, Object> config = new java.util.LinkedHashMap<>();
        config.put("connection", "amazon-eu");
        config.put("operation", "getOrders");
        config.put("input", Map.of("orderId", "{{ trigger.orderId }}"));
        if (condition != null) {
            config.put("condition", condition);
        }
        if (interval != null) {
            config.put("interval", interval);
        }
        if (timeout != null) {
            config.put("timeout", timeout);
        }
        return config;
    }

    @Test
    void aWaitUntilPollsAKnownOperationWithACondtionAnIntervalAndATimeoutAndHasATimeoutPort() {
        DefinitionValidator checking = new DefinitionValidator(CATALOG, EXPRESSIONS);
        List<Node> nodes = List.of(node("shipped", "waitUntil", waitConfig("PT30S", "PT2H",
                "{{ output.status == 'COMPLETE' }}")), node("tell", "notify", Map.of("channel", "log",
                "message", "{{ nodes.shipped.status }}")), step("late"));
        assertThat(checking.validate(new WorkflowDefinition(1, WEBHOOK, nodes, List.of(edge("trigger", "shipped"),
                edge("shipped", "tell"), edge("shipped", "timeout", "late"))))).isEmpty();

        assertOnly(validate(nodes, edge("trigger", "shipped"), edge("shipped", "done", "tell"),
                        edge("shipped", "timeout", "late")),
                "$.edges[1].fromPort", "shipped", "has no port 'done'; its ports: out, timeout");
    }

    @Test
    void aWaitUntilNeedsItsFieldsAndDurationsInBoundsAndAConditionThatParses() {
        assertThat(configProblems("waitUntil", Map.of())).extracting(DefinitionProblem::path).containsExactly(
                "$.nodes[0].config.connection", "$.nodes[0].config.operation", "$.nodes[0].config.condition",
                "$.nodes[0].config.interval", "$.nodes[0].config.timeout");
        assertOnly(configProblems("waitUntil", waitConfig("PT0.5S", "PT1H", "output.done")),
                "$.nodes[0].config.interval", "n", "must be from PT1S to P1D, was PT0.5S");
        assertOnly(configProblems("waitUntil", waitConfig("every 5 s", "PT1H", "output.done")),
                "$.nodes[0].config.interval", "n", "must be an ISO 8601 duration such as PT30S, was every 5 s");
        assertOnly(configProblems("waitUntil", waitConfig("PT1M", "P31D", "output.done")),
                "$.nodes[0].config.timeout", "n", "must be from PT1S to P30D, was P31D");
        assertOnly(configProblems("waitUntil", waitConfig("PT1M", "PT30S", "output.done")),
                "$.nodes[0].config.timeout", "n", "must be at least the interval (PT1M), was PT30S");
        Map<String, Object> unknownOperation = waitConfig("PT1M", "PT1H", "output.done");
        unknownOperation.put("operation", "teleport");
        assertOnly(configProblems("waitUntil", unknownOperation), "$.nodes[0].config.operation", "n",
                "has no operation 'teleport'");

        DefinitionValidator checking = new DefinitionValidator(CATALOG, EXPRESSIONS);
        assertThat(checking.validate(new WorkflowDefinition(1, WEBHOOK, List.of(node("n", "waitUntil",
                        waitConfig("PT1M", "PT1H", "{{ output.status == }}"))), List.of(edge("trigger", "n")))))
                .extracting(DefinitionProblem::path).containsExactly("$.nodes[0].config.condition");
    }

    // ---- a whole input ------------------------------------------------------------------------------------------

    private static List<DefinitionProblem> wholeInput(Object input, List<Map<String, Object>> rules) {
        Map<String, Object> config = new java.util.LinkedHashMap<>(Map.of("connection", "amazon-eu",
                "operation", "createFulfillmentOrder"));
        config.put("input", input);
        return new DefinitionValidator(SCHEMAS, EXPRESSIONS).validate(new WorkflowDefinition(1, WEBHOOK, List.of(
                        node("toOrder", "map", Map.of("rules", rules)), node("send", "connector", config)),
                List.of(edge("trigger", "toOrder"), edge("toOrder", "send"))));
    }

    @Test
    void aConnectorsInputMayBeOneExpressionGivingTheWholeObject() {
        List<Map<String, Object>> complete = List.of(Map.of("target", "displayableOrderId", "expression",
                "trigger.id"), Map.of("target", "items", "expression", "trigger.lines"));
        assertThat(wholeInput("{{ nodes.toOrder }}", complete)).isEmpty();
        assertThat(wholeInput("{{ ({...nodes.toOrder, displayableOrderComment: 'thanks'}) }}", complete)).isEmpty();

        assertOnly(wholeInput("{{ nodes.toOrder }}", List.of(Map.of("target", "items", "expression",
                        "trigger.lines"))), "$.nodes[1].config.input", "send",
                "createFulfillmentOrder requires displayableOrderId, which map `toOrder` does not write (it writes:"
                        + " items)");
        assertOnly(wholeInput("{{ 'order' }}", complete), "$.nodes[1].config.input", "send",
                "gives a text, not an object of the operation's input fields");
        assertOnly(wholeInput("{{ [nodes.toOrder] }}", complete), "$.nodes[1].config.input", "send",
                "gives an array");
        assertOnly(wholeInput("order {{ nodes.toOrder }}", complete), "$.nodes[1].config.input", "send",
                "or one {{ expression }} giving the whole object");
        assertOnly(wholeInput("{{ nodes.toOrder. }}", complete), "$.nodes[1].config.input", "send", "");
        assertOnly(wholeInput(42L, complete), "$.nodes[1].config.input", "send",
                "must be an object of the operation's input fields, or one {{ expression }}");
        assertOnly(wholeInput("{{ nodes.shipment }}", complete), "$.nodes[1].config.input", "send",
                "`nodes.shipment` names no node");

        List<DefinitionProblem> loop = validate(List.of(node("each", "forEach", Map.of("items", "trigger.lines")),
                        step("line"), node("send", "connector", Map.of("connection", "amazon-eu", "operation",
                                "getOrders", "input", "{{ nodes.each.items }}"))),
                edge("trigger", "each"), edge("each", "body", "line"), edge("line", "each"),
                edge("each", "done", "send"));
        assertOnly(loop, "$.nodes[2].config.input", "send", "`nodes.each.items` is an array");
    }

    @Test
    void aConnectorsInputObjectMustGiveEveryFieldTheOperationRequires() {
        Map<String, Object> complete = Map.of("displayableOrderId", "{{ trigger.id }}", "items", "{{ trigger.lines }}");
        assertThat(wholeInput(complete, List.of())).isEmpty();

        Map<String, Object> blank = new java.util.LinkedHashMap<>(Map.of("items", "{{ trigger.lines }}"));
        blank.put("displayableOrderId", "  ");
        assertOnly(wholeInput(blank, List.of()), "$.nodes[1].config.input.displayableOrderId", "send",
                "is required by createFulfillmentOrder");
        assertThat(wholeInput(Map.of(), List.of())).extracting(DefinitionProblem::path).containsExactly(
                "$.nodes[1].config.input.displayableOrderId", "$.nodes[1].config.input.items");
    }
}
