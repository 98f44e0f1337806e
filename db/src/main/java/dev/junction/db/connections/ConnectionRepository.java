package dev.junction.db.connections;

import dev.junction.engine.json.PayloadJson;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static dev.junction.db.schema.Tables.CONNECTIONS;
import static dev.junction.db.schema.Tables.CONNECTION_SECRETS;

/** Connections and their sealed secrets. Callers hold the transaction (a change and its audit entry commit together). */
public class ConnectionRepository {

    private final DSLContext db;
    /** How many changes this repository has written (a cache of connections in this process reads again after one). */
    private final AtomicLong changes = new AtomicLong();

    public ConnectionRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * A number that moves on with every change written through this repository (connections and their secrets), so
     * that a cache in this process knows to read again. Changes written by another node do not move it.
     */
    public long changes() {
        return changes.get();
    }

    public List<StoredConnection> all() {
        List<StoredConnection> connections = new ArrayList<>();
        Map<String, List<StoredConnection.SecretState>> secrets = secretStates(null);
        db.selectFrom(CONNECTIONS).orderBy(DSL.lower(CONNECTIONS.NAME)).forEach(row ->
                connections.add(toConnection(row, secrets.getOrDefault(row.getId(), List.of()))));
        return connections;
    }

    public Optional<StoredConnection> find(String id) {
        return db.selectFrom(CONNECTIONS).where(CONNECTIONS.ID.eq(id)).fetchOptional()
                .map(row -> toConnection(row, secretStates(id).getOrDefault(id, List.of())));
    }

    /** The connector id of a connection, without reading anything else. */
    public Optional<String> connectorOf(String id) {
        return db.select(CONNECTIONS.CONNECTOR_ID).from(CONNECTIONS).where(CONNECTIONS.ID.eq(id))
                .fetchOptional(CONNECTIONS.CONNECTOR_ID);
    }

    /** Whether a connection has that name (any case), other than {@code exceptId}. */
    public boolean nameTaken(String name, String exceptId) {
        return db.fetchExists(CONNECTIONS, DSL.lower(CONNECTIONS.NAME).eq(name.strip().toLowerCase())
                .and(exceptId == null ? DSL.noCondition() : CONNECTIONS.ID.ne(exceptId)));
    }

    /** Inserts a connection; false when the id is taken. */
    public boolean create(String id, String name, String connectorId, String environment,
                          Map<String, String> settings, String actor) {
        changes.incrementAndGet();
        return db.insertInto(CONNECTIONS).set(CONNECTIONS.ID, id).set(CONNECTIONS.NAME, name.strip())
                .set(CONNECTIONS.CONNECTOR_ID, connectorId).set(CONNECTIONS.ENVIRONMENT, environment)
                .set(CONNECTIONS.SETTINGS, json(settings)).set(CONNECTIONS.CREATED_BY, actor)
                .set(CONNECTIONS.UPDATED_BY, actor).onConflictDoNothing().execute() == 1;
    }

    /** Changes name, environment and settings, and moves the revision on; false when there is no such connection. */
    public boolean update(String id, String name, String environment, Map<String, String> settings, String actor) {
        changes.incrementAndGet();
        return db.update(CONNECTIONS).set(CONNECTIONS.NAME, name.strip()).set(CONNECTIONS.ENVIRONMENT, environment)
                .set(CONNECTIONS.SETTINGS, json(settings)).set(CONNECTIONS.REVISION, CONNECTIONS.REVISION.plus(1))
                .set(CONNECTIONS.UPDATED_BY, actor).set(CONNECTIONS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(CONNECTIONS.ID.eq(id)).execute() == 1;
    }

    public boolean delete(String id) {
        changes.incrementAndGet();
        return db.deleteFrom(CONNECTIONS).where(CONNECTIONS.ID.eq(id)).execute() == 1;
    }

    /** Sets (or replaces) a sealed secret and moves the connection's revision on. */
    public void putSecret(SecretRow secret, String actor) {
        db.insertInto(CONNECTION_SECRETS).set(CONNECTION_SECRETS.CONNECTION_ID, secret.connectionId())
                .set(CONNECTION_SECRETS.FIELD, secret.field()).set(CONNECTION_SECRETS.CIPHERTEXT, secret.ciphertext())
                .set(CONNECTION_SECRETS.NONCE, secret.nonce()).set(CONNECTION_SECRETS.WRAPPED_KEY, secret.wrappedKey())
                .set(CONNECTION_SECRETS.WRAP_NONCE, secret.wrapNonce()).set(CONNECTION_SECRETS.KEY_ID, secret.keyId())
                .set(CONNECTION_SECRETS.SET_BY, actor)
                .onConflict(CONNECTION_SECRETS.CONNECTION_ID, CONNECTION_SECRETS.FIELD).doUpdate()
                .set(CONNECTION_SECRETS.CIPHERTEXT, secret.ciphertext()).set(CONNECTION_SECRETS.NONCE, secret.nonce())
                .set(CONNECTION_SECRETS.WRAPPED_KEY, secret.wrappedKey())
                .set(CONNECTION_SECRETS.WRAP_NONCE, secret.wrapNonce()).set(CONNECTION_SECRETS.KEY_ID, secret.keyId())
                .set(CONNECTION_SECRETS.SET_BY, actor).set(CONNECTION_SECRETS.SET_AT, DSL.currentOffsetDateTime())
                .execute();
        touch(secret.connectionId(), actor);
    }

    public boolean deleteSecret(String connectionId, String field, String actor) {
        boolean deleted = db.deleteFrom(CONNECTION_SECRETS).where(CONNECTION_SECRETS.CONNECTION_ID.eq(connectionId),
                CONNECTION_SECRETS.FIELD.eq(field)).execute() == 1;
        if (deleted) {
            touch(connectionId, actor);
        }
        return deleted;
    }

    public Optional<SecretRow> secret(String connectionId, String field) {
        return db.selectFrom(CONNECTION_SECRETS).where(CONNECTION_SECRETS.CONNECTION_ID.eq(connectionId),
                CONNECTION_SECRETS.FIELD.eq(field)).fetchOptional().map(ConnectionRepository::toSecret);
    }

    /** Every sealed secret, locked for update (a key rotation re-wraps them all in one transaction). */
    public List<SecretRow> allSecretsForUpdate() {
        return db.selectFrom(CONNECTION_SECRETS).orderBy(CONNECTION_SECRETS.CONNECTION_ID, CONNECTION_SECRETS.FIELD)
                .forUpdate().fetch(ConnectionRepository::toSecret);
    }

    /** Replaces the wrapped data key of a secret (its ciphertext stays). */
    public void rewrap(SecretRow secret) {
        db.update(CONNECTION_SECRETS).set(CONNECTION_SECRETS.WRAPPED_KEY, secret.wrappedKey())
                .set(CONNECTION_SECRETS.WRAP_NONCE, secret.wrapNonce()).set(CONNECTION_SECRETS.KEY_ID, secret.keyId())
                .where(CONNECTION_SECRETS.CONNECTION_ID.eq(secret.connectionId()),
                        CONNECTION_SECRETS.FIELD.eq(secret.field())).execute();
    }

    /** The master key ids the stored secrets need, with how many secrets each. */
    public Map<String, Integer> secretsByKeyId() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        db.select(CONNECTION_SECRETS.KEY_ID, DSL.count()).from(CONNECTION_SECRETS).groupBy(CONNECTION_SECRETS.KEY_ID)
                .orderBy(CONNECTION_SECRETS.KEY_ID).forEach(row -> counts.put(row.value1(), row.value2()));
        return counts;
    }

    private void touch(String connectionId, String actor) {
        changes.incrementAndGet();
        db.update(CONNECTIONS).set(CONNECTIONS.REVISION, CONNECTIONS.REVISION.plus(1))
                .set(CONNECTIONS.UPDATED_BY, actor).set(CONNECTIONS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(CONNECTIONS.ID.eq(connectionId)).execute();
    }

    private Map<String, List<StoredConnection.SecretState>> secretStates(String connectionId) {
        Map<String, List<StoredConnection.SecretState>> states = new LinkedHashMap<>();
        db.select(CONNECTION_SECRETS.CONNECTION_ID, CONNECTION_SECRETS.FIELD, CONNECTION_SECRETS.SET_BY,
                        CONNECTION_SECRETS.SET_AT).from(CONNECTION_SECRETS)
                .where(connectionId == null ? DSL.noCondition() : CONNECTION_SECRETS.CONNECTION_ID.eq(connectionId))
                .orderBy(CONNECTION_SECRETS.FIELD)
                .forEach(row -> states.computeIfAbsent(row.value1(), id -> new ArrayList<>())
                        .add(new StoredConnection.SecretState(row.value2(), row.value3(), row.value4())));
        return states;
    }

    private static JSONB json(Map<String, String> settings) {
        return JSONB.valueOf(PayloadJson.write(settings));
    }

    private static StoredConnection toConnection(dev.junction.db.schema.tables.records.ConnectionsRecord row,
                                                 List<StoredConnection.SecretState> secrets) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (PayloadJson.read(row.getSettings().data()) instanceof Map<?, ?> map) {
            map.forEach((key, value) -> settings.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        }
        return new StoredConnection(row.getId(), row.getName(), row.getConnectorId(), row.getEnvironment(), settings,
                row.getRevision(), secrets, row.getCreatedBy(), row.getCreatedAt(), row.getUpdatedBy(),
                row.getUpdatedAt());
    }

    private static SecretRow toSecret(dev.junction.db.schema.tables.records.ConnectionSecretsRecord row) {
        return new SecretRow(row.getConnectionId(), row.getField(), row.getCiphertext(), row.getNonce(),
                row.getWrappedKey(), row.getWrapNonce(), row.getKeyId());
    }
}
