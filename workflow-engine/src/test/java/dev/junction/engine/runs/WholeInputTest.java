package dev.junction.engine.runs;

import dev.junction.engine.connectors.ConnectorCall;
import dev.junction.engine.connectors.ConnectorInvoker;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.WorkflowDefinition;
import dev.junction.engine.expressions.ExpressionRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A connector step whose input is an upstream object given whole, checked against the operation's input schema. */
class WholeInputTest {

    private static final ExpressionRuntime EXPRESSIONS = new ExpressionRuntime();

    @AfterAll
    static void close() {
        EXPRESSIONS.close();
    }

    /** createFulfillmentOrder: requires its id (which the connector may fill), displayableOrderId and items. */
    private static final OperationDescriptor CREATE = new OperationDescriptor("createFulfillmentOrder", "Create", "",
            OperationDescriptor.Kind.ACTION, Map.of("type", "object",
            "required", List.of("sellerFulfillmentOrderId", "displayableOrderId", "items"),
            "properties", Map.of("sellerFulfillmentOrderId", Map.of("type", "string"),
                    "displayableOrderId", Map.of("type", "string", "maxLength", 40),
                    "items", Map.of("type", "array"))), null, null, "sellerFulfillmentOrderId");

    /** A remote that keeps the calls it was given. */
    private static final class Remote implements ConnectorInvoker {
        final List<ConnectorCall> calls = new ArrayList<>();

        @Override
        public Object invoke(ConnectorCall call) {
            calls.add(call);
            return Map.of("outcome", "CREATED");
        }

        @Override
        public Optional<OperationDescriptor> operation(String connectionId, String operationId) {
            return operationId.equals(CREATE.id()) ? Optional.of(CREATE) : Optional.empty();
        }
    }

    private static final WorkflowDefinition SEND = DefinitionJson.read("""
            {"schemaVersion": 1, "trigger": {"kind": "manual"},
             "nodes": [{"id": "send", "type": "connector", "name": "Send",
                        "config": {"connection": "amazon-eu", "operation": "createFulfillmentOrder",
                                   "input": "{{ nodes.toOrder }}"}, "position": {"x": 0, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "send"}]}""");

    private static StepResult send(Remote remote, Object toOrder) {
        StepInterpreter interpreter = new StepInterpreter(EXPRESSIONS, remote, null, null, null, null, null,
                Clock.systemUTC());
        java.util.Map<String, Object> outputs = new java.util.HashMap<>();
        outputs.put("toOrder", toOrder);
        RunState state = new RunState(UUID.randomUUID(), null, Map.of(), outputs, Map.of(), true);
        ClaimedTask task = new ClaimedTask(1, state.runId(), UUID.randomUUID(), 1, "send", null, null, 1,
                TaskKind.EXECUTE, null, "w", false);
        return interpreter.run(SEND, SEND.node("send").orElseThrow(), task, state);
    }

    @Test
    void anUpstreamObjectMatchingTheOperationsInputIsTheCallsInputWhole() {
        Remote remote = new Remote();
        Map<String, Object> order = Map.of("displayableOrderId", "SHOP-1", "items", List.of(Map.of("sku", "A")));

        StepResult result = send(remote, order);

        assertThat(result).isInstanceOf(StepResult.Done.class);
        assertThat(remote.calls).singleElement().satisfies(call -> assertThat(call.input()).isEqualTo(order));
    }

    @Test
    void anUpstreamObjectThatDoesNotMatchFailsTheStepForGoodNamingEachFieldBeforeAnyCall() {
        Remote remote = new Remote();

        StepResult result = send(remote, Map.of("displayableOrderId", "SHOP-1234567890123456789012345678901234567890"));

        assertThat(remote.calls).isEmpty();
        assertThat(result).isInstanceOfSatisfying(StepResult.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.error().errorClass()).isEqualTo("InputSchemaMismatch");
            assertThat(failed.error().message()).startsWith("input ({{ nodes.toOrder }}) does not match the input of"
                    + " createFulfillmentOrder: ").contains("input.items is required but missing")
                    .contains("input.displayableOrderId").doesNotContain("sellerFulfillmentOrderId");
        });
    }

    @Test
    void aValueThatIsNotAnObjectIsRefusedNamingWhatItGave() {
        Remote remote = new Remote();

        StepResult result = send(remote, List.of(1, 2));

        assertThat(remote.calls).isEmpty();
        assertThat(result).isInstanceOfSatisfying(StepResult.Failed.class, failed -> {
            assertThat(failed.error().errorClass()).isEqualTo("InvalidInput");
            assertThat(failed.error().message()).isEqualTo("input: {{ nodes.toOrder }} must give an object of the"
                    + " operation's input fields, gave an array of 2");
        });
    }
}
