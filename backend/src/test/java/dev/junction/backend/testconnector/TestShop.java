package dev.junction.backend.testconnector;

import dev.junction.backend.connections.CatalogConnectorInvoker;
import dev.junction.backend.connections.ConnectionOperationCatalog;
import dev.junction.engine.connectors.ConnectorCall;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.ConnectorInvoker;
import dev.junction.engine.definition.OperationCatalog;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connector that stands in for the catalog in the backend's tests (connection {@code test-shop}): a little remote
 * shop that honours idempotency keys the way Opayo and Amazon do (a repeated key gets the first answer, the order is
 * made once), and that fails on request.
 *
 * <p>Operations: {@code createOrder} (input {@code failTimes}: answer 503 to the first n calls of a key, with
 * {@code retryAfterMillis} as Retry-After; {@code reject: true}: a permanent 422), {@code echo} (answers its input),
 * {@code pollOrders} (answers {@link #pollPages} in turn).
 */
@Component
@Primary
public class TestShop implements ConnectorInvoker, OperationCatalog {

    public static final String CONNECTION = "test-shop";
    private static final Set<String> OPERATIONS = Set.of("createOrder", "echo", "pollOrders");

    /** Every call, in order, by idempotency key. */
    public final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    /** createOrder's calls, in order, as {@code key} or {@code key (possible repeat)} as the engine marked them. */
    public final List<String> markedCalls = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Orders made, by idempotency key: the remote side's state. */
    public final Map<String, Map<String, Object>> orders = new ConcurrentHashMap<>();
    /** What pollOrders answers next (one page per poll; an empty page when none is queued). */
    public final ConcurrentLinkedQueue<Map<String, Object>> pollPages = new ConcurrentLinkedQueue<>();
    /** The cursors pollOrders was called with. */
    public final List<Object> pollCursors = java.util.Collections.synchronizedList(new ArrayList<>());
    /** While true, createOrder rejects everything for good (a remote outage of the permanent kind). */
    public volatile boolean rejectAll;
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final AtomicInteger orderNumbers = new AtomicInteger();
    private final CatalogConnectorInvoker catalogConnectors;
    private final ConnectionOperationCatalog catalogOperations;

    /** Every other connection is the application's own (the sandbox connections among them). */
    TestShop(CatalogConnectorInvoker catalogConnectors, ConnectionOperationCatalog catalogOperations) {
        this.catalogConnectors = catalogConnectors;
        this.catalogOperations = catalogOperations;
    }

    @Override
    public Optional<String> connectorOfConnection(String connectionId) {
        return CONNECTION.equals(connectionId) ? Optional.of("testshop")
                : catalogOperations.connectorOfConnection(connectionId);
    }

    @Override
    public boolean hasOperation(String connectorId, String operationId) {
        return "testshop".equals(connectorId) ? OPERATIONS.contains(operationId)
                : catalogOperations.hasOperation(connectorId, operationId);
    }

    @Override
    public Optional<Map<String, Object>> inputSchema(String connectorId, String operationId) {
        return "testshop".equals(connectorId) ? Optional.empty()
                : catalogOperations.inputSchema(connectorId, operationId);
    }

    @Override
    public Optional<dev.junction.engine.connectors.OperationDescriptor> operation(String connectionId,
                                                                                 String operationId) {
        return CONNECTION.equals(connectionId) ? Optional.empty()
                : catalogConnectors.operation(connectionId, operationId);
    }

    @Override
    public Object invoke(ConnectorCall call) throws ConnectorException {
        if (!CONNECTION.equals(call.connectionId())) {
            return catalogConnectors.invoke(call);
        }
        return switch (call.operation()) {
            case "echo" -> call.input();
            case "pollOrders" -> {
                pollCursors.add(call.input().get("cursor"));
                Map<String, Object> page = pollPages.poll();
                yield page == null ? Map.of("records", List.of(), "cursor", call.input().getOrDefault("cursor", ""))
                        : page;
            }
            case "createOrder" -> createOrder(call);
            default -> throw ConnectorException.permanentFailure("UnknownOperation", call.operation(), null, null);
        };
    }

    private Object createOrder(ConnectorCall call) throws ConnectorException {
        String key = call.idempotencyKey();
        calls.add(key);
        markedCalls.add(key + (call.possibleRepeat() ? " (possible repeat)" : ""));
        Map<String, Object> input = call.input();
        if (rejectAll || Boolean.TRUE.equals(input.get("reject"))) {
            throw ConnectorException.permanentFailure("RemoteValidation", "the shop refused the order",
                    422, "{\"errors\":[{\"code\":\"InvalidInput\",\"message\":\"sku is unknown\"}]}");
        }
        long failTimes = input.get("failTimes") instanceof Number number ? number.longValue() : 0;
        if (failures.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement() < failTimes) {
            Duration retryAfter = input.get("retryAfterMillis") instanceof Number millis
                    ? Duration.ofMillis(millis.longValue()) : null;
            throw ConnectorException.transientFailure("ServiceUnavailable", "the shop is busy", retryAfter, 503,
                    "busy");
        }
        return orders.computeIfAbsent(key, k -> {
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("orderId", "ORD-" + orderNumbers.incrementAndGet());
            order.put("sku", input.get("sku"));
            return order;
        });
    }

    /** How many times createOrder was called with this key. */
    public long callsOf(String key) {
        synchronized (calls) {
            return calls.stream().filter(key::equals).count();
        }
    }
}
