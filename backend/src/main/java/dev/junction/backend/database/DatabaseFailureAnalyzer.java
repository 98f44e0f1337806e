package dev.junction.backend.database;

import dev.junction.db.embedded.EmbeddedDatabaseException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

import java.sql.SQLException;

/**
 * Turns a database that cannot be reached at start into a short report that says which database and which
 * setting to check, instead of a stack trace.
 */
class DatabaseFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    DatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EmbeddedDatabaseException embedded) {
                return new FailureAnalysis(embedded.getMessage(),
                        "Free or change the data directory (JUNCTION_DATA_DIR), or use an external PostgreSQL"
                                + " (JUNCTION_DB_URL, JUNCTION_DB_USER, JUNCTION_DB_PASSWORD).", embedded);
            }
            if (cause instanceof SQLException sql && isConnectionOrLoginFailure(sql)) {
                String url = environment.getProperty("junction.db.url", "");
                String where = url.isBlank() ? "the database" : "the PostgreSQL at " + url;
                return new FailureAnalysis("Junction could not connect to " + where + ": " + sql.getMessage(),
                        "Check that the server runs and is reachable, and check JUNCTION_DB_URL, JUNCTION_DB_USER"
                                + " and JUNCTION_DB_PASSWORD. Unset JUNCTION_DB_URL to use the embedded PostgreSQL.",
                        sql);
            }
        }
        return null;
    }

    /** SQL states of class 08 (connection exception) and 28 (invalid authorization), and 3D000 (no such database). */
    private static boolean isConnectionOrLoginFailure(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000"));
    }
}
