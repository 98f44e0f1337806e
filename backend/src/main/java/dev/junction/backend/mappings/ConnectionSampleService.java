package dev.junction.backend.mappings;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.connections.CatalogConnectorInvoker;
import dev.junction.backend.connections.ConnectionOperationCatalog;
import dev.junction.engine.connectors.ConnectorCall;
import dev.junction.engine.connectors.ConnectorCatalog;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.OperationDescriptor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A preview sample taken from a connection: the first record a poll (from its start) or a read operation
 * ({@code get…}, {@code query…}) answers. Operations that change anything at the remote side are refused — a
 * preview must never charge a card or create an order. Only the roles that may read connections (ADMIN, DESIGNER)
 * may call them.
 */
@Service
public class ConnectionSampleService {

    private final CatalogConnectorInvoker connectors;
    private final ConnectionOperationCatalog connections;
    private final ConnectorCatalog catalog;

    ConnectionSampleService(CatalogConnectorInvoker connectors, ConnectionOperationCatalog connections,
                            ConnectorCatalog catalog) {
        this.connectors = connectors;
        this.connections = connections;
        this.catalog = catalog;
    }

    /** The first record, and where it came from. */
    public record Sample(String connection, String operation, Object record, int recordsSeen) {
    }

    /**
     * The first record the operation answers; refuses (naming {@code connection}, {@code operation} or
     * {@code input}) an unknown connection or operation, one that may write, a failed call or an empty answer.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'DESIGNER')")
    public Sample fetch(String connection, String operationId, Map<?, ?> given) {
        if (connection == null || connection.isBlank()) {
            throw new InvalidInputException("connection", "is required: the id of a connection");
        }
        if (operationId == null || operationId.isBlank()) {
            throw new InvalidInputException("operation", "is required: a poll or read operation of the connection");
        }
        String connectorId = connections.connectorOfConnection(connection).orElseThrow(() ->
                new InvalidInputException("connection", "there is no connection '" + connection + "'"));
        OperationDescriptor operation = catalog.find(connectorId)
                .flatMap(connector -> connector.descriptor().operation(operationId))
                .orElseThrow(() -> new InvalidInputException("operation", "connector '" + connectorId
                        + "' has no operation '" + operationId + "'"));
        if (!operation.readOnly()) {
            throw new InvalidInputException("operation", "'" + operationId + "' may change data at the remote side;"
                    + " a sample comes from an operation that only reads (a poll, a get or a look-up)");
        }
        Map<String, Object> input = new LinkedHashMap<>();
        if (given != null) {
            given.forEach((key, value) -> input.put(String.valueOf(key), value));
        }
        Object answer;
        try {
            answer = connectors.invoke(new ConnectorCall(connection, operationId, input,
                    "sample:" + UUID.randomUUID(), false));
        } catch (ConnectorException e) {
            throw new InvalidInputException("connection", "the " + operationId + " call failed ("
                    + e.errorClass() + "): " + e.getMessage());
        }
        List<?> records = records(answer, operation.kind() == OperationDescriptor.Kind.POLL);
        if (records.isEmpty()) {
            throw new InvalidInputException("operation", operationId + " answered no record to take a sample from");
        }
        Object first = records.getFirst();
        if (operation.kind() == OperationDescriptor.Kind.POLL && first instanceof Map<?, ?> record
                && record.containsKey("data")) {
            first = record.get("data");
        }
        return new Sample(connection, operationId, first, records.size());
    }

    /** The records of an answer: a poll's {@code records}, else the first list in the answer, else the answer. */
    private static List<?> records(Object answer, boolean poll) {
        if (answer instanceof Map<?, ?> map) {
            if (poll) {
                return map.get("records") instanceof List<?> records ? records : List.of();
            }
            Optional<List<?>> list = map.values().stream().filter(List.class::isInstance)
                    .<List<?>>map(value -> (List<?>) value).findFirst();
            return list.orElse(List.of(answer));
        }
        if (answer instanceof List<?> list) {
            return list;
        }
        return answer == null ? List.of() : List.of(answer);
    }
}
