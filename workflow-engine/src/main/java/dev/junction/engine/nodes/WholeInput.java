package dev.junction.engine.nodes;

import dev.junction.engine.connectors.ConnectorInvoker;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.mapping.MappingProblem;
import dev.junction.engine.runs.StepResult;
import dev.junction.engine.schema.JsonSchema;
import dev.junction.engine.schema.SchemaValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An operation's input given whole, by one expression ({@code "input": "{{ nodes.toOrder }}"}) instead of an object
 * of fields: its value must be an object, and that object must match the operation's input JSON schema (required
 * fields, types, enums, lengths, formats, ranges), else the step fails for good, naming each field and what it
 * expects. The field the remote API takes as its idempotency key may be left out, as in a spelled-out input: the
 * connector fills it from the step's key.
 */
final class WholeInput {

    private static final int MAX_SHOWN = 10;

    private WholeInput() {
    }

    /** Whether a node's configured input is one expression giving the whole object. */
    static boolean isWhole(Object configured) {
        return configured instanceof String;
    }

    /** Why the resolved whole input cannot be the operation's input; empty when it can. */
    static Optional<StepResult.Failed> refusal(Object configured, Object input, ConnectorInvoker connectors,
                                               String connection, String operation) {
        if (!(input instanceof Map<?, ?> fields)) {
            return Optional.of(StepResult.failed(input, "InvalidInput", "input: " + String.valueOf(configured).strip()
                    + " must give an object of the operation's input fields, gave " + describe(input)));
        }
        Optional<OperationDescriptor> descriptor = connectors.operation(connection, operation);
        if (descriptor.isEmpty()) {
            return Optional.empty();
        }
        List<MappingProblem> problems = new ArrayList<>();
        SchemaValidator.validate(JsonSchema.of(descriptor.get().stepInputSchema()), fields, "input", problems);
        List<MappingProblem> errors = problems.stream().filter(MappingProblem::isError).toList();
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder("input (" + String.valueOf(configured).strip() + ") does not match"
                + " the input of " + operation + ": ");
        for (int i = 0; i < Math.min(MAX_SHOWN, errors.size()); i++) {
            message.append(i == 0 ? "" : "; ").append(errors.get(i).path()).append(' ').append(errors.get(i).message());
        }
        return Optional.of(StepResult.failed(input, "InputSchemaMismatch", message + (errors.size() > MAX_SHOWN ? "; …" : "")));
    }

    private static String describe(Object value) {
        return switch (value) {
            case null -> "nothing (null)";
            case String text -> "a string \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
            case Number number -> "a number " + number;
            case Boolean bool -> "a boolean " + bool;
            case List<?> list -> "an array of " + list.size();
            default -> "a " + value.getClass().getSimpleName();
        };
    }
}
