package dev.junction.engine.definition;

import dev.junction.engine.expressions.ExpressionRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validator on a large workflow (WD-14: the designer validates a 500-step document after every edit) with every
 * kind of problem many times over, far apart in the graph: it must find each of them, in the same order, with the
 * same words as the validator did before it was made fast. {@code large-definition-problems.txt} is what the
 * validator of commit 7966dd2 (iterative dominator sets, a new GraalJS context per syntax check) answered for
 * {@link #large()}; the assertions below name the kinds, so a lost kind says which.
 */
class LargeDefinitionProblemsTest {

    private static final ExpressionRuntime EXPRESSIONS = new ExpressionRuntime();

    /** Connections amazon-eu and amazon-us of connector amazon-sp-api; its createFulfillmentOrder needs two fields. */
    private static final OperationCatalog CATALOG = new OperationCatalog() {
        @Override
        public Optional<String> connectorOfConnection(String connectionId) {
            return Set.of("amazon-eu", "amazon-us").contains(connectionId) ? Optional.of("amazon-sp-api")
                    : Optional.empty();
        }

        @Override
        public boolean hasOperation(String connectorId, String operationId) {
            return connectorId.equals("amazon-sp-api") && Set.of("getOrders", "createFulfillmentOrder")
                    .contains(operationId);
        }

        @Override
        public Optional<Map<String, Object>> inputSchema(String connectorId, String operationId) {
            return operationId.equals("createFulfillmentOrder") ? Optional.of(Map.of("type", "object",
                    "required", List.of("displayableOrderId", "items"))) : Optional.empty();
        }
    };

    @AfterAll
    static void closeRuntime() {
        EXPRESSIONS.close();
    }

    private static Node node(String id, String type, Map<String, Object> config) {
        return new Node(id, type, "Step " + id, config, new Position(0, 0), RetryPolicy.DEFAULT, ErrorPolicy.FAIL);
    }

    private static Edge edge(String from, String to) {
        return new Edge(from, "out", to);
    }

    /**
     * 40 sections of 13 nodes (520 nodes, about 640 edges) in one long chain: each section a branch whose two sides
     * meet again, a forEach with a two-node body, a connector, a notify and scripts. Sections whose number is a
     * multiple of 3, 4, 5, 7 or 11 carry different problems (syntax errors repeated with the same text, reads of
     * nodes not on every path or inside a loop, unknown connections, missing inputs, bad ports, edges to nowhere,
     * repeated edges, islands, cycles, duplicate and malformed ids, unknown types), so every kind is found many
     * times and at depth.
     */
    static WorkflowDefinition large() {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        String previous = Trigger.NODE_ID;
        for (int s = 0; s < 40; s++) {
            String p = "s" + s + "_";
            String route = p + "route", paid = p + "paid", unpaid = p + "unpaid", join = p + "join", each = p + "each";
            String price = p + "price", sum = p + "sum", after = p + "after", send = p + "send", tell = p + "tell";
            nodes.add(node(route, "branch", Map.of("conditions", List.of(Map.of("port", "paid",
                    "expression", s % 3 == 0 ? "trigger.paid &&" : "trigger.paid")))));
            nodes.add(node(paid, "script", Map.of("code", "return { paid: trigger.total };")));
            nodes.add(node(unpaid, "script", Map.of("code", s % 4 == 0 ? "return {;"
                    : "return { unpaid: " + s + " };")));
            nodes.add(node(join, "script", Map.of("code", s % 5 == 0 ? "return nodes." + paid + ".paid;"
                    : "return nodes." + paid + "?.paid ?? nodes." + unpaid + "?.unpaid;")));
            nodes.add(node(each, "forEach", Map.of("items", "nodes." + route + " ? trigger.lines : []")));
            nodes.add(node(price, "script", Map.of("code", "return vars.item.qty * nodes." + join + ".rate;")));
            nodes.add(node(sum, "script", Map.of("code", s % 7 == 0 ? "return nodes." + each + ".items.length;"
                    : "return vars.item.qty;")));
            nodes.add(node(after, "script", Map.of("code", s % 7 == 3 ? "return nodes." + price + " + 1;"
                    : "return nodes." + each + ".items.length + nodes.s0_paid?.paid;")));
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("displayableOrderId", "{{ trigger.id }}");
            if (s % 4 != 1) {
                input.put("items", "{{ nodes." + each + ".items }}");
            }
            nodes.add(node(send, "connector", Map.of("connection", s % 11 == 5 ? "amazon-jp" : s % 2 == 0
                    ? "amazon-eu" : "amazon-us", "operation", s % 9 == 8 ? "teleport" : "createFulfillmentOrder",
                    "input", input)));
            nodes.add(node(tell, "notify", Map.of("channel", "log", "message", s % 6 == 2
                    ? "sent {{ nodes." + send + ".id + }}" : "sent {{ nodes." + send + ".id }} after "
                    + (s > 0 ? "{{ nodes.s" + (s - 1) + "_tell }}" : "nothing"))));
            String islandId = s % 5 == 4 ? p + "island" : p + "spare";
            nodes.add(node(islandId, "script", Map.of("code", "return 1;")));
            nodes.add(node(s % 10 == 6 ? route : p + "extra", s % 8 == 7 ? "teleport" : "script",
                    Map.of("code", "return 2;")));
            nodes.add(node(s % 13 == 12 ? "9" + p + "bad" : p + "last", "script", Map.of("code", "return 3;")));

            edges.add(edge(previous, route));
            edges.add(new Edge(route, "paid", paid));
            edges.add(new Edge(route, s % 9 == 4 ? "otherwise" : "else", unpaid));
            edges.add(edge(paid, join));
            edges.add(edge(unpaid, join));
            edges.add(edge(join, each));
            edges.add(new Edge(each, "body", price));
            edges.add(edge(price, sum));
            edges.add(edge(sum, each));
            edges.add(new Edge(each, "done", after));
            edges.add(edge(after, send));
            edges.add(edge(send, tell));
            if (s % 5 != 4) {
                edges.add(edge(tell, islandId));
            }
            if (s % 10 != 6) {
                edges.add(edge(tell, p + "extra"));
            }
            edges.add(edge(tell, s % 13 == 12 ? "9" + p + "bad" : p + "last"));
            if (s % 6 == 1) {
                edges.add(edge(send, tell));
            }
            if (s % 8 == 3) {
                edges.add(edge(tell, p + "nowhere"));
            }
            if (s % 12 == 10) {
                edges.add(edge(after, join));
            }
            previous = tell;
        }
        return new WorkflowDefinition(1, new Trigger(TriggerKind.MANUAL, new Position(0, 0)), nodes, edges);
    }

    private static List<String> lines(List<DefinitionProblem> problems) {
        return problems.stream().map(problem -> problem.path() + " | " + problem.nodeId() + " | " + problem.message())
                .toList();
    }

    private static List<String> recorded() throws IOException {
        try (InputStream in = LargeDefinitionProblemsTest.class.getResourceAsStream(
                "/definition/large-definition-problems.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void aLargeWorkflowHasExactlyTheProblemsItHadBeforeTheValidatorWasMadeFast() throws IOException {
        List<String> found = lines(new DefinitionValidator(CATALOG, EXPRESSIONS).validate(large()));

        assertThat(found).containsExactlyElementsOf(recorded());
    }

    @Test
    void everyKindOfProblemIsFoundAtScale() {
        List<DefinitionProblem> problems = new DefinitionValidator(CATALOG, EXPRESSIONS).validate(large());
        Map<String, Long> kinds = new LinkedHashMap<>();
        Map<String, String> markers = new LinkedHashMap<>();
        markers.put("expression syntax", "conditions[0].expression");
        markers.put("script syntax", "config.code | s");
        markers.put("read not on every path", "is not on every path");
        markers.put("read inside a loop from outside", "is inside the forEach");
        markers.put("read of the loop from its body", "is the loop this node runs in");
        markers.put("unknown connection", "unknown connection");
        markers.put("unknown operation", "has no operation");
        markers.put("missing input", "is required by createFulfillmentOrder");
        markers.put("bad port", "has no port");
        markers.put("edge to nowhere", "names no node");
        markers.put("repeated edge", "repeats $.edges");
        markers.put("unreachable", "cannot be reached from the trigger");
        markers.put("cycle", "is part of a cycle");
        markers.put("duplicate id", "node ids are unique");
        markers.put("malformed id", "must start with a letter");
        markers.put("unknown type", "is not a node type");
        for (String line : lines(problems)) {
            markers.forEach((kind, marker) -> {
                if (line.contains(marker)) {
                    kinds.merge(kind, 1L, Long::sum);
                }
            });
        }
        assertThat(kinds.keySet()).containsExactlyInAnyOrderElementsOf(markers.keySet());
        assertThat(kinds).allSatisfy((kind, count) -> assertThat(count).as(kind).isGreaterThanOrEqualTo(2));
    }
}
