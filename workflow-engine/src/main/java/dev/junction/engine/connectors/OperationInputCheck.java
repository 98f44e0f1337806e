package dev.junction.engine.connectors;

import dev.junction.engine.mapping.MappingProblem;
import dev.junction.engine.schema.JsonSchema;
import dev.junction.engine.schema.SchemaValidator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one check of an operation's input against its {@link OperationDescriptor#inputSchema()}, made before the
 * connector takes a rate-limit token or sends anything: every problem at once, each named by its path
 * ({@code input.billingAddress.city: is required but missing}), as one permanent {@code InvalidInput} failure.
 *
 * <p>Fields given as null count as left out (a template that found nothing). The idempotency key field may be left
 * out although the schema requires it: the connector fills it from the step's key.
 */
public final class OperationInputCheck {

    static final String ROOT = "input";
    private static final int MAX_SHOWN = 20;

    private final OperationDescriptor operation;
    private final SchemaValidator.Check strict;
    /** The check when the input leaves the idempotency key field empty (the connector fills it): it is not required. */
    private final SchemaValidator.Check keyLeftOut;

    private OperationInputCheck(OperationDescriptor operation) {
        this.operation = operation;
        this.strict = SchemaValidator.compile(JsonSchema.of(operation.inputSchema()));
        this.keyLeftOut = SchemaValidator.compile(JsonSchema.of(operation.stepInputSchema()));
    }

    /** The check of this operation's input, its schema compiled once (an operation keeps it: {@link Operation}). */
    public static OperationInputCheck of(OperationDescriptor operation) {
        return new OperationInputCheck(operation);
    }

    /** The input's problems against the operation's schema; empty when it may be sent. */
    public static List<MappingProblem> problems(OperationDescriptor operation, Map<String, Object> input) {
        return of(operation).problems(input);
    }

    /** Refuses an input with problems as a permanent failure naming each of them. */
    public static void check(OperationDescriptor operation, Map<String, Object> input) throws ConnectorException {
        of(operation).check(input);
    }

    /** The input's problems; empty when it may be sent. */
    public List<MappingProblem> problems(Map<String, Object> input) {
        List<MappingProblem> problems = new ArrayList<>();
        if (keyLeftOut(input)) {
            Map<String, Object> checked = input;
            if (input.containsKey(operation.idempotencyKeyField())) {
                checked = new LinkedHashMap<>(input);
                checked.remove(operation.idempotencyKeyField());
            }
            keyLeftOut.validate(checked, ROOT, problems);
        } else {
            strict.validate(input, ROOT, problems);
        }
        return problems.stream().filter(MappingProblem::isError).toList();
    }

    /** Refuses an input with problems as a permanent failure naming each of them. */
    public void check(Map<String, Object> input) throws ConnectorException {
        List<MappingProblem> problems = problems(input);
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(operation.id()).append(" was not sent: ");
        for (int i = 0; i < Math.min(MAX_SHOWN, problems.size()); i++) {
            MappingProblem problem = problems.get(i);
            message.append(i == 0 ? "" : "; ").append(problem.path()).append(": ").append(problem.message());
        }
        if (problems.size() > MAX_SHOWN) {
            message.append("; and ").append(problems.size() - MAX_SHOWN).append(" more");
        }
        throw ConnectorException.permanentFailure("InvalidInput", message.toString(), null, null);
    }

    private boolean keyLeftOut(Map<String, Object> input) {
        String keyField = operation.idempotencyKeyField();
        return keyField != null
                && (input.get(keyField) == null || input.get(keyField) instanceof String text && text.isBlank());
    }
}
