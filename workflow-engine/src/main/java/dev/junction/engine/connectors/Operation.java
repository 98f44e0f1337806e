package dev.junction.engine.connectors;

import java.util.Objects;

/**
 * One operation of a connector: its description (what the catalog, the forms and the central input check read)
 * bound to the code that runs it. A connector is the list of its operations ({@link Connector#operations()}), so an
 * operation cannot be described without being runnable, nor run without being described.
 */
public record Operation(OperationDescriptor descriptor, Handler handler, OperationInputCheck inputCheck) {

    public Operation {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(inputCheck, "inputCheck");
    }

    /** The operation, its input check compiled once from the descriptor's input schema. */
    public Operation(OperationDescriptor descriptor, Handler handler) {
        this(descriptor, handler, OperationInputCheck.of(Objects.requireNonNull(descriptor, "descriptor")));
    }

    public String id() {
        return descriptor.id();
    }

    /**
     * Runs one call of the operation. The call's input has been upgraded ({@link Connector#migrate}) and checked
     * against the descriptor's input schema already: a handler reads its fields without checking again what the
     * schema says.
     */
    @FunctionalInterface
    public interface Handler {
        Object handle(OperationCall call) throws ConnectorException;
    }
}
