package dev.junction.db.alerts.channels;

import dev.junction.engine.json.PayloadJson;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.junction.db.schema.Tables.ALERT_NOTIFICATIONS;

/**
 * The {@code alert_notifications} outbox as the dispatcher sees it. A claim takes due {@code pending} rows no other
 * node holds ({@code for update skip locked}), counts the attempt and moves {@code next_attempt_at} one lease ahead
 * in the same statement, so that the claim commits at once and no other node takes the rows while they are being
 * sent; a node that dies before it marks a row leaves it pending, and it is due again when the lease ends (sent again:
 * at least once, the row id being the receivers' idempotency key). Each call is its own transaction unless the caller
 * holds one.
 */
public class AlertOutbox {

    private final DSLContext db;

    public AlertOutbox(DSLContext db) {
        this.db = db;
    }

    /** Claims up to {@code limit} due pending rows for {@code lease}, oldest due first. */
    public List<OutboxNotification> claimDue(int limit, Duration lease) {
        return db.resultQuery("update alert_notifications n set attempts = n.attempts + 1,"
                        + " next_attempt_at = now() + {0} * interval '1 millisecond'"
                        + " where n.id in (select id from alert_notifications where state = 'pending'"
                        + " and next_attempt_at <= now() order by next_attempt_at, id limit {1} for update skip locked)"
                        + " returning n.id, n.alert_id, n.channel_id, n.reason, n.message, n.attempts",
                        DSL.val(lease.toMillis()), DSL.val(limit))
                .fetch(AlertOutbox::toNotification).stream()
                .sorted(java.util.Comparator.comparingLong(OutboxNotification::id)).toList();
    }

    /**
     * Writes a {@code test} row for {@code channelId} already claimed by the caller for {@code lease} (attempt 1), so
     * that the caller sends it at once and no dispatcher takes it meanwhile.
     */
    public OutboxNotification insertClaimedTest(UUID channelId, Map<String, Object> message, Duration lease) {
        Record row = db.resultQuery("insert into alert_notifications (channel_id, reason, message, attempts,"
                        + " next_attempt_at) values ({0}, 'test', {1}, 1, now() + {2} * interval '1 millisecond')"
                        + " returning id, alert_id, channel_id, reason, message, attempts",
                DSL.val(channelId), DSL.val(JSONB.valueOf(PayloadJson.write(message))), DSL.val(lease.toMillis()))
                .fetchOne();
        return toNotification(row);
    }

    /** Marks a claimed row sent; false when it is no longer pending (another node marked it after a lost lease). */
    public boolean markSent(long id) {
        return db.update(ALERT_NOTIFICATIONS).set(ALERT_NOTIFICATIONS.STATE, "sent")
                .set(ALERT_NOTIFICATIONS.SENT_AT, DSL.currentOffsetDateTime())
                .setNull(ALERT_NOTIFICATIONS.LAST_ERROR)
                .where(ALERT_NOTIFICATIONS.ID.eq(id), ALERT_NOTIFICATIONS.STATE.eq("pending")).execute() == 1;
    }

    /** Leaves a claimed row pending, due again after {@code delay}, with the error of this attempt. */
    public void scheduleRetry(long id, Duration delay, String error) {
        db.update(ALERT_NOTIFICATIONS)
                .set(ALERT_NOTIFICATIONS.NEXT_ATTEMPT_AT, DSL.field("now() + {0} * interval '1 millisecond'",
                        OffsetDateTime.class, DSL.val(delay.toMillis())))
                .set(ALERT_NOTIFICATIONS.LAST_ERROR, error)
                .where(ALERT_NOTIFICATIONS.ID.eq(id), ALERT_NOTIFICATIONS.STATE.eq("pending")).execute();
    }

    /** Hands back a claimed row that was not attempted (the node is stopping): due now, its attempt uncounted. */
    public void release(long id) {
        db.update(ALERT_NOTIFICATIONS).set(ALERT_NOTIFICATIONS.NEXT_ATTEMPT_AT, DSL.currentOffsetDateTime())
                .set(ALERT_NOTIFICATIONS.ATTEMPTS, ALERT_NOTIFICATIONS.ATTEMPTS.minus(1))
                .where(ALERT_NOTIFICATIONS.ID.eq(id), ALERT_NOTIFICATIONS.STATE.eq("pending")).execute();
    }

    /** Gives a claimed row up: {@code failed}, with why. */
    public void markFailed(long id, String error) {
        db.update(ALERT_NOTIFICATIONS).set(ALERT_NOTIFICATIONS.STATE, "failed")
                .set(ALERT_NOTIFICATIONS.LAST_ERROR, error)
                .where(ALERT_NOTIFICATIONS.ID.eq(id), ALERT_NOTIFICATIONS.STATE.eq("pending")).execute();
    }

    /** A row's delivery state. */
    public Optional<LastDelivery> state(long id) {
        return db.select(ALERT_NOTIFICATIONS.ID, ALERT_NOTIFICATIONS.REASON, ALERT_NOTIFICATIONS.STATE,
                        ALERT_NOTIFICATIONS.ATTEMPTS, ALERT_NOTIFICATIONS.LAST_ERROR, ALERT_NOTIFICATIONS.CREATED_AT,
                        ALERT_NOTIFICATIONS.SENT_AT).from(ALERT_NOTIFICATIONS).where(ALERT_NOTIFICATIONS.ID.eq(id))
                .fetchOptional(row -> new LastDelivery(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5(), row.value6(), row.value7()));
    }

    private static OutboxNotification toNotification(Record row) {
        Map<String, Object> message = new LinkedHashMap<>();
        Object json = row.get("message");
        String text = json instanceof JSONB jsonb ? jsonb.data() : String.valueOf(json);
        if (PayloadJson.read(text) instanceof Map<?, ?> map) {
            map.forEach((key, value) -> message.put(String.valueOf(key), value));
        }
        return new OutboxNotification(row.get("id", Long.class), row.get("alert_id", UUID.class),
                row.get("channel_id", UUID.class), row.get("reason", String.class), message,
                row.get("attempts", Integer.class));
    }
}
