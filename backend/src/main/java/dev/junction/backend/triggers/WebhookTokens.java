package dev.junction.backend.triggers;

import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.db.triggers.TriggerStateRepository;
import dev.junction.db.workflows.WorkflowRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * The secret token of each workflow's webhook URL ({@code /hooks/{workflowId}/{token}}): made on first use,
 * rotatable (the old one stops working at once). {@link WebhookServlet} checks calls against it.
 */
@Service
public class WebhookTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MAY_CHANGE = "hasAnyRole('ADMIN', 'DESIGNER')";

    private final TriggerStateRepository state;
    private final WorkflowRepository workflows;
    private final AuditTrail audit;
    private final WebhookTargets targets;

    WebhookTokens(TriggerStateRepository state, WorkflowRepository workflows, AuditTrail audit,
                  WebhookTargets targets) {
        this.state = state;
        this.workflows = workflows;
        this.audit = audit;
        this.targets = targets;
    }

    /** The workflow's token, made now when it has none yet. */
    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public String token(UUID workflowId) {
        requireWorkflow(workflowId);
        return state.webhookToken(workflowId).orElseGet(() -> state.webhookTokenIfAbsent(workflowId, newToken()));
    }

    /** Replaces the workflow's token; the old one answers 404 from now on. */
    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public String rotate(UUID workflowId) {
        requireWorkflow(workflowId);
        String token = newToken();
        state.setWebhookToken(workflowId, token);
        audit.record("workflow.webhook_token_rotated", "workflow", workflowId.toString(), Map.of());
        // this node forgets the old token as the rotation commits, before answering (the others when the
        // database's announcement reaches them, see WebhookTargets)
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                targets.changed(workflowId);
            }
        });
        return token;
    }

    private void requireWorkflow(UUID workflowId) {
        if (workflows.find(workflowId).isEmpty()) {
            throw new NotFoundException("No workflow with id " + workflowId);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
