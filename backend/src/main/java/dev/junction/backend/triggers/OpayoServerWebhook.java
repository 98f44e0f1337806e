package dev.junction.backend.triggers;

import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.connections.WebhookKeys;
import dev.junction.backend.runs.RunLauncher;
import dev.junction.connectors.http.FormFields;
import dev.junction.connectors.opayo.OpayoServerNotification;
import dev.junction.engine.runs.WorkflowSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A webhook that takes Opayo Server notifications: the form-encoded fields, checked against their
 * {@code VPSSignature} with the Opayo connection's vendor name and security key. A genuine notification starts a
 * run (its fields as input, the VendorTxCode as business key) — once per transaction: a repeat of its VPSTxId starts
 * nothing — and is answered {@code Status=OK}; a forged or
 * malformed one starts nothing, is recorded in the audit log and answered {@code Status=INVALID} / {@code ERROR} —
 * in the plain-text form Opayo reads.
 */
@Component
class OpayoServerWebhook {

    private static final Logger log = LoggerFactory.getLogger(OpayoServerWebhook.class);

    private final WebhookKeys keys;
    private final RunLauncher launcher;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    OpayoServerWebhook(WebhookKeys keys, RunLauncher launcher, AuditTrail audit, TransactionTemplate transactions,
                       MeterRegistry meters) {
        this.keys = keys;
        this.launcher = launcher;
        this.audit = audit;
        this.transactions = transactions;
        this.meters = meters;
    }

    /** What to answer: the plain-text reply, and the run started (when one was). */
    record Answer(String body, Optional<java.util.UUID> runId) {
    }

    Answer receive(WorkflowSource.Published workflow, Map<?, ?> verification, byte[] body, String source) {
        String connection = String.valueOf(verification.get("connection"));
        String redirectUrl = String.valueOf(verification.get("redirectUrl"));
        Map<String, List<String>> fields = form(body);
        OpayoServerNotification notification = OpayoServerNotification.fromForm(fields);
        Optional<WebhookKeys.OpayoKeys> opayo = keys.opayo(connection);
        if (opayo.isEmpty()) {
            String detail = "the connection " + connection + " has no vendor name or security key to check the"
                    + " notification with";
            reject(workflow, "ERROR", detail, notification, source);
            return new Answer(new OpayoServerNotification.Reply(OpayoServerNotification.Reply.Status.ERROR,
                    redirectUrl, detail).body(), Optional.empty());
        }
        OpayoServerNotification.Reply reply = notification.reply(opayo.get().vendorName(),
                opayo.get().securityKey(), redirectUrl);
        if (!reply.accepted()) {
            reject(workflow, reply.status().name(), reply.statusDetail(), notification, source);
            return new Answer(reply.body(), Optional.empty());
        }
        Map<String, Object> input = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            if (!"VPSSignature".equals(name)) {
                input.put(name, values.isEmpty() ? "" : values.getFirst());
            }
        });
        String businessKey = notification.field("VendorTxCode");
        RunLauncher.Started started = launcher.startOnce(workflow, "webhook", input,
                businessKey.isEmpty() ? null : businessKey, dedupKey(workflow, input, notification));
        return new Answer(reply.body(), Optional.of(started.runId()));
    }

    /**
     * What makes a repeat of this notification (Opayo sends it again when it did not read our reply) start no
     * second run: the trigger's {@code dedupKey} expression when it has one, else the transaction's VPSTxId, else
     * its VendorTxCode.
     */
    private String dedupKey(WorkflowSource.Published workflow, Map<String, Object> input,
                            OpayoServerNotification notification) {
        Optional<String> configured = launcher.dedupKey(workflow, input);
        if (configured.isPresent()) {
            return configured.get();
        }
        String vpsTxId = notification.field("VPSTxId");
        if (!vpsTxId.isEmpty()) {
            return "VPSTxId:" + vpsTxId;
        }
        String vendorTxCode = notification.field("VendorTxCode");
        return vendorTxCode.isEmpty() ? null : "VendorTxCode:" + vendorTxCode;
    }

    private void reject(WorkflowSource.Published workflow, String status, String detail,
                        OpayoServerNotification notification, String source) {
        meters.counter("junction.webhooks.rejected", "verification", "opayo-server").increment();
        log.warn("Rejected an Opayo Server notification for workflow {} from {}: {}", workflow.workflowId(), source,
                detail);
        transactions.executeWithoutResult(tx -> audit.record("webhook.rejected", "workflow",
                workflow.workflowId().toString(), Map.of("verification", "opayo-server", "status", status,
                        "reason", detail == null ? "" : detail, "vendorTxCode", notification.field("VendorTxCode"),
                        "source", source)));
    }

    /** The form fields of the body; none when it is not form-encoded (the reply then says what is missing). */
    static Map<String, List<String>> form(byte[] body) {
        try {
            return FormFields.decode(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Map.of();
        }
    }
}
