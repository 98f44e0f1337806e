package dev.junction.backend.testconnector;

import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.Operation;
import dev.junction.engine.connectors.OperationCall;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.connectors.SettingField;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A connector of the backend's tests whose calls a test can hold at two points, to let the database go away and
 * come back in between: before it reads its secret through the vault, and, when that read fails, before it lets
 * the failure go. Each call counts per idempotency key. Unarmed, it reads its secret and answers at once.
 */
public class GatedConnector implements Connector {

    private final List<Operation> operations = List.of(new Operation(DESCRIPTOR.operations().getFirst(), this::charge));

    public static final String ID = "gated";

    /** The next call's gates; a test arms them, and each is used once. */
    public static final AtomicReference<Gates> NEXT = new AtomicReference<>();
    /** Calls made, per idempotency key. */
    public static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Gated", "1.0",
            "vaadin:lock", "Holds its calls where a test says (tests only)", ConnectorDescriptor.AuthKind.CONFIGURABLE,
            List.of(SettingField.secret("apiKey", "API key", "The key of the account", true)),
            List.of(new OperationDescriptor("charge", "Charge", "Reads its key, answers its input",
                    OperationDescriptor.Kind.ACTION, null, null, null, null)));

    /** Where a call waits: {@code entered} when it started, then it waits for {@code readSecret}; … */
    public record Gates(CountDownLatch entered, CountDownLatch readSecret, CountDownLatch failed,
                        CountDownLatch fail, AtomicReference<RuntimeException> failure) {

        public static Gates armed() {
            return new Gates(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1),
                    new CountDownLatch(1), new AtomicReference<>());
        }
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Operation> operations() {
        return operations;
    }

    private Object charge(OperationCall call) throws ConnectorException {
        CALLS.computeIfAbsent(call.idempotencyKey(), key -> new AtomicInteger()).incrementAndGet();
        Gates gates = NEXT.getAndSet(null);
        String key;
        if (gates == null) {
            key = call.connection().requiredSecret("apiKey");
        } else {
            gates.entered().countDown();
            await(gates.readSecret());
            try {
                key = call.connection().requiredSecret("apiKey");
            } catch (RuntimeException e) {
                gates.failure().set(e);
                gates.failed().countDown();
                await(gates.fail());
                throw e;
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>(call.input());
        answer.put("charged", true);
        answer.put("keyLength", key.length());
        return answer;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ConnectionCheck test(ConnectionAccess connection) {
        return ConnectionCheck.ok("nothing to check");
    }
}
