package dev.junction.db.triggers;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;

import static dev.junction.db.schema.Tables.WORKFLOW_TRIGGERS;

/** Per-workflow trigger state: the webhook's secret token and a polling trigger's cursor. */
public class TriggerStateRepository {

    private final DSLContext db;

    public TriggerStateRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<String> webhookToken(UUID workflowId) {
        return db.select(WORKFLOW_TRIGGERS.WEBHOOK_TOKEN).from(WORKFLOW_TRIGGERS)
                .where(WORKFLOW_TRIGGERS.WORKFLOW_ID.eq(workflowId))
                .fetchOptional(WORKFLOW_TRIGGERS.WEBHOOK_TOKEN);
    }

    /** What a webhook call needs to know of its workflow, in one query: its token and its published version. */
    public record WebhookTarget(String token, Integer publishedVersion) {
    }

    /** The webhook token and published version of a workflow; empty when there is no such workflow. */
    public Optional<WebhookTarget> webhookTarget(UUID workflowId) {
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select t.webhook_token, w.published_version from workflows w"
                            + " left join workflow_triggers t on t.workflow_id = w.id where w.id = ?")) {
                statement.setObject(1, workflowId);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    int version = row.getInt("published_version");
                    return Optional.of(new WebhookTarget(row.getString("webhook_token"),
                            row.wasNull() ? null : version));
                }
            }
        });
    }

    /** Replaces the webhook token (the old one stops working at once). */
    public void setWebhookToken(UUID workflowId, String token) {
        db.insertInto(WORKFLOW_TRIGGERS)
                .set(WORKFLOW_TRIGGERS.WORKFLOW_ID, workflowId)
                .set(WORKFLOW_TRIGGERS.WEBHOOK_TOKEN, token)
                .set(WORKFLOW_TRIGGERS.TOKEN_ROTATED_AT, DSL.currentOffsetDateTime())
                .onConflict(WORKFLOW_TRIGGERS.WORKFLOW_ID).doUpdate()
                .set(WORKFLOW_TRIGGERS.WEBHOOK_TOKEN, token)
                .set(WORKFLOW_TRIGGERS.TOKEN_ROTATED_AT, DSL.currentOffsetDateTime())
                .execute();
    }

    /** Sets the webhook token unless the workflow has one already; answers the token in force. */
    public String webhookTokenIfAbsent(UUID workflowId, String token) {
        return db.insertInto(WORKFLOW_TRIGGERS)
                .set(WORKFLOW_TRIGGERS.WORKFLOW_ID, workflowId)
                .set(WORKFLOW_TRIGGERS.WEBHOOK_TOKEN, token)
                .set(WORKFLOW_TRIGGERS.TOKEN_ROTATED_AT, DSL.currentOffsetDateTime())
                .onConflict(WORKFLOW_TRIGGERS.WORKFLOW_ID).doUpdate()
                .set(WORKFLOW_TRIGGERS.WEBHOOK_TOKEN, DSL.coalesce(WORKFLOW_TRIGGERS.WEBHOOK_TOKEN,
                        DSL.excluded(WORKFLOW_TRIGGERS.WEBHOOK_TOKEN)))
                .returning(WORKFLOW_TRIGGERS.WEBHOOK_TOKEN)
                .fetchSingle(WORKFLOW_TRIGGERS.WEBHOOK_TOKEN);
    }

    /** The polling cursor (null before the first poll). */
    public Optional<String> pollCursor(UUID workflowId) {
        return db.select(WORKFLOW_TRIGGERS.POLL_CURSOR).from(WORKFLOW_TRIGGERS)
                .where(WORKFLOW_TRIGGERS.WORKFLOW_ID.eq(workflowId))
                .fetchOptional(WORKFLOW_TRIGGERS.POLL_CURSOR);
    }
}
