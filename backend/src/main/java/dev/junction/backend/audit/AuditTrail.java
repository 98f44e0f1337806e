package dev.junction.backend.audit;

import dev.junction.backend.security.CurrentUser;
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

    @Transactional(readOnly = true)
    public List<AuditEntry> history(String entityType, String entityId, int limit) {
        return log.forEntity(entityType, entityId, limit);
    }
}
