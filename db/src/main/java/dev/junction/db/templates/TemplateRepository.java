package dev.junction.db.templates;

import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.junction.db.schema.Tables.ALERT_RULES;
import static dev.junction.db.schema.Tables.AUDIT_LOG;
import static dev.junction.db.schema.Tables.TEMPLATE_INSTALLATIONS;
import static dev.junction.db.schema.Tables.TEMPLATE_INSTALL_DRAFTS;
import static dev.junction.db.schema.Tables.TEMPLATE_VERSIONS;
import static dev.junction.db.schema.Tables.WORKFLOW_OWNERS;

/**
 * Templates' rows (V34): template versions stored here, installations, the wizard's drafts and workflow owners; and
 * the few facts the go-live checklist reads from elsewhere (alert rules on a workflow, connection tests).
 */
public class TemplateRepository {

    private final DSLContext db;

    public TemplateRepository(DSLContext db) {
        this.db = db;
    }

    // template versions

    public List<StoredTemplateVersion> versions() {
        return db.selectFrom(TEMPLATE_VERSIONS).orderBy(TEMPLATE_VERSIONS.TEMPLATE_ID, TEMPLATE_VERSIONS.VERSION)
                .fetch(row -> new StoredTemplateVersion(row.getTemplateId(), row.getVersion(), row.getDocument().data(),
                        row.getSource(), row.getCreatedBy(), row.getCreatedAt()));
    }

    /** Stores a version; false when that template already has that version here. */
    public boolean insertVersion(String templateId, int version, String documentJson, String source, String actor) {
        return db.insertInto(TEMPLATE_VERSIONS).set(TEMPLATE_VERSIONS.TEMPLATE_ID, templateId)
                .set(TEMPLATE_VERSIONS.VERSION, version).set(TEMPLATE_VERSIONS.DOCUMENT, JSONB.valueOf(documentJson))
                .set(TEMPLATE_VERSIONS.SOURCE, source).set(TEMPLATE_VERSIONS.CREATED_BY, actor)
                .onConflictDoNothing().execute() == 1;
    }

    // installations

    public void insertInstallation(UUID workflowId, String templateId, int templateVersion, String connectionsJson,
                                   String parametersJson, String baseDefinitionJson, String actor) {
        db.insertInto(TEMPLATE_INSTALLATIONS).set(TEMPLATE_INSTALLATIONS.WORKFLOW_ID, workflowId)
                .set(TEMPLATE_INSTALLATIONS.TEMPLATE_ID, templateId)
                .set(TEMPLATE_INSTALLATIONS.TEMPLATE_VERSION, templateVersion)
                .set(TEMPLATE_INSTALLATIONS.CONNECTIONS, JSONB.valueOf(connectionsJson))
                .set(TEMPLATE_INSTALLATIONS.PARAMETERS, JSONB.valueOf(parametersJson))
                .set(TEMPLATE_INSTALLATIONS.BASE_DEFINITION, JSONB.valueOf(baseDefinitionJson))
                .set(TEMPLATE_INSTALLATIONS.INSTALLED_BY, actor).execute();
    }

    /** Moves an installation to a newer template version with its new base definition. */
    public void upgradeInstallation(UUID workflowId, int templateVersion, String baseDefinitionJson) {
        db.update(TEMPLATE_INSTALLATIONS).set(TEMPLATE_INSTALLATIONS.TEMPLATE_VERSION, templateVersion)
                .set(TEMPLATE_INSTALLATIONS.BASE_DEFINITION, JSONB.valueOf(baseDefinitionJson))
                .where(TEMPLATE_INSTALLATIONS.WORKFLOW_ID.eq(workflowId)).execute();
    }

    public Optional<StoredInstallation> installation(UUID workflowId) {
        return db.selectFrom(TEMPLATE_INSTALLATIONS).where(TEMPLATE_INSTALLATIONS.WORKFLOW_ID.eq(workflowId))
                .fetchOptional(row -> new StoredInstallation(row.getWorkflowId(), row.getTemplateId(),
                        row.getTemplateVersion(), row.getConnections().data(), row.getParameters().data(),
                        row.getBaseDefinition().data(), row.getInstalledBy(), row.getInstalledAt()));
    }

    // drafts

    public StoredInstallDraft insertDraft(String templateId, int templateVersion, String step, String workflowName,
                                          String connectionsJson, String parametersJson, String testInputJson,
                                          String actor) {
        return db.insertInto(TEMPLATE_INSTALL_DRAFTS).set(TEMPLATE_INSTALL_DRAFTS.TEMPLATE_ID, templateId)
                .set(TEMPLATE_INSTALL_DRAFTS.TEMPLATE_VERSION, templateVersion)
                .set(TEMPLATE_INSTALL_DRAFTS.STEP, step)
                .set(TEMPLATE_INSTALL_DRAFTS.WORKFLOW_NAME, workflowName)
                .set(TEMPLATE_INSTALL_DRAFTS.CONNECTIONS, JSONB.valueOf(connectionsJson))
                .set(TEMPLATE_INSTALL_DRAFTS.PARAMETERS, JSONB.valueOf(parametersJson))
                .set(TEMPLATE_INSTALL_DRAFTS.TEST_INPUT, testInputJson == null ? null : JSON.valueOf(testInputJson))
                .set(TEMPLATE_INSTALL_DRAFTS.CREATED_BY, actor)
                .returning().fetchOne(TemplateRepository::draft);
    }

    public Optional<StoredInstallDraft> updateDraft(UUID id, int templateVersion, String step, String workflowName,
                                                    String connectionsJson, String parametersJson,
                                                    String testInputJson, UUID workflowId) {
        return db.update(TEMPLATE_INSTALL_DRAFTS).set(TEMPLATE_INSTALL_DRAFTS.TEMPLATE_VERSION, templateVersion)
                .set(TEMPLATE_INSTALL_DRAFTS.STEP, step)
                .set(TEMPLATE_INSTALL_DRAFTS.WORKFLOW_NAME, workflowName)
                .set(TEMPLATE_INSTALL_DRAFTS.CONNECTIONS, JSONB.valueOf(connectionsJson))
                .set(TEMPLATE_INSTALL_DRAFTS.PARAMETERS, JSONB.valueOf(parametersJson))
                .set(TEMPLATE_INSTALL_DRAFTS.TEST_INPUT, testInputJson == null ? null : JSON.valueOf(testInputJson))
                .set(TEMPLATE_INSTALL_DRAFTS.WORKFLOW_ID, workflowId)
                .set(TEMPLATE_INSTALL_DRAFTS.UPDATED_AT, OffsetDateTime.now())
                .where(TEMPLATE_INSTALL_DRAFTS.ID.eq(id)).returning().fetchOptional(TemplateRepository::draft);
    }

    public Optional<StoredInstallDraft> draft(UUID id) {
        return db.selectFrom(TEMPLATE_INSTALL_DRAFTS).where(TEMPLATE_INSTALL_DRAFTS.ID.eq(id))
                .fetchOptional(TemplateRepository::draft);
    }

    /** A user's drafts not yet installed, newest first. */
    public List<StoredInstallDraft> openDrafts(String createdBy) {
        return db.selectFrom(TEMPLATE_INSTALL_DRAFTS).where(TEMPLATE_INSTALL_DRAFTS.CREATED_BY.eq(createdBy),
                        TEMPLATE_INSTALL_DRAFTS.WORKFLOW_ID.isNull())
                .orderBy(TEMPLATE_INSTALL_DRAFTS.UPDATED_AT.desc()).fetch(TemplateRepository::draft);
    }

    public boolean deleteDraft(UUID id) {
        return db.deleteFrom(TEMPLATE_INSTALL_DRAFTS).where(TEMPLATE_INSTALL_DRAFTS.ID.eq(id)).execute() == 1;
    }

    private static StoredInstallDraft draft(Record record) {
        var row = record.into(TEMPLATE_INSTALL_DRAFTS);
        return new StoredInstallDraft(row.getId(), row.getTemplateId(), row.getTemplateVersion(), row.getStep(),
                row.getWorkflowName(), row.getConnections().data(), row.getParameters().data(),
                row.getTestInput() == null ? null : row.getTestInput().data(), row.getWorkflowId(),
                row.getCreatedBy(), row.getUpdatedAt());
    }

    // owners and the checklist's facts

    public void setOwner(UUID workflowId, String owner, String actor) {
        db.insertInto(WORKFLOW_OWNERS).set(WORKFLOW_OWNERS.WORKFLOW_ID, workflowId).set(WORKFLOW_OWNERS.OWNER, owner)
                .set(WORKFLOW_OWNERS.SET_BY, actor)
                .onConflict(WORKFLOW_OWNERS.WORKFLOW_ID).doUpdate().set(WORKFLOW_OWNERS.OWNER, owner)
                .set(WORKFLOW_OWNERS.SET_BY, actor).set(WORKFLOW_OWNERS.SET_AT, OffsetDateTime.now()).execute();
    }

    public Optional<String> owner(UUID workflowId) {
        return db.select(WORKFLOW_OWNERS.OWNER).from(WORKFLOW_OWNERS).where(WORKFLOW_OWNERS.WORKFLOW_ID.eq(workflowId))
                .fetchOptional(WORKFLOW_OWNERS.OWNER);
    }

    /** How many enabled alert rules watch this workflow. */
    public int enabledAlertRules(UUID workflowId) {
        return db.fetchCount(ALERT_RULES, ALERT_RULES.WORKFLOW_ID.eq(workflowId), ALERT_RULES.ENABLED.isTrue());
    }

    /** The stage of the connection's latest test ({@code connection.tested} in the audit log); empty if never. */
    public Optional<String> latestTestStage(String connectionId) {
        var stage = DSL.jsonbGetAttributeAsText(AUDIT_LOG.DETAILS, "stage");
        return db.select(stage).from(AUDIT_LOG)
                .where(AUDIT_LOG.ENTITY_TYPE.eq("connection"), AUDIT_LOG.ENTITY_ID.eq(connectionId),
                        AUDIT_LOG.ACTION.eq("connection.tested"))
                .orderBy(AUDIT_LOG.OCCURRED_AT.desc(), AUDIT_LOG.ID.desc()).limit(1)
                .fetchOptional(stage).map(found -> found == null ? "" : found);
    }
}
