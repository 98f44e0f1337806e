package dev.junction.connectors.contract;

import dev.junction.connectors.sandbox.SandboxServer;
import dev.junction.connectors.sandbox.Simulator;
import dev.junction.connectors.testing.FixedConnection;
import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorCatalog;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.connectors.OperationInputCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every operation of every connector, its schema against its behaviour: each example of its input schema passes the
 * central check and is taken by the sandbox simulator, and each refusal its schema documents (a required field left
 * out, a value of the wrong type, out of its pattern, enum, length or range, an undescribed field of a closed object)
 * is refused by the central check with the field's path before anything reaches the simulator (its request counter
 * stays 0).
 */
class OperationContractTest {

    private static final List<Connector> CONNECTORS = ConnectorCatalog.discovered().all();
    private static final Map<String, Simulator> SIMULATORS = ServiceLoader.load(Simulator.class).stream()
            .map(ServiceLoader.Provider::get).collect(Collectors.toMap(Simulator::connectorId, Function.identity()));
    private static SandboxServer server;

    @BeforeAll
    static void startSimulators() throws IOException {
        server = SandboxServer.start(0, List.copyOf(SIMULATORS.values()));
    }

    @AfterAll
    static void stopSimulators() {
        server.close();
    }

    @Test
    void everyConnectorHasASimulatorAndEveryOperationItsExamples() {
        assertThat(CONNECTORS).extracting(connector -> connector.descriptor().id())
                .containsExactlyInAnyOrder("amazon-sp-api", "dataverse", "http", "opayo-pi");
        for (Connector connector : CONNECTORS) {
            assertThat(SIMULATORS).containsKey(connector.descriptor().id());
            for (OperationDescriptor operation : connector.descriptor().operations()) {
                assertThat(examples(operation)).as(operation.id() + " examples").isNotEmpty();
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExamplePassesTheCentralCheckAndTheSimulatorTakesIt() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Connector connector : CONNECTORS) {
            for (OperationDescriptor operation : connector.descriptor().operations()) {
                List<Map<String, Object>> examples = examples(operation);
                for (int i = 0; i < examples.size(); i++) {
                    Map<String, Object> example = examples.get(i);
                    int number = i;
                    tests.add(DynamicTest.dynamicTest(connector.descriptor().id() + " " + operation.id() + " example "
                            + (i + 1), () -> {
                        assertThat(OperationInputCheck.problems(operation, example)).isEmpty();
                        Simulator simulator = SIMULATORS.get(connector.descriptor().id());
                        long before = requests(simulator);
                        Map<String, Object> input = withFreshIds(connector, operation, example);
                        ConnectorException failure = catchThrowableOfType(ConnectorException.class, () ->
                                connector.invoke(connection(connector).call(operation.id(), input,
                                        "contract-" + operation.id() + "-" + number)));
                        if (failure != null) {
                            assertThat(failure.errorClass() + " " + failure.remoteStatus() + ": "
                                    + failure.getMessage()).as("refused by Junction")
                                    .doesNotStartWith("InvalidInput null");
                            assertThat(failure.remoteStatus()).as("the simulator refused the example: "
                                    + failure.getMessage()).isNotIn(400, 422);
                        }
                        assertThat(requests(simulator)).as("the example reached the simulator").isGreaterThan(before);
                    }));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedRefusalIsRefusedCentrallyByPathAndNothingIsSent() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Connector connector : CONNECTORS) {
            for (OperationDescriptor operation : connector.descriptor().operations()) {
                Map<String, Object> example = examples(operation).getFirst();
                for (Refusal refusal : Refusal.documentedBy(operation, example)) {
                    tests.add(DynamicTest.dynamicTest(connector.descriptor().id() + " " + operation.id() + ": "
                            + refusal.what(), () -> {
                        Simulator simulator = SIMULATORS.get(connector.descriptor().id());
                        simulator.counters().reset();
                        ConnectorException refused = catchThrowableOfType(ConnectorException.class, () ->
                                connector.invoke(connection(connector).call(operation.id(), refusal.input(),
                                        "refusal-" + operation.id())));

                        assertThat(refused).as(refusal.what()).isNotNull();
                        assertThat(refused.errorClass()).as(refusal.what() + ": " + refused.getMessage())
                                .isEqualTo("InvalidInput");
                        assertThat(refused.retryable()).isFalse();
                        assertThat(refused.remoteStatus()).isNull();
                        assertThat(refused.getMessage()).contains(operation.id() + " was not sent: ")
                                .contains(refusal.path() + ": ");
                        assertThat(requests(simulator)).as("requests that reached the simulator").isZero();
                    }));
                }
            }
        }
        return tests.stream();
    }

    /**
     * The example with the single-use ids it names made fresh by the calls that make them: an Opayo card identifier
     * (made in the shopper's browser, used once) for a transaction paid by card.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withFreshIds(Connector connector, OperationDescriptor operation,
                                                    Map<String, Object> example) throws ConnectorException {
        if (!operation.id().equals("createTransaction")
                || !(example.get("paymentMethod") instanceof Map<?, ?> method && method.get("card") != null)) {
            return example;
        }
        OperationDescriptor cardOperation = connector.descriptor().operation("createCardIdentifier").orElseThrow();
        Map<String, Object> card = (Map<String, Object>) connector.invoke(connection(connector).call(
                cardOperation.id(), examples(cardOperation).getFirst(), "fresh-card"));
        Map<String, Object> fresh = new LinkedHashMap<>(example);
        fresh.put("paymentMethod", Map.of("card", Map.of("merchantSessionKey", card.get("merchantSessionKey"),
                "cardIdentifier", card.get("cardIdentifier"))));
        return fresh;
    }

    private static FixedConnection connection(Connector connector) {
        Simulator simulator = SIMULATORS.get(connector.descriptor().id());
        return FixedConnection.sandbox(simulator, server.url(simulator));
    }

    private static long requests(Simulator simulator) {
        return simulator.counters().requests().values().stream().mapToLong(Long::longValue).sum();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> examples(OperationDescriptor operation) {
        return operation.inputSchema().get("examples") instanceof List<?> list
                ? list.stream().map(example -> (Map<String, Object>) example).toList() : List.of();
    }

    /** An input the schema refuses, and the path the refusal must name. */
    record Refusal(String what, Map<String, Object> input, String path) {

        private static final List<String> TEXTS = List.of(" ", "!", "x".repeat(300), "0", "");

        /** What the operation's schema says it refuses, each applied to the example (top-level fields). */
        @SuppressWarnings("unchecked")
        static List<Refusal> documentedBy(OperationDescriptor operation, Map<String, Object> example) {
            Map<String, Object> schema = operation.inputSchema();
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            List<Refusal> refusals = new ArrayList<>();
            for (Object name : (List<Object>) schema.getOrDefault("required", List.of())) {
                if (!name.equals(operation.idempotencyKeyField())) {
                    refusals.add(new Refusal(name + " left out", without(example, (String) name), "input." + name));
                }
            }
            properties.forEach((name, value) -> {
                Map<String, Object> field = (Map<String, Object>) value;
                wrongType(field).ifPresent(wrong -> refusals.add(new Refusal(name + " of the wrong type",
                        with(example, name, wrong), "input." + name)));
                if (field.get("pattern") instanceof String regex) {
                    Pattern pattern = Pattern.compile(regex);
                    // a blank idempotency key field counts as left out (the connector fills it)
                    boolean key = name.equals(operation.idempotencyKeyField());
                    TEXTS.stream().filter(text -> !(key && text.isBlank()))
                            .filter(text -> !pattern.matcher(text).find()).findFirst().ifPresent(text ->
                            refusals.add(new Refusal(name + " out of its pattern", with(example, name, text),
                                    "input." + name)));
                }
                if (field.get("enum") instanceof List<?> options) {
                    Object outside = options.getFirst() instanceof Number ? (Object) 987654321L : "not-an-option";
                    refusals.add(new Refusal(name + " not one of its enum", with(example, name, outside),
                            "input." + name));
                }
                if (field.get("maxLength") instanceof Number max) {
                    refusals.add(new Refusal(name + " too long", with(example, name, "x".repeat(max.intValue() + 1)),
                            "input." + name));
                }
                if (field.get("minimum") instanceof Number min && min.longValue() > Long.MIN_VALUE) {
                    refusals.add(new Refusal(name + " below its minimum", with(example, name, min.longValue() - 1),
                            "input." + name));
                }
                if (field.get("maximum") instanceof Number max && max.longValue() < Long.MAX_VALUE) {
                    refusals.add(new Refusal(name + " above its maximum", with(example, name, max.longValue() + 1),
                            "input." + name));
                }
            });
            if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                refusals.add(new Refusal("a field it does not describe", with(example, "notAField", "x"),
                        "input.notAField"));
            }
            return refusals;
        }

        /** A value of a type the field does not take; empty when it takes any. */
        private static java.util.Optional<Object> wrongType(Map<String, Object> field) {
            Object type = field.get("type");
            List<?> types = type instanceof List<?> list ? list : type == null ? List.of() : List.of(type);
            if (types.isEmpty()) {
                return java.util.Optional.empty();
            }
            for (Object candidate : List.of(Boolean.TRUE, 42L, "text", List.of("a"), Map.of("a", 1))) {
                String candidateType = switch (candidate) {
                    case Boolean b -> "boolean";
                    case Long l -> "integer";
                    case String s -> "string";
                    case List<?> l -> "array";
                    default -> "object";
                };
                if (!types.contains(candidateType) && !("integer".equals(candidateType) && types.contains("number"))) {
                    return java.util.Optional.of(candidate);
                }
            }
            return java.util.Optional.empty();
        }

        private static Map<String, Object> with(Map<String, Object> example, String name, Object value) {
            Map<String, Object> input = new LinkedHashMap<>(example);
            input.put(name, value);
            return input;
        }

        private static Map<String, Object> without(Map<String, Object> example, String name) {
            Map<String, Object> input = new LinkedHashMap<>(example);
            input.remove(name);
            return input;
        }
    }
}
