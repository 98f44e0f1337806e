package dev.junction.engine.nodes;

import dev.junction.engine.connectors.ConnectorCall;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.runs.StepResult;
import dev.junction.engine.schema.Schemas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reconciles an Amazon settlement against an Opayo account: the settlement reports the Amazon connection has are
 * fetched, the latest one (or the one {@code settlementId} names) is reconciled against the Opayo connection's
 * transactions and batches, and the stored reconciliation run is the step's output — its status, discrepancies, and
 * the journal lines in the form Dynamics' {@code writeJournalLines} takes them.
 *
 * <p>The reconciliation is the application's own operation, not a connector's: the step calls it through the
 * connector port with the operation {@value #OPERATION} (no connector has an operation of that name; the
 * application answers it). A settlement reconciled before is answered from its latest run ({@code alreadyReconciled:
 * true}) unless {@code reconcileAgain} is true, so a retried or repeated step does not make a second run.
 */
public final class ReconcileSettlementNode implements NodeKind {

    public static final String TYPE = "reconcileSettlement";
    /** The application operation the step calls; its input is the step's resolved config. */
    public static final String OPERATION = "junction.reconcileSettlement";
    static final String AMAZON = "amazon-sp-api";
    static final String OPAYO = "opayo-pi";

    /** The config of a reconcile-settlement node. */
    public record Config(String amazonConnection, String opayoConnection, String settlementId,
                         boolean reconcileAgain) {

        static Config of(Map<String, Object> config) {
            return new Config((String) config.get("amazonConnection"), (String) config.get("opayoConnection"),
                    config.get("settlementId") instanceof String id && !id.isBlank() ? id : null,
                    Boolean.TRUE.equals(config.get("reconcileAgain")));
        }
    }

    ReconcileSettlementNode() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Reconcile settlement";
    }

    @Override
    public String description() {
        return "Reconciles the latest Amazon settlement against Opayo's payments: matches, discrepancies and a"
                + " balanced journal.";
    }

    @Override
    public Map<String, Object> configSchema() {
        return ConfigSchemas.config(this, Schemas.object()
                .required("amazonConnection", ConfigSchemas.text("Amazon connection", "The id of the Amazon"
                        + " SP-API connection whose settlement reports are reconciled."))
                .required("opayoConnection", ConfigSchemas.text("Opayo connection", "The id of the Opayo Pi"
                        + " connection whose transactions and batches the settlement is matched with."))
                .optional("settlementId", Schemas.expression(Schemas.titled("Settlement", Schemas.string(
                        "The settlement id to reconcile; may be {{ expression }}. Empty: the latest settlement"
                                + " (the latest period end) of the Amazon connection."))))
                .optional("reconcileAgain", Schemas.titled("Reconcile again", Schemas.defaulting(false,
                        Schemas.bool("Make a new run even when the settlement was reconciled before (otherwise"
                                + " its latest run is answered).")))),
                List.of(Map.of("amazonConnection", "amazon-eu", "opayoConnection", "opayo-gb"),
                        Map.of("amazonConnection", "amazon-eu", "opayoConnection", "opayo-gb",
                                "settlementId", "{{ trigger.settlementId }}", "reconcileAgain", true)));
    }

    @Override
    public List<Port> ports() {
        return List.of(new Port(OUT, "Taken when the settlement is reconciled (or there is none yet); the output"
                + " has settlementId, status, discrepancies, openDiscrepancies, journal and journalLines."));
    }

    @Override
    public boolean sideEffects() {
        return true;
    }

    @Override
    public void validate(Map<String, Object> config, NodeCheck check) {
        connection(config, "amazonConnection", AMAZON, check);
        connection(config, "opayoConnection", OPAYO, check);
        if (config.containsKey("settlementId") && !(config.get("settlementId") instanceof String)) {
            check.problem("settlementId", "must be a text: a settlement id or {{ expression }}");
        }
        if (config.containsKey("reconcileAgain") && !(config.get("reconcileAgain") instanceof Boolean)) {
            check.problem("reconcileAgain", "must be true or false, was " + config.get("reconcileAgain"));
        }
    }

    private static void connection(Map<String, Object> config, String field, String connectorId, NodeCheck check) {
        if (!check.text(config, field, "the id of a " + connectorId + " connection")) {
            return;
        }
        String id = (String) config.get(field);
        Optional<String> connector = check.catalog().connectorOfConnection(id);
        if (connector.isEmpty()) {
            check.problem(field, "unknown connection '" + id + "'");
        } else if (!connector.get().equals(connectorId)) {
            check.problem(field, "must be a connection of connector '" + connectorId + "', '" + id + "' is of '"
                    + connector.get() + "'");
        }
    }

    @Override
    public List<ConfigCode> code(Map<String, Object> config, String configPath) {
        List<ConfigCode> found = new ArrayList<>();
        ConfigCode.templates(config.get("settlementId"), configPath + ".settlementId", found);
        return found;
    }

    @Override
    public StepResult run(StepContext step) {
        Config config = Config.of(step.node().config());
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("amazonConnection", config.amazonConnection());
        input.put("opayoConnection", config.opayoConnection());
        if (config.settlementId() != null) {
            Object id = step.resolve(config.settlementId());
            if (id != null && !StepValues.asText(id).isBlank()) {
                input.put("settlementId", StepValues.asText(id));
            }
        }
        input.put("reconcileAgain", config.reconcileAgain());
        try {
            Object output = step.services().connectors().invoke(new ConnectorCall(config.amazonConnection(),
                    OPERATION, input, step.task().idempotencyKey(), step.task().possibleRepeat()));
            return new StepResult.Done(input, output, Set.of(OUT));
        } catch (ConnectorException e) {
            return StepResult.failed(input, e);
        }
    }
}
