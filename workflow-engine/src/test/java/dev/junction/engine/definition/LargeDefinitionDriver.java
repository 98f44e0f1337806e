package dev.junction.engine.definition;

import dev.junction.engine.expressions.ExpressionRuntime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures the validator on the designer benchmark's generated workflow (docs/benchmarks.md, WD-14): 500 script
 * steps and 600 edges, each script the same text, then each script a different one. Per round: reading the JSON,
 * validating without and with the syntax checks (GraalJS), writing the JSON. The first rounds are cold.
 *
 * <pre>mvn -q -pl workflow-engine test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.junction.engine.definition.LargeDefinitionDriver</pre>
 */
public final class LargeDefinitionDriver {

    /**
     * The workflow DesignerLargeGraphBenchmark generates, as JSON: {@code nodes} script steps in a chain from the
     * trigger, plus an edge from every fifth step to the step after next, until there are 600 edges.
     * {@code distinct}: each script a different text.
     */
    static String generated(int nodes, boolean distinct) {
        List<Node> steps = new ArrayList<>();
        List<Edge> edges = new ArrayList<>(List.of(new Edge(Trigger.NODE_ID, "out", "n0")));
        for (int i = 0; i < nodes; i++) {
            steps.add(new Node("n" + i, "script", "Step " + i, Map.of("code", "return trigger"
                    + (distinct ? " + " + i : "") + ";"), new Position((i % 25) * 280, (i / 25) * 120),
                    RetryPolicy.DEFAULT, ErrorPolicy.FAIL));
            if (i + 1 < nodes) {
                edges.add(new Edge("n" + i, "out", "n" + (i + 1)));
            }
        }
        for (int i = 0; i + 2 < nodes && edges.size() < 600; i += 5) {
            edges.add(new Edge("n" + i, "out", "n" + (i + 2)));
        }
        return DefinitionJson.write(new WorkflowDefinition(1, new Trigger(TriggerKind.MANUAL, new Position(-300, 0)),
                steps, edges));
    }

    public static void main(String[] args) {
        OperationCatalog catalog = new OperationCatalog() {
            @Override
            public Optional<String> connectorOfConnection(String connectionId) {
                return Optional.empty();
            }

            @Override
            public boolean hasOperation(String connectorId, String operationId) {
                return false;
            }
        };
        try (ExpressionRuntime runtime = new ExpressionRuntime()) {
            for (boolean distinct : new boolean[]{false, true}) {
                String json = generated(500, distinct);
                DefinitionValidator full = new DefinitionValidator(catalog, runtime);
                DefinitionValidator noSyntax = new DefinitionValidator(catalog);
                for (int round = 0; round < 6; round++) {
                    long t0 = System.nanoTime();
                    WorkflowDefinition definition = DefinitionJson.read(json);
                    long t1 = System.nanoTime();
                    int p1 = noSyntax.validate(definition).size();
                    long t2 = System.nanoTime();
                    int p2 = full.validate(definition).size();
                    long t3 = System.nanoTime();
                    DefinitionJson.write(definition);
                    long t4 = System.nanoTime();
                    System.out.printf("%s scripts, round %d: read %.1f ms; validate without syntax checks %.1f ms"
                            + " (%d problems), with %.1f ms (%d problems); write %.1f ms%n",
                            distinct ? "different" : "equal", round, (t1 - t0) / 1e6, (t2 - t1) / 1e6, p1,
                            (t3 - t2) / 1e6, p2, (t4 - t3) / 1e6);
                }
            }
        }
    }
}
