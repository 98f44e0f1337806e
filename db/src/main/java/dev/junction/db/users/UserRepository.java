package dev.junction.db.users;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.junction.db.schema.Tables.LOGIN_FAILURES;
import static dev.junction.db.schema.Tables.USERS;
import static dev.junction.db.schema.Tables.USER_ROLES;

/** Users and their roles. User names are compared without regard to case. */
public class UserRepository {

    private final DSLContext db;

    public UserRepository(DSLContext db) {
        this.db = db;
    }

    public boolean isEmpty() {
        return !db.fetchExists(USERS);
    }

    public Optional<UserAccount> findByUsername(String username) {
        return db.selectFrom(USERS)
                .where(USERS.USERNAME.eq(normalize(username)))
                .fetchOptional()
                .map(user -> new UserAccount(user.getId(), user.getUsername(), user.getDisplayName(),
                        user.getPasswordHash(), user.getEnabled(), rolesOf(user.getId())));
    }

    /** Inserts a user with the given roles and answers it, or answers empty when the name is taken. */
    public Optional<UserAccount> insert(String username, String displayName, String passwordHash, Set<Role> roles) {
        Optional<UUID> inserted = db.insertInto(USERS)
                .set(USERS.USERNAME, normalize(username))
                .set(USERS.DISPLAY_NAME, displayName)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .onConflictDoNothing()
                .returning(USERS.ID)
                .fetchOptional()
                .map(row -> row.getId());
        inserted.ifPresent(id -> roles.forEach(role ->
                db.insertInto(USER_ROLES).set(USER_ROLES.USER_ID, id).set(USER_ROLES.ROLE, role.name()).execute()));
        return inserted.map(id -> new UserAccount(id, normalize(username), displayName, passwordHash, true, roles));
    }

    /** Every user, by name, with roles, last sign-in and sign-in lock. */
    public List<UserSummary> list() {
        return summaries(DSL.noCondition());
    }

    public Optional<UserSummary> summary(String username) {
        return summaries(USERS.USERNAME.eq(normalize(username))).stream().findFirst();
    }

    private List<UserSummary> summaries(Condition condition) {
        Map<UUID, Set<Role>> roles = new HashMap<>();
        db.select(USER_ROLES.USER_ID, USER_ROLES.ROLE).from(USER_ROLES).join(USERS).on(USERS.ID.eq(USER_ROLES.USER_ID))
                .where(condition)
                .forEach(row -> roles.computeIfAbsent(row.value1(), id -> EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(row.value2())));
        return db.select(USERS.ID, USERS.USERNAME, USERS.DISPLAY_NAME, USERS.ENABLED, USERS.CREATED_AT,
                        USERS.LAST_LOGIN_AT, LOGIN_FAILURES.LOCKED_UNTIL, USERS.EMAIL)
                .from(USERS).leftJoin(LOGIN_FAILURES).on(LOGIN_FAILURES.USERNAME.eq(USERS.USERNAME))
                .where(condition)
                .orderBy(USERS.USERNAME)
                .fetch(row -> new UserSummary(row.value2(), row.value3(), roles.getOrDefault(row.value1(), Set.of()),
                        row.value4(), row.value5(), row.value6(), row.value7(), row.value8()));
    }

    /** Changes a user's display name; answers whether the user exists. */
    public boolean updateDisplayName(String username, String displayName) {
        return db.update(USERS).set(USERS.DISPLAY_NAME, displayName).set(USERS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(USERS.USERNAME.eq(normalize(username))).execute() > 0;
    }

    /** Sets (or, with {@code null}, removes) a user's e-mail address; answers whether the user exists. */
    public boolean setEmail(String username, String email) {
        return db.update(USERS).set(USERS.EMAIL, email).set(USERS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(USERS.USERNAME.eq(normalize(username))).execute() > 0;
    }

    /** Replaces a user's roles; answers whether the user exists. */
    public boolean replaceRoles(String username, Set<Role> roles) {
        Optional<UUID> id = db.update(USERS).set(USERS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(USERS.USERNAME.eq(normalize(username))).returning(USERS.ID).fetchOptional(USERS.ID);
        id.ifPresent(userId -> {
            db.deleteFrom(USER_ROLES).where(USER_ROLES.USER_ID.eq(userId)).execute();
            roles.forEach(role -> db.insertInto(USER_ROLES).set(USER_ROLES.USER_ID, userId)
                    .set(USER_ROLES.ROLE, role.name()).execute());
        });
        return id.isPresent();
    }

    /** Enables or disables a user; answers whether the user exists. */
    public boolean setEnabled(String username, boolean enabled) {
        return db.update(USERS).set(USERS.ENABLED, enabled).set(USERS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(USERS.USERNAME.eq(normalize(username))).execute() > 0;
    }

    /** Replaces a user's password hash; answers whether the user exists. */
    public boolean setPasswordHash(String username, String passwordHash) {
        return db.update(USERS).set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(USERS.USERNAME.eq(normalize(username))).execute() > 0;
    }

    /**
     * Notes a sign-in at {@code at}, unless the last one noted is less than {@code unlessWithin} before it (so that
     * a script authenticating on every request does not write on every request); answers whether it was noted.
     */
    public boolean recordLogin(String username, OffsetDateTime at, Duration unlessWithin) {
        return db.update(USERS).set(USERS.LAST_LOGIN_AT, at)
                .where(USERS.USERNAME.eq(normalize(username)))
                .and(USERS.LAST_LOGIN_AT.isNull().or(USERS.LAST_LOGIN_AT.le(at.minus(unlessWithin))))
                .execute() > 0;
    }

    /**
     * The names of the enabled users with role {@code role}, their rows locked until the transaction ends, so that
     * two administrators cannot at the same moment each take away one of the last two.
     */
    public List<String> lockEnabledWithRole(Role role) {
        return db.select(USERS.USERNAME).from(USERS).join(USER_ROLES).on(USER_ROLES.USER_ID.eq(USERS.ID))
                .where(USERS.ENABLED.isTrue()).and(USER_ROLES.ROLE.eq(role.name()))
                .orderBy(USERS.USERNAME)
                .forUpdate().of(USERS)
                .fetch(USERS.USERNAME);
    }

    private Set<Role> rolesOf(UUID userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        db.select(USER_ROLES.ROLE).from(USER_ROLES).where(USER_ROLES.USER_ID.eq(userId))
                .forEach(row -> roles.add(Role.valueOf(row.value1())));
        return roles;
    }

    /** A user name as stored: trimmed, in lower case. */
    public static String normalize(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }
}
