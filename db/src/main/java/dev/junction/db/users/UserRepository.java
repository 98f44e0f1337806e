package dev.junction.db.users;

import org.jooq.DSLContext;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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

    private Set<Role> rolesOf(UUID userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        db.select(USER_ROLES.ROLE).from(USER_ROLES).where(USER_ROLES.USER_ID.eq(userId))
                .forEach(row -> roles.add(Role.valueOf(row.value1())));
        return roles;
    }

    private static String normalize(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }
}
