package dev.junction.backend.connections;

import dev.junction.engine.connectors.OperationDescriptor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An operation's input schema as a workflow step must satisfy it. */
final class OperationInputs {

    private OperationInputs() {
    }

    /** The input schema, the field the connector fills from the step's idempotency key no longer required. */
    static Map<String, Object> stepInputSchema(OperationDescriptor operation) {
        Map<String, Object> schema = operation.inputSchema();
        String keyField = operation.idempotencyKeyField();
        if (keyField == null || !(schema.get("required") instanceof List<?> required) || !required.contains(keyField)) {
            return schema;
        }
        Map<String, Object> relaxed = new LinkedHashMap<>(schema);
        relaxed.put("required", required.stream().filter(name -> !keyField.equals(name)).toList());
        return relaxed;
    }
}
