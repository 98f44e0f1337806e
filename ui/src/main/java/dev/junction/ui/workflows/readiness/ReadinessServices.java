package dev.junction.ui.workflows.readiness;

import dev.junction.backend.alerts.AlertRuleInput;
import dev.junction.backend.alerts.AlertRuleService;
import dev.junction.backend.connections.ConnectionService;
import dev.junction.backend.security.CurrentUser;
import dev.junction.backend.templates.ConnectionReferences;
import dev.junction.backend.templates.Installation;
import dev.junction.backend.templates.Readiness;
import dev.junction.backend.templates.TemplateService;
import dev.junction.backend.workflows.StoredDefinition;
import dev.junction.backend.workflows.WorkflowService;
import dev.junction.backend.workflows.WorkflowVersionService;
import dev.junction.db.users.Role;
import dev.junction.db.workflows.Workflow;
import dev.junction.engine.connectors.ConnectionCheck;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a readiness checklist reads and does, over the backend's services: the checklist itself (the rules live in
 * {@link TemplateService#readiness}), and the actions that complete its items — test the workflow's connections,
 * attach the default alert rule, take ownership — and publishing.
 */
@Component
public class ReadinessServices {

    /** The condition of the alert rule a go-live attaches: a run of the workflow failed. */
    static final String DEFAULT_ALERT_CONDITION = "run_failed";

    final TemplateService templates;
    final WorkflowService workflows;
    final WorkflowVersionService versions;
    final ConnectionService connections;
    final AlertRuleService alertRules;

    ReadinessServices(TemplateService templates, WorkflowService workflows, WorkflowVersionService versions,
                      ConnectionService connections, AlertRuleService alertRules) {
        this.templates = templates;
        this.workflows = workflows;
        this.versions = versions;
        this.connections = connections;
        this.alertRules = alertRules;
    }

    /** The checklist of the workflow's latest version, as the page shows it. */
    public List<ChecklistItem> checklist(UUID workflowId) {
        return checklist(readiness(workflowId));
    }

    /** A checklist as the page shows it. */
    static List<ChecklistItem> checklist(Readiness readiness) {
        return readiness.items().stream()
                .map(item -> new ChecklistItem(item.key(), item.label(), item.done(), item.required(), item.hint()))
                .toList();
    }

    public Readiness readiness(UUID workflowId) {
        return templates.readiness(workflowId);
    }

    /** The checklist of a version the caller has just saved, as the save read and validated it (not read again). */
    public Readiness readiness(StoredDefinition version) {
        return templates.readiness(version);
    }

    /** Tests every connection the latest version names; answers each connection's result. */
    public Map<String, ConnectionCheck> testConnections(UUID workflowId) {
        Map<String, ConnectionCheck> checks = new LinkedHashMap<>();
        connectionsOf(workflowId).forEach(id -> checks.put(id, connections.test(id)));
        return checks;
    }

    /**
     * The connection ids the workflow's latest version names (wherever the go-live checklist finds them:
     * {@link ConnectionReferences}) and those its template installation chose.
     */
    public Set<String> connectionsOf(UUID workflowId) {
        Set<String> ids = new LinkedHashSet<>();
        Workflow workflow = workflows.get(workflowId);
        if (workflow.latestVersion() >= 1) {
            ConnectionReferences.ids(versions.latest(workflowId).definition()).stream().filter(id -> !id.isBlank())
                    .forEach(ids::add);
        }
        templates.installation(workflowId).map(Installation::connections).ifPresent(chosen -> ids.addAll(chosen.values()));
        return ids;
    }

    /** Attaches the default alert rule (a run of this workflow failed, warning), unless one is attached already. */
    public void attachDefaultAlertRule(UUID workflowId) {
        boolean attached = alertRules.list().stream().anyMatch(rule -> workflowId.equals(rule.workflowId()));
        if (!attached) {
            Workflow workflow = workflows.get(workflowId);
            alertRules.create(new AlertRuleInput(workflow.name() + ": a run failed", true, DEFAULT_ALERT_CONDITION,
                    Map.of("quietMinutes", 60), workflowId, null, null, "warning", List.of(), null, null));
        }
    }

    public void takeOwnership(UUID workflowId) {
        templates.setOwner(workflowId, CurrentUser.name());
    }

    /** Publishes the latest version (the service refuses a version with problems, or an open required item). */
    public void publishLatest(UUID workflowId) {
        versions.publish(workflowId, workflows.get(workflowId).latestVersion());
    }

    /** The latest version of the workflow. */
    public int workflowVersion(UUID workflowId) {
        return workflows.get(workflowId).latestVersion();
    }

    /**
     * Does what a go-live may do by itself: attaches the default alert rule and takes ownership (when asked), and
     * tests the workflow's connections while the checklist says they are not tested (admins only).
     */
    public void completeForGoLive(UUID workflowId, boolean attachAlertRule, boolean takeOwnership) {
        if (attachAlertRule && mayAttachAlertRules()) {
            attachDefaultAlertRule(workflowId);
        }
        if (takeOwnership) {
            takeOwnership(workflowId);
        }
        boolean untested = readiness(workflowId).items().stream()
                .anyMatch(item -> "connections-tested".equals(item.key()) && !item.done());
        if (untested && mayTestConnections()) {
            testConnections(workflowId);
        }
    }

    public boolean mayTestConnections() {
        return CurrentUser.hasAnyRole(Role.ADMIN);
    }

    public boolean mayAttachAlertRules() {
        return CurrentUser.hasAnyRole(Role.ADMIN, Role.OPERATOR);
    }

    public boolean mayChange() {
        return workflows.currentUserMayChange();
    }
}
