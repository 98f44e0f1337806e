package dev.junction.db.embedded;

/** The embedded PostgreSQL could not be started; the message says where and what to do. */
public class EmbeddedDatabaseException extends RuntimeException {

    public EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
