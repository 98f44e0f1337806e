package dev.junction.backend.database;

import dev.junction.db.embedded.EmbeddedDatabase;

/**
 * The PostgreSQL server Junction uses: an embedded one it started itself (the zero-setup default), or an external
 * one named by configuration. Closing stops an embedded server and does nothing to an external one.
 */
public sealed interface DatabaseServer extends AutoCloseable {

    String jdbcUrl();

    String user();

    String password();

    /** How the startup log names this database to a person (never with its password). */
    String description();

    @Override
    void close();

    record Embedded(EmbeddedDatabase database) implements DatabaseServer {
        public String jdbcUrl() { return database.jdbcUrl(); }
        public String user() { return database.user(); }
        public String password() { return database.password(); }
        public String description() {
            return "embedded PostgreSQL on port " + database.port() + ", data in " + database.dataDirectory();
        }
        public void close() { database.close(); }
    }

    record External(String jdbcUrl, String user, String password) implements DatabaseServer {
        public String description() {
            return "external PostgreSQL at " + jdbcUrl + (user.isBlank() ? "" : " as user " + user);
        }
        public void close() {
            // not ours to stop
        }
    }
}
