package dev.junction.backend.database;

import org.slf4j.Logger;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.time.Duration;

/**
 * Recognises a failure that means "the database cannot be reached or cannot take work right now" — as opposed to a
 * bug or bad data — wherever it surfaces: Spring's {@link TransientDataAccessException} and
 * {@link DataAccessResourceFailureException} (which include {@code CannotGetJdbcConnectionException}), a transaction
 * that could not begin, or a JDBC {@link SQLException} (wrapped by jOOQ or not) of SQL state class 08 (connection
 * exception), 53 (insufficient resources) or 57P01–57P03 (the server shutting down or starting), or one of the
 * driver's transient exceptions (the pool found no connection in time). Such failures are answered 503 with
 * {@code Retry-After} on HTTP, and make a run step try again later rather than fail.
 */
public final class DatabaseOutage {

    /** What a client that met an outage is asked to wait before trying again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DatabaseOutage() {
    }

    /**
     * Logs a background task's failure to do {@code notDone} (e.g. "Rollups not folded"): an outage at debug level,
     * once per attempt and without its stack (the database's own state says enough, and the task tries again on its
     * next turn), anything else as a warning with its stack.
     */
    public static void log(Logger log, String notDone, RuntimeException failure) {
        if (isCause(failure)) {
            log.debug("{}: the database is unavailable", notDone);
        } else {
            log.warn(notDone, failure);
        }
    }

    /** Whether {@code failure}, or anything that caused it, says the database is unavailable. */
    public static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException || cause instanceof SQLTransientException) {
                return true;
            }
            if (cause instanceof SQLException sql && isUnavailableState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static boolean isUnavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.equals("57P01")
                || state.equals("57P02") || state.equals("57P03"));
    }
}
