package dev.junction.db.tokens;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.junction.db.schema.Tables.API_TOKENS;
import static dev.junction.db.schema.Tables.USERS;

/**
 * Personal API tokens, found by the hash of the token (the token itself is never stored). Callers hold the
 * transaction (a change and its audit entry commit together).
 */
public class ApiTokenRepository {

    private final DSLContext db;

    public ApiTokenRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Stores a token; answers it, or empty when the user has a token in force of that name already (any case).
     *
     * @param tokenHash lower-case hex SHA-256 of the token
     * @param expiresAt null for a token that does not expire
     */
    public Optional<StoredApiToken> insert(UUID userId, String name, String tokenHash, String prefix,
                                           OffsetDateTime expiresAt) {
        return db.insertInto(API_TOKENS)
                .set(API_TOKENS.USER_ID, userId)
                .set(API_TOKENS.NAME, name)
                .set(API_TOKENS.TOKEN_HASH, tokenHash)
                .set(API_TOKENS.PREFIX, prefix)
                .set(API_TOKENS.EXPIRES_AT, expiresAt)
                .onConflictDoNothing()
                .returning(API_TOKENS.ID)
                .fetchOptional()
                .flatMap(row -> find(row.getId()));
    }

    /** Whether the user has a token in force (not revoked) of that name, whatever its case. */
    public boolean nameInUse(UUID userId, String name) {
        return db.fetchExists(API_TOKENS, API_TOKENS.USER_ID.eq(userId),
                DSL.lower(API_TOKENS.NAME).eq(name.toLowerCase()), API_TOKENS.REVOKED_AT.isNull());
    }

    public Optional<StoredApiToken> find(UUID id) {
        return withOwner().where(API_TOKENS.ID.eq(id)).fetchOptional(ApiTokenRepository::toToken);
    }

    /** The token whose hash this is, revoked and expired ones included (the caller decides). */
    public Optional<StoredApiToken> findByHash(String tokenHash) {
        return withOwner().where(API_TOKENS.TOKEN_HASH.eq(tokenHash)).fetchOptional(ApiTokenRepository::toToken);
    }

    /** A user's tokens, newest first, revoked and expired ones included. */
    public List<StoredApiToken> ofUser(UUID userId) {
        return withOwner().where(API_TOKENS.USER_ID.eq(userId))
                .orderBy(API_TOKENS.CREATED_AT.desc(), API_TOKENS.ID)
                .fetch(ApiTokenRepository::toToken);
    }

    /** Marks a token revoked now; false when there is no such token or it was revoked already. */
    public boolean revoke(UUID id) {
        return db.update(API_TOKENS).set(API_TOKENS.REVOKED_AT, DSL.currentOffsetDateTime())
                .where(API_TOKENS.ID.eq(id), API_TOKENS.REVOKED_AT.isNull())
                .execute() == 1;
    }

    /**
     * Sets the token's last use to now, unless it was set less than {@code resolution} ago (so that a busy token
     * costs one write per interval, not one per request); answers whether it wrote.
     */
    public boolean markUsed(UUID id, Duration resolution) {
        return db.update(API_TOKENS).set(API_TOKENS.LAST_USED_AT, DSL.currentOffsetDateTime())
                .where(API_TOKENS.ID.eq(id), API_TOKENS.LAST_USED_AT.isNull().or(API_TOKENS.LAST_USED_AT.le(
                        DSL.field("now() - make_interval(secs => {0})", OffsetDateTime.class,
                                DSL.val((double) resolution.toMillis() / 1000)))))
                .execute() == 1;
    }

    private SelectOnConditionStep<Record> withOwner() {
        return db.select(API_TOKENS.asterisk()).select(USERS.USERNAME)
                .from(API_TOKENS).join(USERS).on(USERS.ID.eq(API_TOKENS.USER_ID));
    }

    private static StoredApiToken toToken(Record row) {
        return new StoredApiToken(row.get(API_TOKENS.ID), row.get(API_TOKENS.USER_ID), row.get(USERS.USERNAME),
                row.get(API_TOKENS.NAME), row.get(API_TOKENS.PREFIX), row.get(API_TOKENS.CREATED_AT),
                row.get(API_TOKENS.EXPIRES_AT), row.get(API_TOKENS.LAST_USED_AT), row.get(API_TOKENS.REVOKED_AT));
    }
}
