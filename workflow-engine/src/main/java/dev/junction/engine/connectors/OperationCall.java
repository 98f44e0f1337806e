package dev.junction.engine.connectors;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One call of an operation: the connection, the input, the step's deterministic idempotency key (the same on every
 * retry and after a crash) and the instant by which the call must have answered.
 */
public record OperationCall(ConnectionAccess connection, String operation, Map<String, Object> input,
                            String idempotencyKey, Instant deadline) {

    public OperationCall {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(operation, "operation");
        input = input == null ? Map.of() : input;
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(deadline, "deadline");
    }

    /** What is left until the deadline (never negative). */
    public Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
