package dev.junction.backend.audit;

import dev.junction.backend.security.CurrentUser;
import dev.junction.db.audit.AuditDraft;
import dev.junction.db.audit.AuditEntry;
import dev.junction.db.audit.AuditLogRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/** Records who changed what. An entry is written in the same transaction as the change it describes. */
@Service
public class AuditTrail {

    private final AuditLogRepository log;
    private final JsonMapper json;

    AuditTrail(AuditLogRepository log, JsonMapper json) {
        this.log = log;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, String entityId, Map<String, ?> details) {
        recordAs(CurrentUser.name(), action, entityType, entityId, details);
    }

    /** Records an action of an explicit actor: a sign-in, before the security context knows who signed in. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, String action, String entityType, String entityId, Map<String, ?> details) {
        log.append(actor, action, entityType, entityId, json.writeValueAsString(details));
    }

    /** Records several actions of one explicit actor in one statement (the alert evaluator's batch of changes). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAllAs(String actor, List<Action> actions) {
        log.appendAll(actor, actions.stream().map(action -> new AuditDraft(action.action(), action.entityType(),
                action.entityId(), json.writeValueAsString(action.details()))).toList());
    }

    /** One action to record: what was done to which thing, with its details. */
    public record Action(String action, String entityType, String entityId, Map<String, ?> details) {
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> history(String entityType, String entityId, int limit) {
        return log.forEntity(entityType, entityId, limit);
    }
}
