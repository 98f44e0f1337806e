package dev.junction.db.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server run as a child process: the zero-setup database of Junction and of its tests.
 * With a kept data directory the data survives restarts; a fresh one starts empty and is deleted on close.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts PostgreSQL on the given data directory, creating it on first use and keeping it afterwards. The server
     * stops on {@link #close()} only — not on a JVM shutdown hook of its own, which would stop it while the
     * application still finishes its work (the run workers give back their tasks when they stop): the application's
     * own shutdown closes it, last.
     */
    public static EmbeddedDatabase startKeeping(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot create the data directory " + directory + ": " + e.getMessage(), e);
        }
        return start(directory, false, false);
    }

    /**
     * Starts PostgreSQL on a new, empty data directory that is removed again on {@link #close()} or, failing that,
     * by a JVM shutdown hook.
     */
    public static EmbeddedDatabase startFresh() {
        return startFresh(true);
    }

    /**
     * Starts PostgreSQL on a new, empty data directory that is removed again on {@link #close()}; with
     * {@code shutdownHook} false the owner must close it (an application that still uses the database while it
     * shuts down closes it last itself, rather than have a hook of its own stop it meanwhile).
     */
    public static EmbeddedDatabase startFresh(boolean shutdownHook) {
        try {
            return start(Files.createTempDirectory("junction-pg-"), true, shutdownHook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedDatabase start(Path directory, boolean clean, boolean shutdownHook) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(clean)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(shutdownHook)
                    // zonky turns durability off for speed; Junction's runs must survive a crash
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .start();
            return new EmbeddedDatabase(postgres, directory);
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL did not start on data directory " + directory
                    + " (is another Junction using it? Choose another with JUNCTION_DATA_DIR, or configure an external"
                    + " database with JUNCTION_DB_URL): " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    public String user() {
        return USER;
    }

    /** The embedded server trusts local connections; the password is not checked. */
    public String password() {
        return "";
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
