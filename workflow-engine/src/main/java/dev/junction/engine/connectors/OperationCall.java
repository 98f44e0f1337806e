package dev.junction.engine.connectors;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One call of an operation: the connection, the input, the step's deterministic idempotency key (the same on every
 * retry and after a crash), the instant by which the call must have answered, and whether a call with this key may
 * have been made before.
 *
 * <p>{@code possibleRepeat} is false only when the engine knows this is the first call under the key: the first
 * attempt of a step, on its task's first claim, in a run never replayed. A connector keeps no memory across a
 * restart, so this is how it tells a re-claimed or retried step (look up what an earlier attempt may have done
 * before sending again) from a first call (whatever the remote API already holds under the key was made by another
 * request: never answer it as this step's outcome).
 */
public record OperationCall(ConnectionAccess connection, String operation, Map<String, Object> input,
                            String idempotencyKey, Instant deadline, boolean possibleRepeat) {

    /** A call whose history the caller does not know: taken as a possible repeat (look up before acting). */
    public OperationCall(ConnectionAccess connection, String operation, Map<String, Object> input,
                         String idempotencyKey, Instant deadline) {
        this(connection, operation, input, idempotencyKey, deadline, true);
    }

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

    /** The same call with another input (upgraded by {@link Connector#migrate}). */
    public OperationCall withInput(Map<String, Object> newInput) {
        return new OperationCall(connection, operation, newInput, idempotencyKey, deadline, possibleRepeat);
    }
}
