package dev.junction.backend.triggers;

import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.connections.WebhookKeys;
import dev.junction.connectors.rest.HmacWebhookSignature;
import dev.junction.engine.runs.WorkflowSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A webhook signed with HMAC-SHA256 by the caller, with the signing secret of an HTTP connection: the raw body (or
 * {@code timestamp.body}) checked before anything is parsed. Verification settings: {@code signatureHeader}
 * (default {@code X-Signature}), {@code timestampHeader} (optional; then a {@code toleranceSeconds}, default 300,
 * against replays). A request that fails starts nothing and is recorded in the audit log.
 */
@Component
class HmacWebhook {

    private static final Logger log = LoggerFactory.getLogger(HmacWebhook.class);

    private final WebhookKeys keys;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    HmacWebhook(WebhookKeys keys, AuditTrail audit, TransactionTemplate transactions, MeterRegistry meters) {
        this.keys = keys;
        this.audit = audit;
        this.transactions = transactions;
        this.meters = meters;
    }

    /** Empty when the request carries a good signature; else why it was refused (already recorded). */
    Optional<String> refusal(WorkflowSource.Published workflow, Map<?, ?> verification, byte[] body,
                             HttpServletRequest request) {
        String connection = String.valueOf(verification.get("connection"));
        String signatureHeader = verification.get("signatureHeader") instanceof String header && !header.isBlank()
                ? header : HmacWebhookSignature.DEFAULT_SIGNATURE_HEADER;
        Optional<String> timestampHeader = verification.get("timestampHeader") instanceof String header
                && !header.isBlank() ? Optional.of(header) : Optional.empty();
        Duration tolerance = verification.get("toleranceSeconds") instanceof Number seconds
                ? Duration.ofSeconds(seconds.longValue()) : HmacWebhookSignature.DEFAULT_TOLERANCE;
        HmacWebhookSignature.Verdict verdict = new HmacWebhookSignature(signatureHeader, timestampHeader, tolerance,
                Clock.systemUTC()).verify(body, name -> Optional.ofNullable(request.getHeader(name)),
                keys.hmacSecret(connection).orElse(null));
        if (verdict.accepted()) {
            return Optional.empty();
        }
        meters.counter("junction.webhooks.rejected", "verification", "hmac-sha256").increment();
        log.warn("Rejected a webhook for workflow {} from {}: {}", workflow.workflowId(), request.getRemoteAddr(),
                verdict.reason());
        transactions.executeWithoutResult(tx -> audit.record("webhook.rejected", "workflow",
                workflow.workflowId().toString(), Map.of("verification", "hmac-sha256", "reason", verdict.reason(),
                        "source", request.getRemoteAddr())));
        return Optional.of(verdict.reason());
    }
}
