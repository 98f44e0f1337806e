package dev.junction.engine.connectors;

import dev.junction.engine.schema.Schemas;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every call passes {@link Connector#invoke}: the input is upgraded by the connector's {@code migrate}, checked
 * against the operation's input schema (every problem by path), and only then handed to the handler, so nothing is
 * sent and no rate-limit token is taken for an input the schema refuses.
 */
class CentralInputCheckTest {

    private static final OperationDescriptor CHARGE = OperationDescriptor.action("charge", "Charge", "Takes money")
            .input(Schemas.object()
                    .required("reference", Schemas.pattern("letters and digits", "^[A-Za-z0-9]+$"))
                    .required("amount", Schemas.integer("minor units", 1, 1_000_000))
                    .optional("card", Schemas.object()
                            .required("expiryDate", Schemas.pattern("MMYY", "^(0[1-9]|1[0-2])[0-9]{2}$"))
                            .closed()
                            .build())
                    .build())
            .idempotencyKey("reference").build();
    private static final OperationDescriptor LOOK_UP = OperationDescriptor.action("lookUp", "Look up", "Reads")
            .input(Schemas.object().required("id", Schemas.string("the id")).build()).readOnly().build();

    /** A connector whose handlers count their calls and take a token first, as real ones do. */
    static class CountingConnector implements Connector {

        final AtomicInteger handled = new AtomicInteger();
        final List<String> tokens = new ArrayList<>();
        private final List<Operation> operations = List.of(new Operation(CHARGE, this::answer),
                new Operation(LOOK_UP, this::answer));

        @Override
        public ConnectorDescriptor descriptor() {
            return new ConnectorDescriptor("counting", "Counting", "2.0", "vaadin:abacus", "Counts",
                    ConnectorDescriptor.AuthKind.NONE, List.of(), operations.stream().map(Operation::descriptor)
                    .toList());
        }

        @Override
        public List<Operation> operations() {
            return operations;
        }

        /** Version 1 called the amount {@code sum}. */
        @Override
        public Map<String, Object> migrate(String operation, Map<String, Object> input) {
            if (!operation.equals("charge") || !input.containsKey("sum")) {
                return input;
            }
            Map<String, Object> upgraded = new LinkedHashMap<>(input);
            upgraded.put("amount", upgraded.remove("sum"));
            return upgraded;
        }

        private Object answer(OperationCall call) throws ConnectorException {
            call.connection().rateLimiter().acquire(call.operation());
            handled.incrementAndGet();
            return call.input();
        }

        @Override
        public ConnectionCheck test(ConnectionAccess connection) {
            return ConnectionCheck.ok("fine");
        }
    }

    private final CountingConnector connector = new CountingConnector();

    private OperationCall call(String operation, Map<String, Object> input) {
        ConnectionAccess connection = new ConnectionAccess() {
            @Override
            public String id() {
                return "c1";
            }

            @Override
            public Environment environment() {
                return Environment.SANDBOX;
            }

            @Override
            public Optional<String> setting(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<String> secret(String name) {
                return Optional.empty();
            }

            @Override
            public RateLimiter rateLimiter() {
                return operation -> connector.tokens.add(operation);
            }
        };
        return new OperationCall(connection, operation, input, "run-1:charge", Instant.now().plusSeconds(5));
    }

    @Test
    void everyProblemIsNamedByItsPathInOnePermanentFailureAndNothingRuns() {
        Map<String, Object> input = Map.of("reference", "ref 1", "amount", 0L,
                "card", Map.of("expiryDate", "1399", "cvv", "123"));

        ConnectorException refused = catchThrowableOfType(ConnectorException.class,
                () -> connector.invoke(call("charge", input)));

        assertThat(refused.errorClass()).isEqualTo("InvalidInput");
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.remoteStatus()).isNull();
        assertThat(refused.getMessage()).startsWith("charge was not sent: ")
                .contains("input.reference: must match ^[A-Za-z0-9]+$ (letters and digits), got \"ref 1\"")
                .contains("input.amount: must be at least 1, got 0")
                .contains("input.card.expiryDate: must match ^(0[1-9]|1[0-2])[0-9]{2}$ (MMYY), got \"1399\"")
                .contains("input.card.cvv: is not a field here (known: expiryDate)");
        assertThat(connector.handled).hasValue(0);
        assertThat(connector.tokens).as("rate-limit tokens taken").isEmpty();
    }

    @Test
    void aValidInputRunsItsHandlerWhichAloneTakesTheToken() throws ConnectorException {
        Object output = connector.invoke(call("charge", Map.of("reference", "R1", "amount", 1250L)));

        assertThat(output).isEqualTo(Map.of("reference", "R1", "amount", 1250L));
        assertThat(connector.handled).hasValue(1);
        assertThat(connector.tokens).containsExactly("charge");
    }

    @Test
    void theIdempotencyKeyFieldMayBeLeftOutAndNullFieldsCountAsLeftOut() throws ConnectorException {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("amount", 5L);
        input.put("card", null);
        input.put("reference", " ");

        connector.invoke(call("charge", input));

        assertThat(connector.handled).hasValue(1);
        ConnectorException missing = catchThrowableOfType(ConnectorException.class,
                () -> connector.invoke(call("lookUp", java.util.Collections.singletonMap("id", null))));
        assertThat(missing.getMessage()).isEqualTo("lookUp was not sent: input.id: is required but missing");
    }

    @Test
    void aConfigSavedForAnOlderVersionIsMigratedBeforeItIsChecked() throws ConnectorException {
        Object output = connector.invoke(call("charge", Map.of("reference", "R2", "sum", 700L)));

        assertThat(output).isEqualTo(Map.of("reference", "R2", "amount", 700L));
        assertThat(OperationInputCheck.problems(CHARGE, Map.of("reference", "R2", "sum", 700L)))
                .as("unmigrated, the input lacks its amount").isNotEmpty();
    }

    @Test
    void anOperationTheConnectorDoesNotHaveIsAPermanentFailure() {
        ConnectorException unknown = catchThrowableOfType(ConnectorException.class,
                () -> connector.invoke(call("refund", Map.of())));

        assertThat(unknown.errorClass()).isEqualTo("UnknownOperation");
        assertThat(unknown.getMessage()).contains("counting").contains("refund");
    }

    @Test
    void theCatalogRefusesAConnectorWhoseDescriptionAndHandlersDiffer() {
        Connector describedOnly = new CountingConnector() {
            @Override
            public List<Operation> operations() {
                return List.of(new Operation(CHARGE, call -> null));
            }
        };

        assertThatThrownBy(() -> new ConnectorCatalog(List.of(describedOnly)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("describes the operations [charge, lookUp] but binds handlers to [charge]");
        assertThat(new ConnectorCatalog(List.of(connector)).find("counting")).isPresent();
    }

    @Test
    void aPollOnlyReadsAndAnActionSaysWhetherItDoes() {
        assertThat(LOOK_UP.readOnly()).isTrue();
        assertThat(CHARGE.readOnly()).isFalse();
        assertThat(OperationDescriptor.poll("changes", "Changes", "Polls").build().readOnly()).isTrue();
        assertThatThrownBy(() -> new OperationDescriptor("changes", "Changes", "Polls", OperationDescriptor.Kind.POLL,
                null, null, null, null, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
