package dev.junction.db;

import dev.junction.db.embedded.EmbeddedDatabase;
import dev.junction.db.embedded.EmbeddedDatabaseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseTest {

    @Test
    void dataInAKeptDirectorySurvivesARestart(@TempDir Path home) throws SQLException {
        Path dataDirectory = home.resolve("pgdata");
        try (EmbeddedDatabase first = EmbeddedDatabase.startKeeping(dataDirectory);
             Connection connection = DriverManager.getConnection(first.jdbcUrl(), first.user(), first.password())) {
            connection.createStatement().execute("create table kept (value text)");
            connection.createStatement().execute("insert into kept values ('still here')");
        }

        try (EmbeddedDatabase second = EmbeddedDatabase.startKeeping(dataDirectory);
             Connection connection = DriverManager.getConnection(second.jdbcUrl(), second.user(), second.password());
             ResultSet row = connection.createStatement().executeQuery("select value from kept")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("still here");
            assertThat(second.dataDirectory()).isEqualTo(dataDirectory.toAbsolutePath());
        }
    }

    @Test
    void durabilityIsOn() throws SQLException {
        try (EmbeddedDatabase database = EmbeddedDatabase.startFresh();
             Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                     database.password());
             ResultSet row = connection.createStatement().executeQuery("show synchronous_commit")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("on");
        }
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsAClearError(@TempDir Path home) throws Exception {
        Path file = Files.writeString(home.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> EmbeddedDatabase.startKeeping(file.resolve("pgdata")))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("Cannot create the data directory " + file.resolve("pgdata"));
    }
}
