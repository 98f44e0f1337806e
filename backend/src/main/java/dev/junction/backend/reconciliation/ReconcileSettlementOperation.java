package dev.junction.backend.reconciliation;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.connections.ApplicationOperation;
import dev.junction.engine.connectors.ConnectorCall;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.nodes.ReconcileSettlementNode;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a workflow's reconcile-settlement step calls ({@value ReconcileSettlementNode#OPERATION}): the
 * {@link ReconciliationService} reconciles the latest (or the named) settlement as the system. Refused input (an
 * unknown connection, a settlement the connection does not have, a fee table entry that is not a rule, Opayo data
 * that cannot be read) fails the step for good, naming the field.
 */
@Component
class ReconcileSettlementOperation implements ApplicationOperation {

    private final ReconciliationService reconciliations;

    ReconcileSettlementOperation(ReconciliationService reconciliations) {
        this.reconciliations = reconciliations;
    }

    @Override
    public String id() {
        return ReconcileSettlementNode.OPERATION;
    }

    @Override
    public Object invoke(ConnectorCall call) throws ConnectorException {
        Map<String, Object> input = call.input();
        try {
            return reconciliations.reconcileForWorkflow(text(input.get("amazonConnection")),
                    text(input.get("opayoConnection")), text(input.get("settlementId")),
                    Boolean.TRUE.equals(input.get("reconcileAgain")));
        } catch (InvalidInputException refused) {
            throw ConnectorException.permanentFailure("ReconciliationRefused", refused.problems().stream()
                    .map(problem -> problem.field() + ": " + problem.message())
                    .collect(Collectors.joining("; ")), null, null);
        }
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }
}
