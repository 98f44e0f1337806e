package dev.junction.db.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL asks every client for the superuser's password, which is kept owner-only in the data
 * directory, and listens on the loopback address only; a data directory from before passwords is upgraded.
 */
class PasswordAuthenticationTest {

    @TempDir
    Path home;

    @Test
    void aClientWithoutThePasswordOrWithAWrongOneIsRefused() throws SQLException {
        try (EmbeddedDatabase database = EmbeddedDatabase.startKeeping(home.resolve("pgdata"))) {
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres").close())
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres",
                    database.password() + "x").close())
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));

            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", database.password());
                 ResultSet row = connection.createStatement().executeQuery("select 1")) {
                assertThat(row.next()).isTrue();
            }
        }
    }

    @Test
    void thePasswordIsKeptOwnerOnlyInTheDataDirectory() throws Exception {
        Path dataDirectory = home.resolve("pgdata");
        String password;
        try (EmbeddedDatabase database = EmbeddedDatabase.startKeeping(dataDirectory)) {
            password = database.password();
        }
        Path file = dataDirectory.resolve("junction-db.password");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file).strip()).isEqualTo(password).hasSizeGreaterThanOrEqualTo(40);

        try (EmbeddedDatabase again = EmbeddedDatabase.startKeeping(dataDirectory)) {
            assertThat(again.password()).isEqualTo(password);
        }
    }

    @Test
    void everyRuleAsksForAPasswordAndTheServerListensOnLoopbackOnly() throws SQLException {
        try (EmbeddedDatabase database = EmbeddedDatabase.startFresh();
             Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                     database.password())) {
            assertThat(single(connection, "show listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(single(connection, "show password_encryption")).isEqualTo("scram-sha-256");
            assertThat(single(connection, "select string_agg(distinct type || ':' || auth_method, ',' order by"
                    + " type || ':' || auth_method) from pg_hba_file_rules"))
                    .isEqualTo("host:scram-sha-256,local:scram-sha-256");
        }
    }

    @Test
    void aDataDirectoryFromBeforePasswordsIsUpgradedAndKeepsItsData() throws Exception {
        Path dataDirectory = home.resolve("pgdata");
        try (EmbeddedPostgres trusting = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).start();
             Connection connection = trusting.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create table kept (value text)");
            connection.createStatement().execute("insert into kept values ('from the trust days')");
        }
        assertThat(Files.readString(dataDirectory.resolve("pg_hba.conf"))).containsPattern("(?m)^local\\s+all.*trust");

        try (EmbeddedDatabase upgraded = EmbeddedDatabase.startKeeping(dataDirectory)) {
            assertThatThrownBy(() -> DriverManager.getConnection(upgraded.jdbcUrl(), "postgres", "anything").close())
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
            try (Connection connection = DriverManager.getConnection(upgraded.jdbcUrl(), upgraded.user(),
                    upgraded.password())) {
                assertThat(single(connection, "select value from kept")).isEqualTo("from the trust days");
                assertThat(single(connection, "select count(*) from pg_hba_file_rules where auth_method = 'trust'"))
                        .isEqualTo("0");
            }
            assertThat(Files.getPosixFilePermissions(dataDirectory.resolve("junction-db.password")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }

        try (EmbeddedDatabase restarted = EmbeddedDatabase.startKeeping(dataDirectory);
             Connection connection = DriverManager.getConnection(restarted.jdbcUrl(), restarted.user(),
                     restarted.password())) {
            assertThat(single(connection, "select value from kept")).isEqualTo("from the trust days");
        }
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery(query)) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }
}
