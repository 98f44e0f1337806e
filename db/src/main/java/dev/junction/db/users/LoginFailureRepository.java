package dev.junction.db.users;

import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.Optional;

import static dev.junction.db.schema.Tables.LOGIN_FAILURES;

/**
 * Counters of failed sign-ins, one per user name tried (any name, whether a user has it or not). The rules —
 * how many failures lock a name, for how long — belong to the caller.
 */
public class LoginFailureRepository {

    private final DSLContext db;

    public LoginFailureRepository(DSLContext db) {
        this.db = db;
    }

    /** Until when {@code username} is locked, when a lock was ever set and not cleared since (it may be past). */
    public Optional<OffsetDateTime> lockedUntil(String username) {
        return db.select(LOGIN_FAILURES.LOCKED_UNTIL).from(LOGIN_FAILURES)
                .where(LOGIN_FAILURES.USERNAME.eq(username))
                .fetchOptional(LOGIN_FAILURES.LOCKED_UNTIL);
    }

    /**
     * The counter of {@code username}, created empty when there is none, locked against concurrent sign-ins until
     * the transaction ends (so that parallel failures are all counted). Needs a transaction.
     */
    public LoginFailures lockCounter(String username, OffsetDateTime now, String source) {
        db.insertInto(LOGIN_FAILURES)
                .set(LOGIN_FAILURES.USERNAME, username)
                .set(LOGIN_FAILURES.FAILURES, 0)
                .set(LOGIN_FAILURES.WINDOW_START, now)
                .set(LOGIN_FAILURES.LAST_FAILED_AT, now)
                .set(LOGIN_FAILURES.LAST_SOURCE, source)
                .onConflictDoNothing()
                .execute();
        return db.selectFrom(LOGIN_FAILURES).where(LOGIN_FAILURES.USERNAME.eq(username)).forUpdate().fetchSingle()
                .map(row -> new LoginFailures(row.get(LOGIN_FAILURES.USERNAME), row.get(LOGIN_FAILURES.FAILURES),
                        row.get(LOGIN_FAILURES.WINDOW_START), row.get(LOGIN_FAILURES.LOCKED_UNTIL)));
    }

    /** Stores a counter after a failure at {@code at} from {@code source}. */
    public void save(LoginFailures counter, OffsetDateTime at, String source) {
        db.update(LOGIN_FAILURES)
                .set(LOGIN_FAILURES.FAILURES, counter.failures())
                .set(LOGIN_FAILURES.WINDOW_START, counter.windowStart())
                .set(LOGIN_FAILURES.LOCKED_UNTIL, counter.lockedUntil())
                .set(LOGIN_FAILURES.LAST_FAILED_AT, at)
                .set(LOGIN_FAILURES.LAST_SOURCE, source)
                .where(LOGIN_FAILURES.USERNAME.eq(counter.username()))
                .execute();
    }

    /** Forgets the failures of {@code username} (and its lock); answers whether there were any. */
    public boolean clear(String username) {
        return db.deleteFrom(LOGIN_FAILURES).where(LOGIN_FAILURES.USERNAME.eq(username)).execute() > 0;
    }
}
