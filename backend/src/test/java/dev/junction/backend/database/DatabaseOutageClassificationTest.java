package dev.junction.backend.database;

import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database cannot be reached" (answered 503, retried) and which are bugs or bad data. */
class DatabaseOutageClassificationTest {

    @Test
    void connectionFailuresAndServerShutdownsAreOutagesWhereverTheyAreWrapped() {
        assertThat(DatabaseOutage.isCause(new DataAccessException("jOOQ",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLException("terminating connection due to"
                + " administrator command", "57P01")))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(DatabaseOutage.isCause(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool timed out")))).isTrue();
    }

    @Test
    void badDataAndBugsAreNot() {
        assertThat(DatabaseOutage.isCause(new DuplicateKeyException("unique"))).isFalse();
        assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException("null value",
                new SQLException("null value in column", "23502")))).isFalse();
        assertThat(DatabaseOutage.isCause(new DataAccessException("jOOQ",
                new SQLException("invalid byte sequence for encoding UTF8: 0x00", "22021")))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("a bug"))).isFalse();
    }
}
