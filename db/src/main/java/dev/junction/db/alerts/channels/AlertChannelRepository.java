package dev.junction.db.alerts.channels;

import dev.junction.engine.json.PayloadJson;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.junction.db.schema.Tables.ALERT_CHANNELS;
import static dev.junction.db.schema.Tables.ALERT_CHANNEL_SECRETS;
import static dev.junction.db.schema.Tables.ALERT_RULES;

/** Alert channels, their sealed secrets and their latest delivery. Callers hold the transaction. */
public class AlertChannelRepository {

    private final DSLContext db;

    public AlertChannelRepository(DSLContext db) {
        this.db = db;
    }

    public List<StoredChannel> all() {
        Map<UUID, List<StoredChannel.SecretState>> secrets = secretStates(null);
        return db.selectFrom(ALERT_CHANNELS).orderBy(DSL.lower(ALERT_CHANNELS.NAME)).fetch(row ->
                toChannel(row, secrets.getOrDefault(row.getId(), List.of())));
    }

    public Optional<StoredChannel> find(UUID id) {
        return db.selectFrom(ALERT_CHANNELS).where(ALERT_CHANNELS.ID.eq(id)).fetchOptional()
                .map(row -> toChannel(row, secretStates(id).getOrDefault(id, List.of())));
    }

    /** Whether a channel has that name (any case), other than {@code exceptId}. */
    public boolean nameTaken(String name, UUID exceptId) {
        return db.fetchExists(ALERT_CHANNELS, DSL.lower(ALERT_CHANNELS.NAME).eq(name.strip().toLowerCase())
                .and(exceptId == null ? DSL.noCondition() : ALERT_CHANNELS.ID.ne(exceptId)));
    }

    public UUID create(String name, String kind, Map<String, Object> settings, boolean enabled, String actor) {
        return db.insertInto(ALERT_CHANNELS).set(ALERT_CHANNELS.NAME, name.strip()).set(ALERT_CHANNELS.KIND, kind)
                .set(ALERT_CHANNELS.SETTINGS, json(settings)).set(ALERT_CHANNELS.ENABLED, enabled)
                .set(ALERT_CHANNELS.CREATED_BY, actor).set(ALERT_CHANNELS.UPDATED_BY, actor)
                .returning(ALERT_CHANNELS.ID).fetchOne(ALERT_CHANNELS.ID);
    }

    public boolean update(UUID id, String name, Map<String, Object> settings, boolean enabled, String actor) {
        return db.update(ALERT_CHANNELS).set(ALERT_CHANNELS.NAME, name.strip())
                .set(ALERT_CHANNELS.SETTINGS, json(settings)).set(ALERT_CHANNELS.ENABLED, enabled)
                .set(ALERT_CHANNELS.UPDATED_BY, actor).set(ALERT_CHANNELS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(ALERT_CHANNELS.ID.eq(id)).execute() == 1;
    }

    public boolean delete(UUID id) {
        return db.deleteFrom(ALERT_CHANNELS).where(ALERT_CHANNELS.ID.eq(id)).execute() == 1;
    }

    /** The names of the alert rules that notify channel {@code id}, by name. */
    public List<String> namesOfRulesUsing(UUID id) {
        return db.select(ALERT_RULES.NAME).from(ALERT_RULES)
                .where(DSL.condition("{0} = any({1})", DSL.val(id), ALERT_RULES.CHANNEL_IDS))
                .orderBy(DSL.lower(ALERT_RULES.NAME)).fetch(ALERT_RULES.NAME);
    }

    /** Sets (or replaces) a sealed secret. */
    public void putSecret(ChannelSecretRow secret, String actor) {
        db.insertInto(ALERT_CHANNEL_SECRETS).set(ALERT_CHANNEL_SECRETS.CHANNEL_ID, secret.channelId())
                .set(ALERT_CHANNEL_SECRETS.FIELD, secret.field())
                .set(ALERT_CHANNEL_SECRETS.CIPHERTEXT, secret.ciphertext())
                .set(ALERT_CHANNEL_SECRETS.NONCE, secret.nonce())
                .set(ALERT_CHANNEL_SECRETS.WRAPPED_KEY, secret.wrappedKey())
                .set(ALERT_CHANNEL_SECRETS.WRAP_NONCE, secret.wrapNonce())
                .set(ALERT_CHANNEL_SECRETS.KEY_ID, secret.keyId()).set(ALERT_CHANNEL_SECRETS.SET_BY, actor)
                .onConflict(ALERT_CHANNEL_SECRETS.CHANNEL_ID, ALERT_CHANNEL_SECRETS.FIELD).doUpdate()
                .set(ALERT_CHANNEL_SECRETS.CIPHERTEXT, secret.ciphertext())
                .set(ALERT_CHANNEL_SECRETS.NONCE, secret.nonce())
                .set(ALERT_CHANNEL_SECRETS.WRAPPED_KEY, secret.wrappedKey())
                .set(ALERT_CHANNEL_SECRETS.WRAP_NONCE, secret.wrapNonce())
                .set(ALERT_CHANNEL_SECRETS.KEY_ID, secret.keyId()).set(ALERT_CHANNEL_SECRETS.SET_BY, actor)
                .set(ALERT_CHANNEL_SECRETS.SET_AT, DSL.currentOffsetDateTime()).execute();
    }

    public Optional<ChannelSecretRow> secret(UUID channelId, String field) {
        return db.selectFrom(ALERT_CHANNEL_SECRETS).where(ALERT_CHANNEL_SECRETS.CHANNEL_ID.eq(channelId),
                ALERT_CHANNEL_SECRETS.FIELD.eq(field)).fetchOptional().map(AlertChannelRepository::toSecret);
    }

    /** Removes the secrets of {@code channelId} whose field is not in {@code keep} (e.g. after a kind's change). */
    public void deleteSecretsOtherThan(UUID channelId, List<String> keep) {
        db.deleteFrom(ALERT_CHANNEL_SECRETS).where(ALERT_CHANNEL_SECRETS.CHANNEL_ID.eq(channelId),
                keep.isEmpty() ? DSL.noCondition() : ALERT_CHANNEL_SECRETS.FIELD.notIn(keep)).execute();
    }

    /** Every sealed secret, locked for update (a master key rotation re-wraps them all in one transaction). */
    public List<ChannelSecretRow> allSecretsForUpdate() {
        return db.selectFrom(ALERT_CHANNEL_SECRETS).orderBy(ALERT_CHANNEL_SECRETS.CHANNEL_ID,
                ALERT_CHANNEL_SECRETS.FIELD).forUpdate().fetch(AlertChannelRepository::toSecret);
    }

    /** Replaces the wrapped data key of a secret (its ciphertext stays). */
    public void rewrap(ChannelSecretRow secret) {
        db.update(ALERT_CHANNEL_SECRETS).set(ALERT_CHANNEL_SECRETS.WRAPPED_KEY, secret.wrappedKey())
                .set(ALERT_CHANNEL_SECRETS.WRAP_NONCE, secret.wrapNonce())
                .set(ALERT_CHANNEL_SECRETS.KEY_ID, secret.keyId())
                .where(ALERT_CHANNEL_SECRETS.CHANNEL_ID.eq(secret.channelId()),
                        ALERT_CHANNEL_SECRETS.FIELD.eq(secret.field())).execute();
    }

    /** The master key ids the stored channel secrets need, with how many secrets each. */
    public Map<String, Integer> secretsByKeyId() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        db.select(ALERT_CHANNEL_SECRETS.KEY_ID, DSL.count()).from(ALERT_CHANNEL_SECRETS)
                .groupBy(ALERT_CHANNEL_SECRETS.KEY_ID).orderBy(ALERT_CHANNEL_SECRETS.KEY_ID)
                .forEach(row -> counts.put(row.value1(), row.value2()));
        return counts;
    }

    /** Each channel's latest notification (channels that never had one are absent). */
    public Map<UUID, LastDelivery> lastDeliveries() {
        Map<UUID, LastDelivery> last = new LinkedHashMap<>();
        db.resultQuery("select c.id as channel_id, n.id, n.reason, n.state, n.attempts, n.last_error, n.created_at,"
                        + " n.sent_at from alert_channels c cross join lateral (select * from alert_notifications n"
                        + " where n.channel_id = c.id order by n.id desc limit 1) n")
                .forEach(row -> last.put(row.get("channel_id", UUID.class), new LastDelivery(
                        row.get("id", Long.class), row.get("reason", String.class), row.get("state", String.class),
                        row.get("attempts", Integer.class), row.get("last_error", String.class),
                        row.get("created_at", OffsetDateTime.class), row.get("sent_at", OffsetDateTime.class))));
        return last;
    }

    private Map<UUID, List<StoredChannel.SecretState>> secretStates(UUID channelId) {
        Map<UUID, List<StoredChannel.SecretState>> states = new LinkedHashMap<>();
        db.select(ALERT_CHANNEL_SECRETS.CHANNEL_ID, ALERT_CHANNEL_SECRETS.FIELD, ALERT_CHANNEL_SECRETS.SET_BY,
                        ALERT_CHANNEL_SECRETS.SET_AT).from(ALERT_CHANNEL_SECRETS)
                .where(channelId == null ? DSL.noCondition() : ALERT_CHANNEL_SECRETS.CHANNEL_ID.eq(channelId))
                .orderBy(ALERT_CHANNEL_SECRETS.FIELD)
                .forEach(row -> states.computeIfAbsent(row.value1(), id -> new ArrayList<>())
                        .add(new StoredChannel.SecretState(row.value2(), row.value3(), row.value4())));
        return states;
    }

    private static JSONB json(Map<String, Object> settings) {
        return JSONB.valueOf(PayloadJson.write(settings));
    }

    private static StoredChannel toChannel(dev.junction.db.schema.tables.records.AlertChannelsRecord row,
                                           List<StoredChannel.SecretState> secrets) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (PayloadJson.read(row.getSettings().data()) instanceof Map<?, ?> map) {
            map.forEach((key, value) -> settings.put(String.valueOf(key), value));
        }
        return new StoredChannel(row.getId(), row.getName(), row.getKind(), settings, row.getEnabled(), secrets,
                row.getCreatedBy(), row.getCreatedAt(), row.getUpdatedBy(), row.getUpdatedAt());
    }

    private static ChannelSecretRow toSecret(dev.junction.db.schema.tables.records.AlertChannelSecretsRecord row) {
        return new ChannelSecretRow(row.getChannelId(), row.getField(), row.getCiphertext(), row.getNonce(),
                row.getWrappedKey(), row.getWrapNonce(), row.getKeyId());
    }
}
